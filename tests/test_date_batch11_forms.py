"""Batch 11's forms (issue 18), with phrases of their own: «på» in front of any day («på olsok», «på 29/4 kl 10»),
«overmorgen»/«iovermorgon», «rett etter helga», a weekday's definite form counted from a feast («onsdagen før
påske»), «om to veker, tysdag», some day of a month («ein dag i juni», «i juni ein gong», «en gang før jula»: the
month, asked), a misspelt weekday as near two spellings of one day («tisdag»), a day away said in another sentence
than the date, «anten fysisk eller på Teams»; the refusals beside them.

Now is Thursday 22 April 2027, 10:00 Oslo. Expected dates are written out by hand from a calendar (27 April 2027 is a
Tuesday, 29 April a Thursday, 30 April a Friday; Saturday 24 April is the day after tomorrow; Whitsun is 16 May 2027,
Easter Sunday 16 April 2028; week 18 of 2027 starts Monday 3 May), not computed with the code under test.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from bot.clock import OSLO
from bot.dates.grammar import ParsedDate, read_date
from tests.test_date_gaps import at

THU = datetime(2027, 4, 22, 10, 0, tzinfo=OSLO)

READS: list[tuple[str, tuple[datetime, bool]]] = [
    # «på» before a day of any kind
    ("på olsok", at(2027, 7, 29)),
    ("på sankthansaftan", at(2027, 6, 23)),
    ("på 29/4 kl 10", at(2027, 4, 29, 10)),
    ("på torsdag 29. april", at(2027, 4, 29)),
    # the day after tomorrow without its «i», and the Monday after a weekend said with «rett»/«like»
    ("overmorgen", at(2027, 4, 24)),
    ("iovermorgon kl 10", at(2027, 4, 24, 10)),
    ("rett etter helga", at(2027, 4, 26)),
    ("like over helgen", at(2027, 4, 26)),
    # a weekday's definite form counted from a feast
    ("fredagen før pinse", at(2027, 5, 14)),
    ("onsdagen før påske", at(2028, 4, 12)),
    # a weekday after a number of weeks and a comma
    ("om to veker, tysdag", at(2027, 5, 4)),
    ("om 3 uker, fredag", at(2027, 5, 14)),
    # two spellings of one weekday (tirsdag, tysdag) are no doubt about which day «tisdag» is
    ("tisdag 27. april", at(2027, 4, 27)),
    # a day away in the sentence before the one with the date
    ("Eg er på ferie. Kan vi ta det tysdag 27. april?", at(2027, 4, 27)),
    ("Beklager sent svar – eg er bortreist. Passar det med torsdag 29. april kl 13?", at(2027, 4, 29, 13)),
    ("Eg er på juleferie. Kan vi ta det tysdag 27. april?", at(2027, 4, 27)),
    ("Me tek det fredag 30. april før juleferien.", at(2027, 4, 30)),  # a meeting set before time away
    # «anten … eller» after the date is how, not which day
    ("Me føreslår fredag 30. april, anten fysisk eller på Teams.", at(2027, 4, 30)),
    # what is due before a deadline word, and what is still to be sent after the date
    ("svar innen fredag", at(2027, 4, 23)),
    ("rapport innan 1.5", at(2027, 5, 1)),
    ("tilbakemelding snarest, seinast 29. april", at(2027, 4, 29)),
    ("fredag 30. april kl 9 – lenke kommer", at(2027, 4, 30, 9)),
    ("fredag 30. april kl 9 på Teams (lenkje kjem)", at(2027, 4, 30, 9)),
    # a clock time typed onto a date
    ("30.04.2027kl 09:00", at(2027, 4, 30, 9)),
    # a day counted from a feast is still read: only «before the feast» alone is vague
    ("fredag før pinse", at(2027, 5, 14)),
]

# Some day of a month: the month, asked about (month_only), as «ein gong i oktober» was.
SOME_DAY: list[tuple[str, datetime]] = [
    ("ein dag i juni", datetime(2027, 6, 1, tzinfo=OSLO)),
    ("i juni ein gong", datetime(2027, 6, 1, tzinfo=OSLO)),
    ("en gang før jula", datetime(2027, 12, 1, tzinfo=OSLO)),
]

REFUSED: tuple[str, ...] = (
    "tisdag 28. april",  # 28 April is a Wednesday: the mended weekday is still checked
    "på på 29.4",
    "på 2",
    "en dag i neste uke",  # no day said
    "ein dag i jula",
    "en dag i romjula",
    "ein gong i veka",
    "i juni en dag",
    # some day before a feast, never its Sunday
    "før pinse",
    "innen påske",
    "seinast pinse 2027",
    "svar innen 2.5 timar",  # a quantity after the deadline word stays none
    "svar 29.4",  # a word before a date without a deadline word stays noise
    "Eg er på ferie 27. april. Kan vi ta 28. april?",  # two dates
    "Eg er på ferie 27. april. Vi kan ta det etterpå.",  # the day away is the date's own sentence
    "Eg er borte. Møtet er avlyst 28. april.",
    "Eg er på påskeferie til 29. april.",  # every holiday's «-ferie» is time away (main read the 29th)
    "Eg har sommarferie 30. april.",
    "Vi tek det anten 27. eller 28. april.",
    "Vi tek det anten 27. april eller seinare.",  # «anten» before the date: an alternative to it
    "Vi tek det tysdag 27. april, anten fysisk eller digitalt, eller onsdag.",
)


@pytest.mark.parametrize(("text", "expected"), [*READS, *((text, None) for text in REFUSED)])
def test_batch11_form(text: str, expected: tuple[datetime, bool] | None) -> None:
    parsed = read_date(text, now=THU)
    if expected is None:
        assert not isinstance(parsed, ParsedDate), f"{text!r} was read"
    else:
        assert isinstance(parsed, ParsedDate) and (parsed.when, parsed.has_time) == expected, f"{text!r}: {parsed}"


@pytest.mark.parametrize(("text", "month"), SOME_DAY)
def test_some_day_of_a_month_is_the_month_asked(text: str, month: datetime) -> None:
    parsed = read_date(text, now=THU)
    assert isinstance(parsed, ParsedDate) and parsed.month_only and parsed.when == month, f"{text!r}: {parsed}"


# Tuesday 28 December 2027: Christmas is still on. A period read as its first day is this year's while it lasts
# (passed, so `dato` asks), never next year's; a day of it that has passed (julaften) is next year's as before.
IN_ROMJUL = datetime(2027, 12, 28, 11, 0, tzinfo=OSLO)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("i romjula", at(2027, 12, 27)),
        ("romjulen", at(2027, 12, 27)),
        ("mellom jul og nyttår", at(2027, 12, 27)),
        ("i jula", at(2027, 12, 24)),
        ("julaften", at(2028, 12, 24)),
        ("overmorra", at(2027, 12, 30)),
    ],
)
def test_christmas_period_while_it_lasts(text: str, expected: tuple[datetime, bool]) -> None:
    parsed = read_date(text, now=IN_ROMJUL)
    assert isinstance(parsed, ParsedDate) and (parsed.when, parsed.has_time) == expected, f"{text!r}: {parsed}"


def test_christmas_period_after_new_year_is_the_next() -> None:
    parsed = read_date("i romjula", now=datetime(2028, 1, 2, 11, 0, tzinfo=OSLO))
    assert isinstance(parsed, ParsedDate) and parsed.when.date().isoformat() == "2028-12-27"


# Wrong readings found by wrapping every corpus phrase in sentences (main read each of them so).
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kan vi ta det 29.04.2027 02:00 PM?", at(2027, 4, 29, 14)),  # main: 02.00 at night
        ("Vi tek det i morgon kvart over ti.", at(2027, 4, 23, 10, 15)),  # main: no time
        ("Vi tek det fjortende mai.", at(2027, 5, 14)),  # main: May, asked as the month
        ("Vi tek det ein gong i oktober.", None),  # read below as the month
        ("Vi tek det ein gong i jula.", None),  # main: Christmas Eve
        ("Vi foreslår tirsdag 28. april 2027.", None),  # a Wednesday; main (through dateparser): the 28th
        ("tirsdag 28. april 2027.", None),
        ("fristen er jul", None),  # read below as December; main: July 2028
    ],
)
def test_sentence_audit(text: str, expected: tuple[datetime, bool] | None) -> None:
    parsed = read_date(text, now=THU)
    if expected is None:
        assert not isinstance(parsed, ParsedDate) or parsed.month_only, f"{text!r}: {parsed}"
    else:
        assert isinstance(parsed, ParsedDate) and (parsed.when, parsed.has_time) == expected, f"{text!r}: {parsed}"


@pytest.mark.parametrize(
    ("text", "month"),
    [("Vi tek det ein gong i oktober.", 10), ("fristen er jul", 12), ("fram til jul", 12), ("frist: jul", 12)],
)
def test_some_time_of_a_month_in_a_sentence_is_the_month(text: str, month: int) -> None:
    parsed = read_date(text, now=THU)
    assert isinstance(parsed, ParsedDate) and parsed.month_only and parsed.when.month == month, f"{text!r}: {parsed}"
