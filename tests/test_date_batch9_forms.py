"""Date forms that batch 9 of the held-out corpus found unread (issue 18): a day or weekday of a month named from
today («14. neste måned», «første mandag i neste månad», «siste fredag i måneden»), a weekday in the week after next
(«tysdag veka etter neste»), a place said from the writer's side («hos oss», «(fysisk i Bodø)»), «frist for innspel
20.9», a compact range of hours in front («0900–1430 tysdag 21.9») and the year first («2027, 21. september»). The
phrases are the tests' own, not the corpus's; each family is checked for the wrong dates it could bring."""

from __future__ import annotations

from datetime import datetime

import pytest

from bot.clock import OSLO
from bot.dates.grammar import ParsedDate, read_date
from tests.driver import make_bot, oslo
from tests.helpers import assert_recorded
from tests.test_date_gaps import at

THU = datetime(2027, 9, 9, 10, 0, tzinfo=OSLO)

READS: list[tuple[str, tuple[datetime, bool]]] = [
    # a day or a weekday of next month or of this one
    ("14. neste måned", at(2027, 10, 14)),
    ("den 14. i neste månad", at(2027, 10, 14)),
    ("den fjortende neste måned", at(2027, 10, 14)),
    ("14. neste måned kl 10", at(2027, 10, 14, 10)),
    ("første mandag neste måned", at(2027, 10, 4)),
    ("fyrste måndag i neste månad", at(2027, 10, 4)),
    ("siste fredag i neste måned", at(2027, 10, 29)),
    ("siste fredag i måneden", at(2027, 9, 24)),
    ("andre tysdag i månaden", at(2027, 9, 14)),
    ("siste fredag denne måneden", at(2027, 9, 24)),
    ("14. neste mnd", at(2027, 10, 14)),
    ("første virkedag i neste måned", at(2027, 10, 1)),
    # a weekday in the week after next
    ("onsdag uka etter neste", at(2027, 9, 22)),
    ("tysdag veka etter neste kl 9", at(2027, 9, 21, 9)),
    ("torsdag i uka etter neste", at(2027, 9, 23)),
    # a place said from the writer's side
    ("21.9 hos oss", at(2027, 9, 21)),
    ("21.9 hos oss i Bodø", at(2027, 9, 21)),
    ("21.9 hjå oss", at(2027, 9, 21)),
    ("21.9 (fysisk i Bodø)", at(2027, 9, 21)),
    ("21.9 hos dykk kl 10", at(2027, 9, 21, 10)),
    # a deadline for something, a compact range of hours in front, the year first
    ("frist for innspel 20.9", at(2027, 9, 20)),
    ("0900–1430 tysdag 21.9", at(2027, 9, 21, 9)),
    ("2027, 21. september", at(2027, 9, 21)),
    ("2027 21.9 kl 10", at(2027, 9, 21, 10)),
]


@pytest.mark.parametrize(("text", "expected"), READS)
def test_reads(text: str, expected: tuple[datetime, bool]) -> None:
    parsed = read_date(text, now=THU)
    assert isinstance(parsed, ParsedDate), f"{text!r} was not read"
    assert (parsed.when, parsed.has_time) == expected


@pytest.mark.parametrize(
    "text",
    [
        "annenhver fredag i måneden",  # a repetition, not a day
        "31. i måneden",  # no 31 September
        "femte mandag i neste måned",  # October 2027 has four
        "32. neste måned",
        "fredag 21.9 hos oss",  # 21 September 2027 is a Tuesday
        "hos oss",
        "2027, 21",
        "0900-1430",
        "14 neste måned",  # a bare number stays no day, as «14» does
        "2026-2027 tysdag 21.9",  # years, not hours
        "veka etter neste eller fredag",
    ],
)
def test_refuses(text: str) -> None:
    assert not isinstance(read_date(text, now=THU), ParsedDate), text


def test_i_neste_maned_alone_stays_a_month() -> None:
    parsed = read_date("i neste måned", now=THU)
    assert isinstance(parsed, ParsedDate)
    assert parsed.month_only
    assert parsed.when.date() == datetime(2027, 10, 1).date()


def test_dato_reads_this_months_last_friday() -> None:
    bot = make_bot(at=oslo(2026, 11, 25, 10))
    assert_recorded(bot, "dato høst siste fredag i måneden kl 10", as_="kari")
    value = bot.tables("cycle/agder/2026").get("milestones", {}).get("regional-autumn", {}).get("planned")
    assert value is not None and datetime.fromisoformat(value) == oslo(2026, 11, 27, 10)
