"""Issue 21, a `neste` worked out anew: what a process keeps between requests (a signing's progress by its
document and the signatures, each item's by its partition's tables, the earlier cycles' open points) never
changes what a reply says. After each write, the region's and the actor's `neste` and `status` read the same
as a process that starts on a copy of the store, which has kept nothing; and so after a write in another
region than the asker's (what an actor's and AU's `neste` keep per partition: the written one alone is new)."""

from __future__ import annotations

import copy

import pytest

from bot.messages import Reply
from storage.memory import MemoryStore
from tests.driver import BotDriver, make_bot, oslo, record_all_preconditions

WRITES = [  # person, command: a precondition, a party's signature, the signing's day, its undoing
    ("kari", "ikke aktuelt oppdrag agder 2027"),
    ("ola", "signer IN agder 2027"),
    ("kari", "ikke aktuelt oppdrag agder 2027 angre"),
    ("siri", "signer SIVA agder 2027"),
    ("kari", "signer agder agder 2027"),
]
ELSEWHERE = [  # in Vestland, while the reads are Agder's, IN's and AU's: Agder's stays, the others' move
    ("per", "ikke aktuelt oppdrag vestland 2027"),
    ("ola", "signer IN vestland 2027"),
    ("per", "ikke aktuelt oppdrag vestland 2027 angre"),
    ("per", "signer vestland vestland 2027"),
]
READS = [("kari", "agder", "neste"), ("kari", "agder", "status"), ("ola", "in", "neste"), ("aud", None, "neste")]
READS_ELSEWHERE = [*READS, ("ola", "in", "neste IN vestland")]  # an actor's view of the region written


def _copy(store: MemoryStore) -> MemoryStore:
    """The same partitions, every object new: nothing a process keeps by identity is found for them."""
    fresh = MemoryStore()
    for name in store.partitions(""):
        with fresh.update(name) as tables:
            tables.update(copy.deepcopy(dict(store.read(name))))
    return fresh


def _said(reply: Reply) -> tuple[str, tuple[object, ...], tuple[str, ...]]:
    return reply.text, tuple(reply.sections), tuple(button.command for button in reply.buttons)


def _reads(
    bot: BotDriver, reads: list[tuple[str, str | None, str]] = READS
) -> list[tuple[str, tuple[object, ...], tuple[str, ...]]]:
    return [_said(bot.say(text, as_=person, channel=channel)) for person, channel, text in reads]


@pytest.mark.parametrize("day", [(2027, 1, 12), (2027, 1, 28)])
def test_neste_after_each_write_says_what_a_fresh_process_says(day: tuple[int, int, int]) -> None:
    bot = make_bot(at=oslo(*day, 9))
    record_all_preconditions(bot, year=2027)
    before = _reads(bot)
    for person, command in WRITES:
        assert bot.say(command, as_=person).ok, command
        after = _reads(bot)
        store = bot.core.store
        assert isinstance(store, MemoryStore)
        fresh = make_bot(at=oslo(*day, 9), store=_copy(store))
        assert after == _reads(fresh), command
        assert after != before or command.endswith("angre"), command  # each write is seen
        before = after


@pytest.mark.parametrize("day", [(2027, 1, 12), (2027, 1, 28)])
def test_neste_after_a_write_in_another_region_says_what_a_fresh_process_says(day: tuple[int, int, int]) -> None:
    bot = make_bot(at=oslo(*day, 9))
    record_all_preconditions(bot, year=2027)
    record_all_preconditions(bot, year=2027, region="vestland")
    before = _reads(bot, READS_ELSEWHERE)
    for person, command in ELSEWHERE:
        assert bot.say(command, as_=person, channel="vestland").ok, command
        after = _reads(bot, READS_ELSEWHERE)
        store = bot.core.store
        assert isinstance(store, MemoryStore)
        assert after == _reads(make_bot(at=oslo(*day, 9), store=_copy(store)), READS_ELSEWHERE), command
        assert after[:2] == before[:2], command  # Agder's own `neste` and `status` do not read Vestland
        if command.startswith("signer IN"):  # IN's view of Vestland no longer offers what IN has signed
            assert "Signering av samarbeidsavtalen 2027" in before[-1][0], command
            assert "Signering av samarbeidsavtalen 2027" not in after[-1][0], command
        before = after
