"""A write overtaken by others' writes on every run it is given (walk 34 F4: 20 `dato` at once over two replicas
on PostgreSQL): nothing of it is written, and the person is told others changed the same thing and to send it
again, not that the storage does not answer (it does; nothing is wrong with it)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from itertools import count

import pytest

from bot.state.store import cycle_partition
from storage.base import Store, Tables
from tests.driver import make_bot, oslo

FORMS = {
    "nb": ("kari", "agder", "bekreft", "Flere endret det samme akkurat nå", "Send det én gang til."),
    "nn": ("per", "vestland", "stadfest", "Fleire endra det same akkurat no", "Send det ein gong til."),
}


@pytest.mark.parametrize("two_instances", ["memory", "tinydb"], indirect=True)
@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_a_write_overtaken_on_every_run_is_asked_again_and_writes_nothing(
    two_instances: tuple[Store, Store], lang: str
) -> None:
    person, region, confirm, others, again = FORMS[lang]
    first, second = two_instances
    a, b = make_bot(store=first, at=oslo(2026, 11, 25, 9)), make_bot(store=second, at=oslo(2026, 11, 25, 9))
    assert b.say(f"person @eva {region} koordinator Eva Li", as_="admin", channel="nasjonal").ok
    partition = cycle_partition(region, 2026)
    days = count(10)
    original = first.update
    landing: list[bool] = []

    @contextmanager
    def update(name: str) -> Iterator[Tables]:
        if name == partition and not landing:  # another coordinator's date lands just before each of its writes
            landing.append(True)
            day = next(days)
            assert b.say(f"dato høst {region} 2026 2026-12-{day} 13:00 {confirm}", as_="eva", channel=region).ok
            landing.clear()
        with original(name) as tables:
            yield tables

    first.update = update  # type: ignore[method-assign]
    reply = a.say(f"dato høst {region} 2026 2026-12-04 10:00 {confirm}", as_=person, channel=region)
    first.update = original  # type: ignore[method-assign]
    assert not reply.ok and others in reply.text and again in reply.text, reply.text
    assert "Lagring" not in reply.text and "Noe gikk galt" not in reply.text
    planned = [doc.get("planned", "") for doc in second.read(partition)["milestones"].values()]
    assert not any(day.startswith("2026-12-04") for day in planned), planned  # nothing of the refused write
    assert bool(a.last.announcements) is False
