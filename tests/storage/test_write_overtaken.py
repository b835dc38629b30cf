"""Walk 27 F1, F2, F4: two writes to one meeting at once. What a change replaces, asks and announces is
decided on the state its write changes: the second of two racing `dato` names the date it really replaced
(as in the history), and the second of two racing `referat` is asked «Dette erstatter referatet …», as one
after the other, so a confirmed referat and its follow-up point never vanish unannounced and «… er holdt»
is told once. On every store, with the two requests on two instances (two processes, two replicas)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pytest

from bot.state.store import cycle_partition
from storage.base import Document, Store, Tables
from tests.driver import BotDriver, make_bot, oslo

FORMS = {"nb": ("kari", "agder", "bekreft"), "nn": ("per", "vestland", "stadfest")}


def _interleave(store: Store, *, partition: str) -> Callable[[Callable[[], None]], None]:
    """`then(hook)`: the next update of `partition` on `store` runs `hook` just before it takes the lock,
    as another request that landed between this one's reads and its write."""
    waiting: list[Callable[[], None]] = []
    original = store.update

    @contextmanager
    def update(name: str) -> Iterator[Tables]:
        if name == partition and waiting:
            waiting.pop()()
        with original(name) as tables:
            yield tables

    store.update = update  # type: ignore[method-assign]
    return waiting.append


def _bots(two_instances: tuple[Store, Store], *, region: str) -> tuple[BotDriver, BotDriver]:
    first, second = two_instances
    a, b = make_bot(store=first, at=oslo(2026, 11, 25, 9)), make_bot(store=second, at=oslo(2026, 11, 25, 9))
    assert a.say(f"person @eva {region} koordinator Eva Li", as_="admin", channel="nasjonal").ok
    return a, b


def _history(store: Store, partition: str) -> list[Document]:
    return list(store.rows(partition, table="history").values())


def _texts(bot: BotDriver) -> list[str]:
    return [announcement.reply.text for announcement in bot.last.announcements]


@pytest.mark.parametrize("two_instances", ["memory", "tinydb", "postgres"], indirect=True)
@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_two_dates_at_once_each_name_the_date_they_replaced(two_instances: tuple[Store, Store], lang: str) -> None:
    person, region, confirm = FORMS[lang]
    a, b = _bots(two_instances, region=region)
    assert a.say(f"dato høst {region} 2026 2026-12-10 13:00 {confirm}", as_=person, channel=region).ok
    partition = cycle_partition(region, 2026)
    then = _interleave(two_instances[0], partition=partition)
    seen: list[str] = []
    then(
        lambda: seen.append(
            b.say(f"dato høst {region} 2026 2026-12-11 13:00 {confirm}", as_="eva", channel=region).text
        )
    )
    reply = a.say(f"dato høst {region} 2026 2026-12-04 10:00 {confirm}", as_=person, channel=region)
    replaces = {"nb": "Erstatter", "nn": "Erstattar"}[lang]
    moved = {"nb": "flyttet fra", "nn": "flytta frå"}[lang]
    assert f"{replaces} torsdag 10. desember 2026 kl. 13.00" in seen[0]
    assert reply.ok and f"{replaces} fredag 11. desember 2026 kl. 13.00" in reply.text, reply.text
    told = _texts(a)
    assert told and all("fredag 11. desember 2026 kl. 13.00 til fredag 4. desember" in text for text in told), told
    assert not any("10. desember" in text for text in told)
    assert moved in told[0]
    stored = two_instances[1].read(partition)["milestones"]
    assert any(doc.get("planned", "").startswith("2026-12-04T10:00") for doc in stored.values())
    dated = [entry for entry in _history(two_instances[1], partition) if entry.get("action") == "set_date"]
    coordinator = "Kari Nordmann" if lang == "nb" else "Per Hansen"
    assert [entry["name"] for entry in dated] == [coordinator, "Eva Li", coordinator]
    assert dated[-2]["at"] <= dated[-1]["at"], "the newest entry is the one written last"


@pytest.mark.parametrize("two_instances", ["memory", "tinydb", "postgres"], indirect=True)
@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_two_minutes_at_once_the_second_is_asked_and_nothing_vanishes(
    two_instances: tuple[Store, Store], lang: str
) -> None:
    person, region, confirm = FORMS[lang]
    a, b = _bots(two_instances, region=region)
    partition = cycle_partition(region, 2026)
    then = _interleave(two_instances[0], partition=partition)
    autumn = {"nb": "høst", "nn": "haust"}[lang]
    line = "referat {autumn} {region} 2026 {who} sitt referat vedtak: {d} oppfølging: {who} gjør {x} @{party} {confirm}"
    seen = []
    then(
        lambda: seen.append(
            b.say(
                line.format(autumn=autumn, region=region, who="Eva", d="B", x="Y", party="SIVA", confirm=confirm),
                as_="eva",
                channel=region,
            )
        )
    )
    reply = a.say(
        line.format(autumn=autumn, region=region, who="Kari", d="A", x="X", party="IN", confirm=confirm),
        as_=person,
        channel=region,
    )
    assert seen[0].ok, seen[0].text
    assert any("Eva gjør Y" in text for text in _texts(b)), "the point recorded is announced"
    assert not reply.ok, reply.text
    assert {"nb": "Dette erstatter referatet", "nn": "Dette erstattar referatet"}[lang] in reply.text
    assert "Eva gjør Y" in reply.text, "the question names the open point the replacement would drop"
    assert a.last.announcements == (), "asked, not recorded: nobody is told anything, «er holdt» not again"
    minutes = [entry for entry in _history(two_instances[1], partition) if "referat" in entry["summary"].lower()]
    assert len(minutes) == 1 and minutes[0]["name"] == "Eva Li", minutes
    shown = b.say(f"referat vis {autumn} {region} 2026", as_="eva", channel=region).text
    assert "Eva sitt referat" in shown and "Kari sitt referat" not in shown


def test_an_update_tells_the_version_it_locked(store: Store) -> None:
    """`Store.locked_version`: inside an update, the version the partition was when the lock was taken (what
    a request that read it before compares); outside one, None. A store may not tell (None throughout)."""
    name = "cycle/agder/2031"
    with store.update(name) as tables:
        tables["x"] = {"k": {"n": 1}}
        first = store.locked_version(name)
    assert first in (0, None)
    before = store.version(name)
    with store.update(name) as tables:
        assert store.locked_version(name) in (before, None)
        assert store.locked_version("cycle/agder/2032") is None
    assert store.locked_version(name) is None
