"""Walk 25's minor findings (F3–F6), driven as people meet them, in both written forms."""

from __future__ import annotations

from datetime import date

import pytest

from bot.shown.wheel_picture import region_wheel
from tests.driver import make_bot, oslo
from tests.test_earlier_open_one_rule import _page_text

FORMS = [
    ("kari", "agder", "! Signering av samarbeidsavtalen 0/5"),
    ("per", "vestland", "! Signering av samarbeidsavtalen 0/5"),
]


@pytest.mark.parametrize(("person", "region", "line"), FORMS)
def test_an_overdue_signing_nobody_signed_counts_its_signatures_on_the_wheel(
    person: str, region: str, line: str
) -> None:
    """F5: the wheel showed «! Signering» with no count when nobody had signed, while `oversikt` and the page
    said «0/5 signert»; before the deadline an unsigned agreement is open and has no count."""
    bot = make_bot(at=oslo(2027, 2, 10, 9))
    text = bot.say("årshjul", as_=person, channel=region).text
    assert line in text, text
    picture = region_wheel(
        config=bot.core.config, state=bot.core.state, region=region, year=2027, today=date(2027, 2, 10)
    )
    signing = next(arc for arc in picture.arcs if "Signering" in arc.label and "(" not in arc.label)
    assert signing.label == "! Signering 0/5" and "0/5" in signing.title, signing
    bot.set_time(2027, 1, 10, 9)  # the window open, nobody signed, not late: open, with no count
    assert "○ Signering av samarbeidsavtalen 0/5" not in bot.say("årshjul", as_=person, channel=region).text


@pytest.mark.parametrize(
    ("person", "region", "already", "registered"),
    [
        ("kari", "agder", "Allerede registrert", "versjon 2 registrert"),
        ("per", "vestland", "Allereie registrert", "versjon 2 registrert"),
    ],
)
def test_the_same_link_with_its_host_in_capitals_is_the_same_text(
    person: str, region: str, already: str, registered: str
) -> None:
    """F6: `avtale https://VLFK.no/avtale.pdf` after `avtale https://vlfk.no/avtale.pdf` registered version 2
    of the same document (a host name is case-insensitive); another path's case is another document."""
    bot = make_bot(at=oslo(2027, 1, 5, 10))
    assert bot.say("avtale https://fylke.no/avtale.pdf", as_=person, channel=region).ok
    before = bot.snapshot()
    for typed in ("https://FYLKE.no/avtale.pdf", "HTTPS://Fylke.NO./avtale.pdf"):
        again = bot.say(f"avtale {typed}", as_=person, channel=region)
        assert already in again.text and registered not in again.text, again.text
        assert bot.snapshot() == before
    other = bot.say("avtale https://fylke.no/Avtale.pdf", as_=person, channel=region)
    assert registered in other.text, other.text


@pytest.mark.parametrize(
    ("person", "region", "words"), [("kari", "agder", "Planperiode"), ("per", "vestland", "Planperiode")]
)
def test_the_status_page_names_the_missing_plan_period_as_status_does(person: str, region: str, words: str) -> None:
    """F4: in 2028, with app.yaml's 2024–2027 run out and no `plan 2028–2031`, `neste`, `status` and the
    digests said so while the 2028 page had no plan line at all; it now says what `status` says."""
    bot = make_bot(at=oslo(2028, 2, 7, 9))
    status = bot.say("status", as_=person, channel=region)
    said = next(fact.value for section in status.sections for fact in section.facts if fact.label == words)
    assert "2024–2027" in said and "plan 2028–2031" in said, said
    page = _page_text(bot, region=region, year=2028)
    assert said in page, (said, page)
    assert bot.say("plan 2028–2031", as_=person, channel=region).ok
    page = _page_text(bot, region=region, year=2028)
    assert said not in page and "2028–2031" in page, page
