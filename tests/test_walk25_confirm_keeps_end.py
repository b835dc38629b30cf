"""Walk 25 F1: a date the bot asks about («kanskje før …») echoed the typed end time («(slutt kl. 15.00)»), but
the «bekreft» command it suggested (and its «Lagre likevel» button) carried only the start, so confirming
dropped the end without a word. The suggestion carries what was typed, end time included."""

from __future__ import annotations

import pytest

from tests.driver import make_bot, oslo


@pytest.mark.parametrize(
    ("person", "region", "meeting", "typed", "end"),
    [
        ("kari", "agder", "høst", "onsdag 18/11 kl. 12.30-15", "15.00"),
        ("per", "vestland", "haust", "18. nov kl 09:00–15:30", "15.30"),
    ],
)
def test_the_suggested_confirm_keeps_the_typed_end_time(
    person: str, region: str, meeting: str, typed: str, end: str
) -> None:
    bot = make_bot(at=oslo(2026, 9, 8, 10))
    before = bot.snapshot()
    asked = bot.say(f"dato {meeting} {typed}", as_=person, channel=region)
    assert bot.snapshot() == before and end in asked.text, asked.text  # asked first, nothing saved
    command = next(button.command for button in asked.buttons if "dato" in button.command)
    assert end.replace(".", ":") in command, command
    saved = bot.say(command, as_=person, channel=region)
    assert saved.ok and end in saved.text, saved.text


@pytest.mark.parametrize(
    ("typed", "shown", "not_shown"),
    [
        ("2026-11-18 12:30-15:00", "18. november 2026 kl. 12.30 (slutt kl. 15.00)", "19. november"),  # hours, no UTC-15
        ("2026-11-18 12:30-05:00", "18. november 2026 kl. 18.30", "slutt"),  # an offset earlier than the start
    ],
)
def test_an_iso_day_with_a_range_of_hours_is_not_a_moment_with_an_offset(
    typed: str, shown: str, not_shown: str
) -> None:
    """The suggested command's own form, typed with a plain hyphen, was read as UTC-15:00: the next day, 04.30."""
    bot = make_bot(at=oslo(2026, 11, 2, 10))
    assert bot.say("dato høstmøte 5. november kl 10", as_="aud").ok
    reply = bot.say(f"dato høst {typed} bekreft", as_="kari", channel="agder")
    assert shown in reply.text and not_shown not in reply.text, reply.text
