"""Walk 29: AU's weekly overview after quiet weeks named nothing that was done since the last one (an agreement
signed by all was a line «borte», counted: F1), said «ingen endringer siden forrige ukeoversikt» without a day
after months without an overview (F3), and AU's `neste` named a region twice without the year when two of its
agreements waited on others (F7). Driven as people do, in both written forms."""

from __future__ import annotations

from datetime import date

import pytest

from tests.driver import make_bot, oslo, record_all_preconditions, text_command
from tests.helpers import make_config
from tests.test_walk5_fixc import run_passes
from tests.test_walk9_fixp import _waits_on_nfr_at_the_deadline

SIGNED = {
    "nb": ("Ferdig siden forrige ukeoversikt (1. februar 2027)", "Ukeoversikt: endret siden forrige ukeoversikt"),
    "nn": ("Ferdig sidan førre vekeoversyn (1. februar 2027)", "Vekeoversyn: endra sidan førre vekeoversyn"),
}


@pytest.mark.parametrize("form", ["nb", "nn"])
def test_the_overview_after_quiet_weeks_names_the_agreement_now_signed_by_all(form: str) -> None:
    bot, first = _waits_on_nfr_at_the_deadline()  # Monday 1 February 2027: Agder waits on NFR's letter
    assert "Agder: Signering 2027 venter på" in first, first
    assert bot.say(f"målform kanal {form}", as_="admin", channel="nasjonal").ok
    posts = run_passes(bot, start=date(2027, 2, 2), end=date(2027, 3, 9))
    assert not [day for (day, channel), text in posts.items() if channel == "nasjonal" and "over" in text.lower()]
    # NFR's letter comes in, and every party signs Agder's agreement (late, so with the confirm word).
    assert bot.say("forutsetning tildelingsbrev 2027", as_="nils").ok
    assert bot.say("signer agder 2027 bekreft", as_="kari").ok
    for person, channel in (("ola", "in"), ("siri", "siva"), ("nils", "nfr"), ("rita", "rff")):
        reply = bot.say("signer agder 2027 bekreft", as_=person, channel=channel)
        assert reply.ok, reply.text
    assert "signert av alle parter" in bot.last.reply.text, bot.last.reply.text
    text = run_passes(bot, start=date(2027, 3, 10), end=date(2027, 3, 15))[(date(2027, 3, 15), "nasjonal")]
    done, heading = SIGNED[form]
    assert heading in text and done in text, text
    assert "Agder: Signering 2027" in text.split(done)[1].split("\n\n")[0], text
    # The next overview a week later has nothing new to name as done.
    later = run_passes(bot, start=date(2027, 3, 16), end=date(2027, 3, 22)).get((date(2027, 3, 22), "nasjonal"), "")
    assert "Ferdig siden" not in later and "Ferdig sidan" not in later, later


@pytest.mark.parametrize(
    ("form", "expected"),
    [
        ("nb", "Ukeoversikt: ingen endringer siden forrige ukeoversikt (1. februar 2027)"),
        ("nn", "Vekeoversyn: ingen endringar sidan førre vekeoversyn (1. februar 2027)"),
    ],
)
def test_nothing_new_after_quiet_weeks_names_the_day_of_the_last_overview(form: str, expected: str) -> None:
    bot, _first = _waits_on_nfr_at_the_deadline()
    run_passes(bot, start=date(2027, 2, 2), end=date(2027, 3, 26))
    assert bot.say(f"målform kanal {form}", as_="admin", channel="nasjonal").ok
    text = run_passes(bot, start=date(2027, 3, 30), end=date(2027, 3, 30))[(date(2027, 3, 30), "nasjonal")]
    assert expected in text, text  # eight weeks after 1 February, not «since last week»


@pytest.mark.parametrize(
    ("form", "expected"),
    [
        (
            "nb",
            "Signering venter på andre: Vestland 2027 (signatur fra Innovasjon Norge, Siva, Norges forskningsråd, Regionale forskningsfond); Vestland 2028 (",
        ),
        (
            "nn",
            "Signering ventar på andre: Vestland 2027 (signatur frå Innovasjon Norge, Siva, Norges forskningsråd, Regionale forskningsfond); Vestland 2028 (",
        ),
    ],
)
def test_aus_neste_names_the_year_of_each_agreement_a_region_waits_on(form: str, expected: str) -> None:
    bot = make_bot(at=oslo(2027, 1, 5, 9), config=make_config(regions=("agder", "vestland")))
    record_all_preconditions(bot, year=2027, region="vestland")
    assert bot.say("signer", as_="per").ok  # Vestland signs; the four actors never do
    bot.set_time(2028, 1, 5, 9)
    assert bot.say(text_command(year=2028, region="vestland", version=2), as_="per").ok  # a text of its own
    assert bot.say("forutsetning statsbudsjett 2028", as_="aud").ok
    assert bot.say("forutsetning budsjett 2028", as_="per").ok
    for person in ("ola", "siri", "nils", "rita"):
        assert bot.say("forutsetning tildelingsbrev 2028", as_=person).ok
    assert bot.say("referat politisk 2028 Vedteke i fylkestinget stadfest", as_="per").ok
    assert bot.say("signer 2028", as_="per").ok
    bot.set_time(2028, 2, 7, 10)
    if form == "nn":
        assert bot.say("målform nn", as_="aud", channel="nasjonal").ok
    text = bot.say("neste", as_="aud", channel="nasjonal").text
    assert expected in text, text


@pytest.mark.parametrize(
    ("form", "title", "line"),
    [
        (
            "nb",
            "Ikke ferdig, men ikke lenger med i ukeoversikten",
            "Agder, Vestland: Dialogmøte høst 2026 (se «oversikt 2026»)",
        ),
        (
            "nn",
            "Ikkje ferdig, men ikkje lenger med i vekeoversynet",
            "Agder, Vestland: Dialogmøte haust 2026 (sjå «oversyn 2026»)",
        ),
    ],
)
def test_an_unheld_meeting_that_leaves_the_overview_is_said_to_be_unfinished(form: str, title: str, line: str) -> None:
    """From 1 September 2027 last autumn's unheld meeting is history for AU's overview (`oversikt 2026` still
    shows it): the line that loses it must not read as the regions having caught up (walk 29, F2)."""
    bot = make_bot(at=oslo(2027, 8, 2, 8), config=make_config(regions=("agder", "vestland")))
    assert bot.say(f"målform kanal {form}", as_="admin", channel="nasjonal").ok
    posts = run_passes(bot, start=date(2027, 8, 2), end=date(2027, 9, 13))
    overviews = {
        day: text for (day, channel), text in sorted(posts.items()) if channel == "nasjonal" and "for AU –" in text
    }
    before = [text for day, text in overviews.items() if day < date(2027, 9, 1)]
    assert before and "2026" in before[-1], overviews  # the meeting is among what the regions are behind on
    after = [text for day, text in overviews.items() if day >= date(2027, 9, 1) and title.split(",")[0] in text]
    assert after and line in after[0], overviews
