"""A replica running one reminder pass against PostgreSQL; driven by test_postgres.py.

``python -m tests.storage._pg_replica URL STOP_AFTER``: runs a reminder pass (again while another replica
holds the lease)
at Monday 11 January 2027 09:00, printing ``post <platform> <channel> <title>|<text>`` for every accepted
post. With STOP_AFTER >= 0 it prints ``blocked`` before post number STOP_AFTER + 1 and hangs there (to be
killed with SIGKILL in the middle of the pass); ``done`` when the pass finished.
"""

from __future__ import annotations

import asyncio
import hashlib
import sys
import tempfile
import time
from pathlib import Path

from adapters.compose import make_core
from bot.clock import FixedClock
from bot.messages import Reply
from bot.model.config import load_config
from bot.reminders import lease as pass_lease
from bot.reminders import passes as reminders
from storage.postgres import PostgresStore
from tests.driver import add_to_teams, oslo

CONFIG = Path(__file__).resolve().parents[2] / "app.yaml"
NOW = oslo(2027, 1, 11, 9, 0)
LEASE_SECONDS = 1.0
GUARD_S = 60


class _Sender:
    """Posts by printing; finds an earlier post by its key as Slack does (the keys every replica posted are
    kept in a file beside the database's socket, as Slack keeps a message's metadata)."""

    def __init__(self, platform: str, stop_after: int, *, keys: Path) -> None:
        self.platform = platform
        self.looks_up = True
        self.stop_after = stop_after
        self.keys = keys

    async def send(self, *, channel_id: str, reply: Reply, key: str | None = None, maybe_posted: bool = False) -> None:
        if maybe_posted and key and self.keys.exists() and key in self.keys.read_text().split():
            return
        if self.stop_after >= 0 and _Sender.posted >= self.stop_after:
            print("blocked", flush=True)
            sys.stdin.readline()  # never answered: the test kills this process here
        _Sender.posted += 1
        if key:
            with self.keys.open("a") as out:
                out.write(key + "\n")
        text = f"{reply.title}|{reply.text}".replace("\n", " ")
        print(f"post {self.platform} {channel_id} {text}", flush=True)

    posted = 0


def main(url: str, stop_after: int) -> None:
    pass_lease.LEASE_SECONDS = LEASE_SECONDS  # a killed replica's lease runs out within a second
    store = PostgresStore(url)
    core = make_core(config=load_config(CONFIG), store=store, clock=FixedClock(NOW))
    add_to_teams(core)  # as the reference bot (`make_bot`): the bot is in every Teams channel
    keys = Path(tempfile.gettempdir()) / f"samh-replica-{hashlib.sha256(url.encode()).hexdigest()[:12]}.keys"
    senders = {platform: _Sender(platform, stop_after, keys=keys) for platform in ("terminal", "slack", "teams")}
    deadline = time.monotonic() + GUARD_S
    while asyncio.run(reminders.run_pass(core=core, senders=senders)).skipped:  # another replica holds the lease
        if time.monotonic() > deadline:
            raise SystemExit("the lease never came free")
        time.sleep(0.05)
    store.close()
    print("done", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
