"""Walk 8, N7 (second half): a FULL date (or a typed year) that fits only another cycle's item than the one a
`dato` without a year means is never saved to that other cycle without a question naming both; a full date
inside the meant cycle's window is taken for it. For every kind of milestone, in both written forms."""

from __future__ import annotations

import pytest

from tests.driver import make_bot, oslo

# (who, channel, command word, typed date in the next cycle's window, typed date in the meant cycle's window,
#  the item asked about (next cycle), the meant (overdue) item) on 8 January 2027, nothing of 2026 done
CASES = [
    ("kari", "agder", "høst", "10.12.2027", "10. desember 2026",
     "i vinduet for Administrativt dialogmøte høst 2027, ikke for Administrativt dialogmøte høst 2026"),
    ("per", "vestland", "haust", "10.12.2027", "10. desember 2026",
     "i vindauget for Administrativt dialogmøte haust 2027, ikkje for Administrativt dialogmøte haust 2026"),
    ("kari", "agder", "politisk", "14.12.2027", "14.12.2026",
     "i vinduet for Politisk behandling av utkast til samarbeidsavtale 2028, ikke for Politisk behandling av "
     "utkast til samarbeidsavtale 2027"),
    ("per", "vestland", "handlingsplan", "2.12.2027", "2. desember 2026",
     "i vindauget for Årleg handlingsplan vedteken 2028, ikkje for Årleg handlingsplan vedteken 2027"),
    ("aud", "nasjonal", "høstmøte", "19.11.2027", "19.11.2026",
     "i vinduet for Nasjonalt temamøte høst (høstmøtet) 2027, ikke for Nasjonalt temamøte høst (høstmøtet) 2026"),
]  # fmt: skip


@pytest.mark.parametrize(("as_", "channel", "word", "other", "meant", "named"), CASES)
def test_a_full_date_of_the_next_cycle_is_asked_naming_both(
    as_: str, channel: str, word: str, other: str, meant: str, named: str
) -> None:
    bot = make_bot(at=oslo(2027, 1, 8, 10))
    before = bot.snapshot()
    reply = bot.say(f"dato {word} {other}", as_=as_, channel=channel)
    assert bot.snapshot() == before, reply.text  # nothing saved to the other cycle
    assert named in reply.text, reply.text
    command = reply.buttons[0].command  # «Lagre likevel» names the cycle it writes, and saves as typed
    bot.say(command, as_=as_, channel=channel)
    assert bot.snapshot() != before


@pytest.mark.parametrize(("as_", "channel", "word", "other", "meant", "named"), CASES)
def test_a_full_date_in_the_meant_cycle_is_taken_for_it(
    as_: str, channel: str, word: str, other: str, meant: str, named: str
) -> None:
    bot = make_bot(at=oslo(2027, 1, 8, 10))
    reply = bot.say(f"dato {word} {meant}", as_=as_, channel=channel)
    year = named.rsplit(" ", 1)[1]  # the meant item's cycle
    assert f" {year} 2026-1" in reply.buttons[0].command, reply.text  # asked only as a past day, for that cycle
    assert "vinduet for" not in reply.text and "vindauget for" not in reply.text, reply.text


def test_the_typed_cycle_is_taken_without_the_question() -> None:
    bot = make_bot(at=oslo(2027, 1, 8, 10))
    reply = bot.say("dato høst 2027 10.12.2027", as_="kari", channel="agder")
    assert reply.title.startswith("Dato satt: Administrativt dialogmøte høst 2027"), reply.text


def test_planning_ahead_when_the_overdue_item_is_long_gone_is_not_asked() -> None:
    """August 2027: the action plan due last December is not what a December date means; its next window
    opens within weeks."""
    bot = make_bot(at=oslo(2027, 8, 10, 10))
    reply = bot.say("dato handlingsplan 2.12.2027", as_="kari", channel="agder")
    assert reply.title.startswith("Dato satt: Årlig handlingsplan vedtatt 2028"), reply.text


def test_a_finished_meeting_does_not_hold_back_planning_the_next() -> None:
    bot = make_bot(at=oslo(2026, 12, 1, 10))
    bot.say("dato høstmøte 20. november 2026 bekreft", as_="aud", channel="nasjonal")
    bot.say("dato høst 30.11.2026 bekreft", as_="kari", channel="agder")
    bot.say("referat høstmøte Godt møte", as_="aud", channel="nasjonal")
    assert bot.say("referat høst Godt møte", as_="kari", channel="agder").title.startswith("Referat registrert")
    bot.clock.set(oslo(2027, 1, 11, 10))
    reply = bot.say("dato høst 9.12.2027", as_="kari", channel="agder")
    assert reply.title.startswith("Dato satt: Administrativt dialogmøte høst 2027"), reply.text
