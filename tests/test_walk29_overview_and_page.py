"""Walk 29 F4 and F5. F4: the weekly overview after quiet weeks shows only the lines new or changed since the last one,
but kept the section's whole count above them: «Regioner på etterskudd (15)» over two region names read as a
miscount. A counted section that shows part of its lines now says how many of how many, in both forms.
F5: the status page names the next plan period beside the running one, as `status` does."""

from __future__ import annotations

import html
from datetime import date

import pytest

from tests.driver import make_bot, oslo
from tests.helpers import status_page_html
from tests.test_walk5_fixc import run_passes
from tests.test_walk9_fixp import _waits_on_nfr_at_the_deadline

FORMS = [
    ("nb", "Regioner på etterskudd (1 av 2: nytt eller endret)", "Regioner på etterskudd (2)"),
    ("nn", "Regionar på etterskot (1 av 2: nytt eller endra)", "Regionar på etterskot (2)"),
]


@pytest.mark.parametrize(("form", "part", "whole"), FORMS)
def test_a_section_showing_part_of_its_lines_counts_them_of_the_whole(form: str, part: str, whole: str) -> None:
    bot, first = _waits_on_nfr_at_the_deadline()  # Monday 1 February 2027: Agder and Vestland behind
    assert "Regioner på etterskudd (2)" in first and "Agder: Handlingsplan 2027" in first, first
    assert bot.say(f"målform kanal {form}", as_="admin", channel="nasjonal").ok
    run_passes(bot, start=date(2027, 2, 2), end=date(2027, 2, 22))
    # Vestland's county budget comes in late: its line changes, Agder's stays as it was (four weeks after the
    # last overview: a longer gap shows the whole list again, `bot.reminders.weekly.LONG_GAP_DAYS`)
    assert bot.say("forutsetning budsjett vestland 2027", as_="per", channel="vestland").ok
    text = run_passes(bot, start=date(2027, 2, 23), end=date(2027, 3, 1))[(date(2027, 3, 1), "nasjonal")]
    assert part in text and whole not in text, text
    section = text.split(part, 1)[1].split("\n\n", 1)[0]
    assert "Vestland:" in section and "Agder" not in section, section
    # `oversikt` still has the whole picture
    assert all(region in bot.say("oversikt", as_="aud", channel="nasjonal").text for region in ("Agder", "Vestland"))


@pytest.mark.parametrize(("person", "region"), [("kari", "agder"), ("per", "vestland")])
def test_the_status_page_names_the_next_plan_period_as_status_does(person: str, region: str) -> None:
    """Walk 29 F5: in December `status` said «Neste planperiode: 2028–2031», the page of cycle 2027 did not."""
    bot = make_bot(at=oslo(2027, 12, 13, 10))
    assert bot.say("plan 2028–2031", as_=person, channel=region).ok
    plan = next(s for s in bot.say("status", as_=person, channel=region).sections if s.title == "Regional plan")
    assert [fact.value for fact in plan.facts] == ["2024–2027", "2028–2031"], plan
    page = html.unescape(status_page_html(bot.core, region=region, year=2027))
    assert "2024–2027." in page and "Neste planperiode: 2028–2031." in page, page
    assert "Neste planperiode" not in html.unescape(status_page_html(bot.core, region=region, year=2028))
