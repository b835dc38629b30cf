"""Batch 21's families (stop 29), with phrases of their own: a phone's dictation with the clock's minutes in words
(«klokka ni femten») or from the hour («ti over ni», «fem på halv elleve»), a meeting's name before a day in words and an hour in words after «klokken», a label naming the
meeting and its party («Neste møte i styret:»), «some time» after a part of a month («midt i april ein gong»), a
precondition's verb with its body after «for»/«av» («behandles av styret 3.6.»), a length set off by a dash or a
comma after the time («kl 9 – 3 timar»), «snarest» between deadline words («Frist: straks, senest …»), and a working
day counted after «jul» with a year («første arbeidsdag etter jula 2029»). What README decides: a week typed after
«innen» in `dato` is that week (its first working day, week_only), in a follow-up point its Friday; a precondition's
two following days are its first; and a refused date's reply says what was wrong, never «a place» for a second day,
a time no clock shows or a date's own words.

Expected dates are written out by hand from a calendar (1 February 2027 is a Monday, 22 September 2027 a
Wednesday, 3 January 2028 a Monday, 2 January 2030 a Wednesday), not computed with the code.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest

from bot.clock import OSLO
from bot.dates.deadline import due_in
from bot.dates.grammar import ParsedDate, read_date
from tests.driver import make_bot, oslo
from tests.helpers import assert_refused, make_config
from tests.test_date_gaps import at

MON = datetime(2027, 2, 1, 9, 0, tzinfo=OSLO)  # Monday 1 February 2027
WED = datetime(2027, 9, 22, 14, 0, tzinfo=OSLO)  # Wednesday 22 September 2027
NOV = datetime(2027, 11, 12, 12, 30, tzinfo=OSLO)  # Friday 12 November 2027

READS: list[tuple[str, datetime, tuple[datetime, bool]]] = [
    # minutes in words after an hour in words
    ("fredag klokka ni femten", WED, at(2027, 9, 24, 9, 15)),
    ("tjueniende september klokken elleve førtifem", WED, at(2027, 9, 29, 11, 45)),
    ("4. oktober kl ti tretti", WED, at(2027, 10, 4, 10, 30)),
    ("onsdag 6.10 klokka fjorten null null", WED, at(2027, 10, 6, 14)),
    # the clock said from the hour or its half
    ("fredag klokka ti over ni", WED, at(2027, 9, 24, 9, 10)),
    ("onsdag 29.9 fem på halv elleve", WED, at(2027, 9, 29, 10, 25)),
    ("4. oktober kl tjue på ti", WED, at(2027, 10, 4, 9, 40)),
    ("4. oktober klokkå fem over halv tolv", WED, at(2027, 10, 4, 11, 35)),
    # a meeting's name before a day in words and an hour in words
    ("seminar tjuefjerde februar klokken ti", MON, at(2027, 2, 24, 10)),
    ("samling femte mars klokkå ni", MON, at(2027, 3, 5, 9)),
    # a label naming the meeting and its party
    ("Neste møte i styret: torsdag 4. mars kl 10", MON, at(2027, 3, 4, 10)),
    ("Møte med Siva: 9.3", MON, at(2027, 3, 9)),
    ("Neste samling i RFF-styret: 10.3 kl 9", MON, at(2027, 3, 10, 9)),
    ("Doodle-avstemning: fredag 12. mars 09:00–10:00", MON, at(2027, 3, 12, 9)),
    # a precondition's body after «for» or «av»
    ("behandles av styret 3.3.", MON, at(2027, 3, 3)),
    ("legges fram for fylkestinget 9.3.", MON, at(2027, 3, 9)),
    # a length set off by a dash or a comma
    ("onsdag 29.9 kl 9 – 3 timar", WED, at(2027, 9, 29, 9)),
    ("onsdag 29.9 kl 9, ca. 2 timer", WED, at(2027, 9, 29, 9)),
    # «snarest» between deadline words
    ("Frist: straks, senest 5.3.2027", MON, at(2027, 3, 5)),
    ("svarfrist snarast, seinast fredag", MON, at(2027, 2, 5)),
    # a working day counted after «jul» with a year: the year of the day read, as «etter jul 2028» is
    ("fyrste yrkedag etter jula 2030", NOV, at(2030, 1, 2)),
    ("første arbeidsdag etter julen 2028", NOV, at(2028, 1, 3)),
    # a two-day sitting of a body: its first day
    ("blir lagt fram 15.3. og 16.3.", MON, at(2027, 3, 15)),
]

MONTHS: list[tuple[str, datetime, date]] = [
    ("midt i april ein gong", MON, date(2027, 4, 15)),
    ("i slutten av mars engang", MON, date(2027, 3, 31)),
    ("tidleg i mai en gang", MON, date(2027, 5, 1)),
]

NOT_READ: list[tuple[str, datetime]] = [
    ("kl halv 3 tirsdag", MON),
    ("4. oktober ti på tre", WED),  # 02.50 as often as 14.50, as «halv tre» is
    ("onsdag 29.9 kl 9-3 timar", WED),  # no spaced dash: «9-3» is a range, and «timar» no time
    ("frist: snarest", MON),
    ("ikke-møte: 3.3", MON),  # a joined word that says the meeting is off is no label
    ("dagen etter jul 2028", NOV),  # «dagen etter jula» is the 25th; «jul 2028» is July
    ("ble behandlet av styret 3.3.", MON),  # a day that has been: `held_day`'s, not `dato`'s
]


@pytest.mark.parametrize(("text", "now", "expected"), READS)
def test_batch21_forms_read(text: str, now: datetime, expected: tuple[datetime, bool]) -> None:
    found = read_date(text, now=now)
    assert isinstance(found, ParsedDate), (text, found)
    assert (found.when, found.has_time) == expected


@pytest.mark.parametrize(("text", "now", "day"), MONTHS)
def test_some_time_in_a_part_of_a_month_is_the_month_asked(text: str, now: datetime, day: date) -> None:
    found = read_date(text, now=now)
    assert isinstance(found, ParsedDate) and found.month_only, (text, found)
    assert found.when.date() == day


@pytest.mark.parametrize(("text", "now"), NOT_READ)
def test_batch21_forms_not_read(text: str, now: datetime) -> None:
    assert not isinstance(read_date(text, now=now), ParsedDate), text


@pytest.mark.parametrize("text", ["innen neste uke", "innspel til neste veke", "innan neste veke"])
def test_a_week_before_which_is_the_week_in_dato_and_its_friday_in_a_point(text: str) -> None:
    """README decides «innen neste uke»: in `dato` a week is read as a week (its first working day, asked as
    one), as «innen uke 7» is; a follow-up point's deadline is the week's last working day, its Friday."""
    found = read_date(text, now=MON)
    assert isinstance(found, ParsedDate) and found.week_only
    assert found.when.date() == date(2027, 2, 8)
    due = due_in(text, now=MON)
    assert due is not None and due.day == date(2027, 2, 12)


@pytest.mark.parametrize(
    ("channel", "who", "typed", "said"),
    [
        (
            "agder",
            "kari",
            "dato vår 2. mars kl 10 eller 3. mars kl 12",
            "«2. mars kl 10 eller 3. mars kl 12» er to datoer. Skriv én dato, f.eks. «dato vår 2. mars kl 10».",
        ),
        (
            "vestland",
            "per",
            "dato vår 2. mars kl 10 eller 3. mars kl 12",
            "«2. mars kl 10 eller 3. mars kl 12» er to datoar. Skriv éin dato, t.d. «dato vår 2. mars kl 10».",
        ),
        ("agder", "kari", "dato vår torsdag kl 27", "Jeg forstod ikke «kl 27» i datoen. Skriv bare datoen"),
        ("vestland", "per", "dato vår torsdag kl 27", "Eg forstod ikkje «kl 27» i datoen. Skriv berre datoen"),
        ("agder", "kari", "dato vår fredag veka etter", "Jeg forstod ikke «veka etter» i datoen. Skriv bare"),
        ("vestland", "per", "dato vår fredag veka etter", "Eg forstod ikkje «veka etter» i datoen. Skriv berre"),
        ("agder", "kari", "dato vår 2. mars kl 10 Bodø, rådhuset", "Boten lagrer ikke møtested"),
        ("vestland", "per", "dato vår 2. mars kl 10 Bodø, rådhuset", "Boten lagrar ikkje møtestad"),
        ("agder", "kari", "dato vår frist: snarest", "Jeg forstod ikke datoen «frist: snarest». Skriv f.eks."),
        ("vestland", "per", "dato vår frist: snarest", "Eg forstod ikkje datoen «frist: snarest». Skriv t.d."),
    ],
)
def test_a_refused_date_says_what_was_wrong_and_how_to_write_it(channel: str, who: str, typed: str, said: str) -> None:
    bot = make_bot(at=oslo(2027, 2, 1, 13, 40), config=make_config(regions=("agder", "vestland")))
    assert_refused(bot, typed, as_=who, channel=channel, contains=said)
    assert "møtested" not in said or "Bodø" in typed
