"""The last stop's leftover (writes): a history entry's «at» was the request's time, taken before the
partition's lock, so a write that waited for another writer was stamped before the one it followed (and a
rerun after an Overtaken again at its own start). It is now read once under the lock, when the change lands."""

from __future__ import annotations

import threading
import time
from datetime import timedelta
from pathlib import Path

from bot.messages import Request
from storage.tinydb_store import TinyDBStore
from tests.driver import make_bot, oslo

CYCLE = "cycle/agder/2027"


def test_a_write_that_waited_for_the_lock_is_stamped_when_it_lands(tmp_path: Path) -> None:
    bot = make_bot(at=oslo(2027, 1, 5, 10), store=TinyDBStore(tmp_path))  # reads do not wait for a writer
    started = bot.clock.now()
    request = Request(platform="terminal", user_id="kari", channel_id="agder", text="dato vår 20. april kl 10")
    outcomes = []
    with bot.core.store.update(CYCLE):  # another writer holds Agder's cycle
        writer = threading.Thread(target=lambda: outcomes.append(bot.core.handle(request)))
        writer.start()
        time.sleep(0.3)  # the write has read the clock for its decision and waits for the lock
        bot.clock.advance(timedelta(minutes=5))
    writer.join(timeout=30)
    assert outcomes and outcomes[0].reply.ok, outcomes
    entry = bot.core.state.history(CYCLE)[-1]
    assert entry["at"] == (started + timedelta(minutes=5)).isoformat(), (entry["at"], started)
