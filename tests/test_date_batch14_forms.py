"""Batch 14's families (issue 18), with phrases of their own: a feast's name alone («påske», «pinsen 2028») is the
holiday, days long, never its Sunday read silently (days counted from it still are: «dagen etter påske»), and a
two-digit year more than ten years ahead is the last century's («29.10.72» is 1972, refused like every year before
2000, never 2072); deadline labels closed by a colon («Frist for søknad til RFF: 15. april»), «(frist)» after the date,
«engang i januar», «28th of September»; the forms beside them that still read.

Now is Friday 17 December 2027, 14:00 Oslo, unless a test says otherwise. Expected dates are written out by hand from
a calendar (Easter Sunday 2028 is 16 April, Whit Sunday 4 June 2028; 4 January 2028 is a Tuesday), not computed
with the code.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from bot.clock import OSLO
from bot.dates.grammar import DateTrouble, ParsedDate, read_date
from tests.driver import make_bot, oslo
from tests.helpers import assert_refused
from tests.test_date_gaps import at

FRI = datetime(2027, 12, 17, 14, 0, tzinfo=OSLO)

READS: list[tuple[str, tuple[datetime, bool]]] = [
    ("dagen etter påske", at(2028, 4, 17)),
    ("dagen før påsken 2028", at(2028, 4, 15)),
    ("fredag etter pinse", at(2028, 6, 9)),
    ("dagen etter pinsen", at(2028, 6, 5)),
    ("1. påskedag", at(2028, 4, 16)),
    ("påskesøndag", at(2028, 4, 16)),
    ("etter påske", at(2028, 4, 18)),
    ("4.1.28 kl 10", at(2028, 1, 4, 10)),
    ("15.3.37", at(2037, 3, 15)),
    ("13.4.-28", at(2028, 4, 13)),
    ("12. januar -28", at(2028, 1, 12)),
    ("12.01.25", at(2025, 1, 12)),  # passed: read, and `dato` asks
    # a deadline's label of up to five words closed by a colon, and «frist» said after the date
    ("frist innspel: 7. januar", at(2028, 1, 7)),
    ("Frist for rapport til Forskningsrådet: 14. januar 2028 kl. 12.00", at(2028, 1, 14, 12)),
    ("fredag 14. januar kl 12 (frist)", at(2028, 1, 14, 12)),
    ("14.1 – frist", at(2028, 1, 14)),
    # «en gang» typed as one word; the English «of» between an ordinal and its month
    ("engang i februar", at(2028, 2, 1)),
    ("4th of January", at(2028, 1, 4)),
]


@pytest.mark.parametrize(("text", "expected"), READS)
def test_batch14_forms_read(text: str, expected: tuple[datetime, bool]) -> None:
    found = read_date(text, now=FRI)
    assert isinstance(found, ParsedDate), text
    assert (found.when, found.has_time) == expected


@pytest.mark.parametrize("text", ["påske", "påsken", "påska 2028", "pinse", "pinsen 2028", "på påske", "i pinsa"])
def test_a_feast_alone_is_its_holiday_and_names_no_day(text: str) -> None:
    found = read_date(text, now=FRI)
    assert isinstance(found, DateTrouble) and found.reason == "vague", text


@pytest.mark.parametrize("text", ["frist fredag: 4. januar", "frist", "neste uke engang"])
def test_a_weekday_is_no_deadline_label_and_frist_alone_no_day(text: str) -> None:
    # 4 January 2028 is a Tuesday: the weekday stays part of the date and is checked against it
    assert not isinstance(read_date(text, now=FRI), ParsedDate), text


@pytest.mark.parametrize("text", ["29.10.72", "12.1.99", "1.1.40", "13. april -72", "13.4.-99", "fredag 29.10.72"])
def test_a_two_digit_year_far_ahead_is_no_date(text: str) -> None:
    assert not isinstance(read_date(text, now=FRI), ParsedDate), text


def test_dato_asks_which_day_of_easter_and_changes_nothing() -> None:
    bot = make_bot(at=oslo(2027, 12, 17, 14))
    before = bot.snapshot()
    assert_refused(bot, "dato vår påske", as_="kari", channel="agder", contains="sier ikke hvilken dag")
    assert bot.snapshot() == before
