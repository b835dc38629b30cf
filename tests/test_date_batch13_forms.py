"""Batch 13's families (issue 18), with phrases of their own: an end time no clock shows («10:00-25:00») and two days
in one phrase («sendt i går i morgen») refused with what was wrong in every command that reads a day, a deadline
naming a month or a week of one (its last day, as «innen utgangen av …»), hours in words after a sentence's date, «i
går» in a sentence, some day of a week («neste uke en gang»: asked), nynorsk «for tre dagar sidan», an English «Fri»
before a copied invitation; the refusals beside them.

Now is Wednesday 27 October 2027, 15:20 Oslo, unless a test says otherwise. Expected dates are written out by hand from
a calendar (10 November 2027 is a Wednesday, 12 November a Friday, 1 November a Monday), not computed with the code.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest

from bot.clock import OSLO
from bot.dates.deadline import due_in
from bot.dates.grammar import DateTrouble, ParsedDate, read_date
from tests.driver import make_bot, oslo
from tests.helpers import assert_refused, make_config
from tests.test_date_gaps import at

WED = datetime(2027, 10, 27, 15, 20, tzinfo=OSLO)

READS: list[tuple[str, tuple[datetime, bool]]] = [
    ("for tre dagar sidan", at(2027, 10, 24)),
    ("for to veker sidan", at(2027, 10, 13)),
    ("Fri 12 Nov 2027 10:00 AM - 12:00 PM", at(2027, 11, 12, 10)),
    ("Sat, Nov 13, 2027 9:00 AM", at(2027, 11, 13, 9)),
    # hours in words after a sentence's date are its time
    ("Vi tek det onsdag 10. november fra ni til tre.", at(2027, 11, 10, 9)),
    ("Kan vi ta det 10. november frå ti til to?", at(2027, 11, 10, 10)),
    ("Møtet er 10.11 frå ni til tre", at(2027, 11, 10, 9)),
    ("Vi møtest i morgon frå ni til tre.", at(2027, 10, 28, 9)),
    # «går» alone is still a verb
    ("Kan vi ta det i morgen, går det?", at(2027, 10, 28)),
    ("Det går fint torsdag 4. november kl 10.", at(2027, 11, 4, 10)),
]

DEADLINE_MONTHS: list[tuple[str, date, str]] = [
    ("innen desember", date(2027, 12, 31), "whole"),
    ("innan januar", date(2028, 1, 31), "whole"),
    ("frist november", date(2027, 11, 30), "whole"),
    ("innen første uke i desember", date(2027, 12, 7), "first_week"),
    ("seinast siste veka i november", date(2027, 11, 30), "last_week"),
    # up to a month's start, or a month's own day, keep the day they name
    ("før desember", date(2027, 12, 1), "whole"),
    ("innen medio desember", date(2027, 12, 15), "middle"),
    ("i desember", date(2027, 12, 1), "whole"),
]

REFUSED: tuple[str, ...] = (
    "Vi tek det i går i morgen.",  # two days (main read «i morgen»)
    "Vi møttest i går.",  # a day that has been
    "fri 12. nov",  # Norwegian: a day off, no weekday
    "Eg har fri fredag 12. november.",
    "Vi møtes fra ni til tre.",  # hours, no day
    "onsdag 10.11 10:00-25:00",
    "10. november kl 14-12",
    "onsdag 10. november kl. 09.00–24.30",
    "Thu 11/11/2027 9:00 AM - 13:00 PM",
    "neste uke en gang",
    "ein gong neste veke",
    "tidleg neste veke",
)


@pytest.mark.parametrize(("text", "expected"), READS)
def test_batch13_forms_read(text: str, expected: tuple[datetime, bool]) -> None:
    found = read_date(text, now=WED)
    assert isinstance(found, ParsedDate), text
    assert (found.when, found.has_time) == expected


@pytest.mark.parametrize(("text", "day", "part"), DEADLINE_MONTHS)
def test_a_deadline_naming_a_month_or_a_week_of_one_is_its_last_day(text: str, day: date, part: str) -> None:
    found = read_date(text, now=WED)
    assert isinstance(found, ParsedDate) and found.month_only, text
    assert (found.when.date(), found.month_part) == (day, part)


@pytest.mark.parametrize("text", REFUSED)
def test_batch13_refusals(text: str) -> None:
    assert not isinstance(read_date(text, now=WED), ParsedDate), text


def test_an_end_no_clock_shows_says_which_end_and_how_to_write_it() -> None:
    found = read_date("onsdag 10.11 10:00-25:00", now=WED)
    assert isinstance(found, DateTrouble) and found.reason == "time"
    assert "«25:00»" in found.message and found.instead == ("10. november kl 10.00–12.00",)
    # one digit from 1 to 5 after a morning start is the afternoon, as «fra ni til tre» ends at 15
    afternoon = read_date("onsdag 10.11 kl 10-2", now=WED)
    assert isinstance(afternoon, ParsedDate) and afternoon.until == (14, 0)


@pytest.mark.parametrize(
    ("channel", "who", "typed", "said"),
    [
        ("agder", "kari", "dato vår 22. april 10:00-25:00", "Sluttiden «25:00» er ikke et klokkeslett etter starten."),
        ("vestland", "per", "dato vår 22. april kl 10-26", "Sluttida «26» er ikkje eit klokkeslett etter starten."),
    ],
)
def test_dato_refuses_an_end_no_clock_shows_and_changes_nothing(channel: str, who: str, typed: str, said: str) -> None:
    bot = make_bot(at=oslo(2027, 3, 10, 9), config=make_config(regions=("agder", "vestland")))
    bot.say("dato vår 22. april kl 10", as_=who, channel=channel)
    before = bot.snapshot()
    reply = assert_refused(bot, typed, as_=who, channel=channel, contains=said)
    assert "«dato vår 22. april kl 10.00–12.00»" in reply.text
    assert bot.snapshot() == before  # the planned 10.00 and no end: not the start of the bad range


@pytest.mark.parametrize(
    ("channel", "who", "typed", "said"),
    [
        ("agder", "kari", "oppdrag SIVA sendt i går i morgen", "«i går i morgen» er to datoer."),
        ("vestland", "per", "oppdrag SIVA sendt i går i morgon", "Skriv berre den eine dagen det skjedde."),
        ("agder", "kari", "forutsetning budsjett vedtatt i går i morgen", "Skriv bare den ene dagen det skjedde."),
        ("agder", "kari", "oppdrag SIVA sendt 3.3 10:00-25:00", "Sluttiden «25:00»"),
    ],
)
def test_a_day_that_happened_typed_twice_or_with_a_bad_end_is_refused(
    channel: str, who: str, typed: str, said: str
) -> None:
    bot = make_bot(at=oslo(2027, 3, 10, 9), config=make_config(regions=("agder", "vestland")))
    before = bot.snapshot()
    assert_refused(bot, typed, as_=who, channel=channel, contains=said)
    assert bot.snapshot() == before  # «i går» was recorded before


def test_a_day_that_happened_and_the_next_sentence_still_read() -> None:
    bot = make_bot(at=oslo(2027, 3, 10, 9))
    reply = bot.say("oppdrag SIVA sendt i går", as_="kari", channel="agder")
    assert "9. mars 2027" in reply.text


def test_some_day_of_next_week_is_asked_with_a_day_of_it() -> None:
    bot = make_bot(at=oslo(2027, 3, 10, 9))
    before = bot.snapshot()
    reply = assert_refused(bot, "dato vår neste uke en gang", as_="kari", contains="sier ikke hvilken dag")
    assert "«dato vår 15. mars»" in reply.text  # Monday of next week, as an example of the one day to write
    assert bot.snapshot() == before


@pytest.mark.parametrize("text", ["neste uke en gang", "ein dag neste veke", "en dag i neste uke", "tidleg neste veke"])
def test_some_day_of_next_week_is_vague_with_its_monday_to_offer(text: str) -> None:
    found = read_date(text, now=WED)
    assert isinstance(found, DateTrouble) and found.reason == "vague", text
    assert found.day == date(2027, 11, 1)


def test_a_follow_up_due_within_a_month_is_due_at_its_end() -> None:
    assert due_in("Agder sender utkast innen desember", now=WED)[:2] == (date(2027, 12, 31), "Agder sender utkast")
    assert due_in("IN svarer innan første veka i desember", now=WED)[:2] == (date(2027, 12, 7), "IN svarer")
    assert due_in("før desember", now=WED) is None  # up to December: the minutes warn, never a guess


def test_minutes_points_due_within_a_month_or_its_first_week_are_due_at_the_end() -> None:
    bot = make_bot(at=oslo(2026, 11, 23, 9))
    bot.say("referat høst Høstmøtet holdt", as_="aud")
    reply = bot.say(
        "referat høst Godt møte oppfølging: Sende utkast @IN innen desember; Booke rom @siva innan første veka i desember",
        as_="kari",
    )
    points = bot.tables("cycle/agder/2026")["milestones"]["regional-autumn"]["outcome"]["followups"]
    assert [point["due"] for point in points] == ["2026-12-30", "2026-12-07"], reply.text  # 31.12 is off (walk 33 F9)
