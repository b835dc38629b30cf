"""Issue 18's last note: after quiet weeks (no overview posted: nothing new, nothing due), the first weekly
overview repeated the whole list under «endret siden forrige ukeoversikt». It now shows only the lines that
are new or changed since the last overview that channel received (its ledger entry keeps each line's key),
says how many are as then and how many are gone, in both written forms."""

from __future__ import annotations

from datetime import date

import pytest

from tests.test_walk5_fixc import run_passes
from tests.test_walk9_fixp import _waits_on_nfr_at_the_deadline

FORMS = [
    (
        "nb",
        "Ukeoversikt: endret siden forrige ukeoversikt (1. februar 2027)",
        "Under står bare det som er nytt eller endret siden da: 2 linjer.",
        "2 linjer er som da og er ikke gjentatt (skriv «oversikt» for hele bildet).",
        "2 linjer fra da er borte: ferdig eller ikke lenger på etterskudd.",
        ("Ikke signert", "Avtale 2027: Agder, Vestland"),
        "Regioner på etterskudd (2)",
    ),
    (
        "nn",
        "Vekeoversyn: endra sidan førre vekeoversyn (1. februar 2027)",
        "Under står berre det som er nytt eller endra sidan då: 2 linjer.",
        "2 linjer er som då og er ikkje gjentekne (skriv «oversyn» for heile biletet).",
        "2 linjer frå då er borte: ferdige eller ikkje lenger på etterskot.",
        ("Ikkje signert", "Avtale 2027: Agder, Vestland"),
        "Regionar på etterskot (2)",
    ),
]


@pytest.mark.parametrize(("form", "heading", "shown", "same", "gone", "unchanged", "behind"), FORMS)
def test_the_overview_after_two_quiet_weeks_says_only_what_changed_since_the_last_one_received(
    form: str, heading: str, shown: str, same: str, gone: str, unchanged: tuple[str, str], behind: str
) -> None:
    bot, first = _waits_on_nfr_at_the_deadline()  # Monday 1 February 2027: the last overview posted
    assert "Ikke signert" in first and "Avtale 2027: Agder, Vestland" in first, first
    assert bot.say(f"målform kanal {form}", as_="admin", channel="nasjonal").ok
    posts = run_passes(bot, start=date(2027, 2, 2), end=date(2027, 2, 22))
    overviews = [day for (day, channel), text in posts.items() if channel == "nasjonal" and "oversikt" in text.lower()]
    assert not overviews and not [d for (d, c), t in posts.items() if c == "nasjonal" and "oversyn" in t.lower()]
    # Agder's signing is late now on its own, not only waiting on NFR; NFR's letter comes in.
    assert bot.say("forutsetning tildelingsbrev 2027", as_="nils").ok
    text = run_passes(bot, start=date(2027, 2, 23), end=date(2027, 3, 1))[(date(2027, 3, 1), "nasjonal")]
    assert heading in text and shown in text and same in text and gone in text, text
    assert behind in text and "Agder: Handlingsplan 2027; Dialogmøte" in text, text  # changed lines, in full
    assert not all(word in text for word in unchanged), text  # the unsigned line, as on 1 February, is left out
    assert "venter på andre" not in text and "ventar på andre" not in text, text  # gone, counted above
    # The next Monday: nothing new and nothing due, nothing posted; `oversikt` still has the whole picture.
    later = run_passes(bot, start=date(2027, 3, 2), end=date(2027, 3, 8))
    assert (date(2027, 3, 8), "nasjonal") not in later or "oversikt" not in later[(date(2027, 3, 8), "nasjonal")]
    assert all(word in bot.say("oversikt", as_="aud", channel="nasjonal").text for word in ("Agder", "Vestland"))


@pytest.mark.parametrize(("form", "heading", "shown", "same", "gone", "unchanged", "behind"), FORMS)
def test_the_overview_over_four_weeks_after_the_last_one_is_the_whole_list_again(
    form: str, heading: str, shown: str, same: str, gone: str, unchanged: tuple[str, str], behind: str
) -> None:
    """Walk 31 F6: six weeks after 1 February the unsigned agreement, as it was then, is the news AU needs; the
    overview after more than four weeks is the whole list, still saying since when (this test's first form,
    before walk 31, asserted the changes only at six weeks; the changes-only overview is now tested at four)."""
    bot, _first = _waits_on_nfr_at_the_deadline()
    assert bot.say(f"målform kanal {form}", as_="admin", channel="nasjonal").ok
    run_passes(bot, start=date(2027, 2, 2), end=date(2027, 3, 9))
    assert bot.say("forutsetning tildelingsbrev 2027", as_="nils").ok
    text = run_passes(bot, start=date(2027, 3, 10), end=date(2027, 3, 15))[(date(2027, 3, 15), "nasjonal")]
    assert heading in text and behind in text, text
    assert all(word in text for word in unchanged), text  # the unsigned line, as on 1 February, shown again
    assert shown not in text and same not in text and gone not in text, text


def test_a_channel_that_never_had_an_overview_gets_the_whole_list() -> None:
    """Compared with what each channel received: a national channel bound after 1 February has no overview to
    count from, so its first one is the whole list, while the channel that had 1 February's gets the changes."""
    bot, _first = _waits_on_nfr_at_the_deadline()
    run_passes(bot, start=date(2027, 2, 2), end=date(2027, 2, 22))
    bound = bot.say("koble nasjonal", as_="admin", channel="au-ny")
    assert bound.ok, bound.text
    assert bot.say("forutsetning tildelingsbrev 2027", as_="nils").ok
    posts = run_passes(bot, start=date(2027, 2, 23), end=date(2027, 3, 1))
    old, new = posts[(date(2027, 3, 1), "nasjonal")], posts[(date(2027, 3, 1), "au-ny")]
    assert "Under står bare det som er nytt" in old and "Ikke signert" not in old, old
    assert "Under står bare det som er nytt" not in new and "endret siden" not in new, new
    assert "Ikke signert" in new and "Regioner på etterskudd (2)" in new, new
