"""Walk 37 F-I: `oppdrag IN sendt <dag>` (the usage's placeholder typed back) was refused with an example that
dropped the day, so the example recorded today without a word. It asks for the day as `forutsetning … <dag>`
does (walk 33 F1): nothing recorded, a button for today. The example's day is the item's own deadline when it
has passed, else today (it was always «14. desember», a day before the state budget's usual day)."""

from __future__ import annotations

import pytest

from tests.driver import make_bot, oslo


@pytest.mark.parametrize(("person", "channel"), [("kari", "agder"), ("per", "vestland")])
def test_an_assignment_placeholder_day_records_nothing_and_asks(person: str, channel: str) -> None:
    bot = make_bot(at=oslo(2027, 1, 20, 9, 0))
    before = bot.snapshot()
    reply = bot.say("oppdrag IN sendt <dag>", as_=person, channel=channel)
    today = "oppdrag IN sendt i dag"
    assert not reply.ok and "Ingenting er registrert" in reply.text, reply.text
    assert f"«{today}»" in reply.text and [b.command for b in reply.buttons] == [today], reply.text
    assert "«oppdrag IN sendt 20. januar 2027»" in reply.text, reply.text
    assert ("i staden for" in reply.text) == (person == "per"), reply.text  # the asker's own written form
    assert bot.snapshot() == before
    recorded = bot.say(today, as_=person, channel=channel)
    assert recorded.ok and "20. januar 2027" in recorded.text, recorded.text


@pytest.mark.parametrize(
    ("person", "channel", "typed", "example"),
    [
        (
            "kari",
            "agder",
            "forutsetning budsjett 2027 vedtatt <dag>",
            "forutsetning budsjett 2027 vedtatt 31. desember 2026",
        ),
        (
            "per",
            "vestland",
            "føresetnad budsjett 2027 vedteke <dag>",
            "føresetnad budsjett 2027 vedteke 31. desember 2026",
        ),
        (
            "nils",
            None,
            "forutsetning tildelingsbrev mottatt <dag>",
            "forutsetning tildelingsbrev mottatt 20. januar 2027",
        ),
    ],
)
def test_the_example_day_is_the_items_deadline_or_today(
    person: str, channel: str | None, typed: str, example: str
) -> None:
    bot = make_bot(at=oslo(2027, 1, 20, 9, 0))
    reply = bot.say(typed, as_=person, **({"channel": channel} if channel else {}))
    assert not reply.ok and f"«{example}»" in reply.text, reply.text
    assert "14. desember" not in reply.text, reply.text
