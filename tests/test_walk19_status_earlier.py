"""Walk 19 F4, F5, F7: what `status` and the status page say beside the cycle they show.

F4: the current cycle's `status` and page name what earlier cycles left open (follow-up points of the
region's meetings, an agreement still unsigned), as `neste` and the digests do. F5: the page says that its
wheel is the calendar year and its tables the cycle. F7: in December `status` lists next year's signing,
with its registered text and «kan signeres fra 1. januar», under the preparation of that agreement."""

from __future__ import annotations

import pytest

from tests.driver import COORDINATOR, make_bot, oslo, signing_open, text_command
from tests.helpers import status_page_html

FORMS = [
    ("agder", "høst", "Ikke fullført fra tidligere sykluser", "kalenderåret 2028"),
    ("vestland", "haust", "Ikkje fullført frå tidlegare syklusar", "kalenderåret 2028"),
]


@pytest.mark.parametrize(("region", "meeting", "heading", "wheel"), FORMS)
def test_last_cycles_open_points_are_on_this_cycles_status_and_page(
    region: str, meeting: str, heading: str, wheel: str
) -> None:
    person = COORDINATOR[region]
    bot = make_bot(at=oslo(2026, 11, 19, 15))
    assert bot.say("referat høstmøte Godt møte", as_="aud").ok
    minuted = bot.say(f"referat {meeting} Godt møte. oppfølging: send innspill @ola innen 1. desember", as_=person)
    assert minuted.ok, minuted.text
    point = minuted.buttons[0].command.split()[-1]
    bot.set_time(2028, 2, 3, 9)
    assert point in bot.say("neste", as_="ola").text  # the owner's list names it
    status = bot.say("status", as_=person)
    assert "2028" in status.title, status.title
    assert heading in status.text and point in status.text and "2026" in status.text, status.text
    page = status_page_html(bot.core, region=region, year=2028)
    assert heading in page and point in page, page
    assert wheel in page  # F5: the wheel's year said beside the cycle's tables
    bot.say(f"ferdig {point}", as_="ola")
    assert point not in bot.say("status", as_=person).text  # closed, it leaves the list


@pytest.mark.parametrize(("region", "meeting", "heading", "wheel"), FORMS)
def test_last_years_unsigned_agreement_is_on_this_cycles_status_and_page(
    region: str, meeting: str, heading: str, wheel: str
) -> None:
    bot = signing_open(region=region)
    for person in (COORDINATOR[region], "ola", "siri", "nils"):
        assert bot.say(f"signer {region} 2027", as_=person).ok
    bot.set_time(2028, 1, 5, 9)
    status = bot.say("status", as_=COORDINATOR[region]).text
    part = status.split(heading)[1][:300]
    rff = (
        "Regionale forskingsfond" if region == "vestland" else "Regionale forskningsfond"
    )  # the channel's written form
    assert "samarbeidsavtalen 2027" in part and rff in part, status
    page = status_page_html(bot.core, region=region, year=2028)
    assert heading in page and "samarbeidsavtalen 2027" in page.split(heading)[1][:600], page


@pytest.mark.parametrize(
    ("region", "ready"), [("agder", "kan signeres fra 1. januar 2028"), ("vestland", "1. januar 2028")]
)
def test_december_status_lists_next_years_signing_with_its_text(region: str, ready: str) -> None:
    bot = make_bot(at=oslo(2027, 12, 10, 10))
    person = COORDINATOR[region]
    assert bot.say(text_command(year=2028, region=region), as_=person).ok
    bot.set_time(2027, 12, 15, 9)
    status = bot.say("status", as_=person)
    assert "2027" in status.title, status.title
    preparing = status.text.split("2028", 1)[1]
    assert "samarbeidsavtalen 2028" in preparing and "versjon 1" in preparing and ready in preparing, status.text
    page = status_page_html(bot.core, region=region, year=2027)
    assert "samarbeidsavtalen 2028" in page.split('id="neste"')[1], page
