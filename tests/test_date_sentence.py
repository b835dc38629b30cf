"""Dates inside whole sentences and copied English invitations (issue 18, batch 6's styles, with phrases of their
own): a sentence with one date reads that date; a second date, a negation, a day someone is away or a day that
has been, the day a meeting is moved from, and numbers alone are refused. Also the word families batch 6 added:
«fyrstkomande», «tysdag som kjem», deadline compounds («svarfrist»), «ikkje seinare enn», ordinal endings («16de»,
«13th»), «ein gong i oktober».

Now is Wednesday 10 March 2027, 14:00 Oslo. Expected dates are written out by hand from a calendar (16 March 2027
is a Tuesday, 19 March a Friday; Easter 2027 is 28 March), not computed with the code under test.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from bot.clock import OSLO
from bot.dates.grammar import ParsedDate, read_date
from tests.driver import BotDriver, make_bot, oslo
from tests.helpers import assert_recorded, assert_refused
from tests.test_date_gaps import at

WED = datetime(2027, 3, 10, 14, 0, tzinfo=OSLO)


READS: list[tuple[str, tuple[datetime, bool]]] = [
    # a sentence with one date in it, bokmål and nynorsk
    ("Kan vi ta styringsgruppa tirsdag 16. mars kl. 09–11, passer det?", at(2027, 3, 16, 9)),
    ("Me landar på fredag 19. mars kl 12 om det går for dykk.", at(2027, 3, 19, 12)),
    ("Eg ynskjer at vi møtest torsdag 18.3 kl. 10.30.", at(2027, 3, 18, 10, 30)),
    ("Vi flytter dialogmøtet til onsdag 17. mars kl 13.", at(2027, 3, 17, 13)),
    ("Hva med neste fredag kl 9?", at(2027, 3, 19, 9)),
    ("Neste møte blir tysdag 16. mars kl. 10.00 på Teams.", at(2027, 3, 16, 10)),
    ("Minner om møtet i morgen kl. 10.", at(2027, 3, 11, 10)),
    ("Kan du sende innspel innan fredag 19. mars?", at(2027, 3, 19)),
    ("Vi tek det om ei veke.", at(2027, 3, 17)),
    ("Vi har samling frå tysdag 16. til onsdag 17. mars.", at(2027, 3, 16)),  # a meeting over days: its first
    ("Vi kan måndag 15. mars kl 13, elles er eg oppteken.", at(2027, 3, 15, 13)),  # «elles» tells the other days
    # an English Outlook or Teams invitation, copied
    (
        "Tuesday, March 16, 2027 10:00 AM-2:00 PM (UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna",
        at(2027, 3, 16, 10),
    ),
    ("Wednesday, 17 March 2027 09:00-15:30", at(2027, 3, 17, 9)),
    ("Thursday 18th March 2027", at(2027, 3, 18)),
    ("Mar 18, 2027 1:00 PM", at(2027, 3, 18, 13)),
    # the coming weekday, deadline words, ordinal endings, a month said roughly
    ("fyrstkomande fredag", at(2027, 3, 12)),
    ("tysdag som kjem", at(2027, 3, 16)),
    ("fredag som kommer", at(2027, 3, 12)),
    ("svarfrist 1. april", at(2027, 4, 1)),
    ("høyringsfristen er 1.4", at(2027, 4, 1)),
    ("ikkje seinare enn 1. april", at(2027, 4, 1)),
    ("den 16de mars", at(2027, 3, 16)),
    ("1ste april kl 10", at(2027, 4, 1, 10)),
    # the hour in words after «kl», an English «at», a point glued to the date, «denne fredagen», «Kr.»
    ("tysdag 16. mars kl. ti", at(2027, 3, 16, 10)),
    ("Tuesday, March 16, 2027 at 10:00 AM", at(2027, 3, 16, 10)),
    ("tirs.16.mar.", at(2027, 3, 16)),
    ("denne fredagen", at(2027, 3, 12)),
    ("Kr. himmelfartsdag", at(2027, 5, 6)),
    ("16. mars -27", at(2027, 3, 16)),  # a two-digit year after a dash
    ("fredag før jul", at(2027, 12, 17)),  # counted back from Christmas Eve (a Friday in 2027)
    ("siste arbeidsdag før jula", at(2027, 12, 23)),
    # a day counted from a feast or a date, and a whole day, inside a sentence
    ("Vi tek det dagen etter 17. mai.", at(2027, 5, 18)),
    ("Kan vi ta det fredag før pinse?", at(2027, 5, 14)),
    ("Eg held av måndag 15. mars heile dagen.", at(2027, 3, 15)),
]


@pytest.mark.parametrize(("text", "expected"), READS)
def test_reads(text: str, expected: tuple[datetime, bool]) -> None:
    parsed = read_date(text, now=WED)
    assert isinstance(parsed, ParsedDate), f"{text!r} was not read"
    assert (parsed.when, parsed.has_time) == expected


def test_a_sentence_longer_than_a_date_phrase_is_read_for_its_date() -> None:
    """Over the grammar's 120 characters, up to 240: only the date's words are read."""
    text = (
        "Hei alle sammen, vi foreslår å flytte dialogmøtet med Innovasjon Norge til tirsdag 16. mars kl. 10–14 "
        "på fylkeshuset, går det for dere?"
    )
    assert len(text) > 120
    parsed = read_date(text, now=WED)
    assert isinstance(parsed, ParsedDate) and (parsed.when, parsed.has_time) == at(2027, 3, 16, 10)
    two = text.replace("går det for dere?", "eller onsdag 17. mars om det passer bedre for dere?")
    assert read_date(two, now=WED) is None
    assert read_date(text + " " + "Takk for sist, og god helg til alle sammen! " * 3, now=WED) is None  # over 240


def test_a_month_said_roughly_in_a_sentence_is_asked_as_the_month() -> None:
    parsed = read_date("ein gong i oktober", now=WED)
    assert isinstance(parsed, ParsedDate) and parsed.month_only and parsed.when.month == 10


@pytest.mark.parametrize(
    "text",
    [
        # two dates, or one day as an alternative
        "Vi kan ikke 16. mars, men 17. mars går fint.",
        "Passer 16. mars bedre enn 17. mars?",
        "Vi foreslår 16. mars kl 10 eller 14.",
        "Kan vi ta det tysdag 16. mars, evt. onsdag?",
        # the day is not the meeting's: cancelled, away, in the past, moved from
        "Møtet tysdag 16. mars er avlyst.",
        "Eg er på ferie tysdag 16. mars.",
        "Jeg er opptatt fredag 19. mars.",
        "Eg er oppteken måndag 15. mars, elles passar det.",
        "Ferien min startar 16. mars.",
        "Vi kan måndag 15. mars, ellers tirsdag 16. mars.",
        "Vi hadde møte 3. mars.",
        "Tildelingsbrevet kom 5. mars.",
        "Innspelet låg føre 3. mars.",  # a day just passed, without its year: not next year's, in a sentence
        "Vi møttes tirsdag 2. mars.",
        "Møtet 16. mars er flyttet.",
        "Møtet er flytta frå 16. mars.",
        "Vi må dessverre utsette møtet tysdag 16. mars.",
        "Vi har ferie fra 16. mars.",
        "Møtet blir etter 16. mars.",
        "Fra 16. mars er kontoret stengt.",
        "Møtet er flytta frå 16. til 17. mars.",
        # a day counted from the one named
        "Budsjettet blir vedtatt tysdag 16. mars, så vi kan signere etter det.",
        "Kan vi ta møtet etter 16. mars?",
        # an hour in words from 1 to 5 is not read, as «kl 2» is not
        "tysdag 16. mars kl. to",
        # numbers alone may be fractions, quantities, case or phone numbers
        "Vi treng 1/2 time på dette.",
        "Møtet varer 2.5 timar, vi startar 10.30.",
        "Kan vi ta det 16/3?",
        # (a number with its label, «Sak 13/4567», «tlf 915 55 123», says no day: tests/test_date_batch10_forms.py)
        "13/4567 blir handsama tysdag 16. mars.",
        "Ring meg på 915 55 12 før fredag.",
        # an American invitation's month first or a European day first: either is likely with «AM»
        "4/5/2027 10:00 AM",
        # a repetition, or a week without its reference
        "Vi møtes annenhver tirsdag kl 10.",
        "Kan vi ta det torsdag uka etter?",
        # text in front of a date that makes no sentence stays noise
        "møtet 16. mars",
        "fylkestinget 16. mars",
    ],
)
def test_refuses(text: str) -> None:
    assert not isinstance(read_date(text, now=WED), ParsedDate), f"{text!r} was read"


def test_minutes_read_no_planned_day_from_a_sentence() -> None:
    """«vedtatt å møtes 20. oktober» names a plan: `read_date(..., sentence=False)` reads whole phrases only."""
    assert read_date("å møtes 20. oktober", now=WED, sentence=False) is None
    assert isinstance(read_date("Vi skal møtes 20. oktober.", now=WED), ParsedDate)


@pytest.fixture
def wed() -> BotDriver:
    return make_bot(at=oslo(2026, 11, 25, 10))


def test_dato_reads_the_date_of_a_pasted_sentence(wed: BotDriver) -> None:
    assert_recorded(wed, "dato høst Vi foreslår å flytte møtet til fredag 27. november kl. 10–12, går det?", as_="kari")
    value = wed.tables("cycle/agder/2026").get("milestones", {}).get("regional-autumn", {}).get("planned")
    assert value is not None and datetime.fromisoformat(value) == oslo(2026, 11, 27, 10)


def test_dato_refuses_a_sentence_with_two_dates(wed: BotDriver) -> None:
    assert_refused(wed, "dato høst Vi kan ikke 26. november, men 27. november går fint.", as_="kari")
