"""Batch 17's families (issue 18), with phrases of their own: the wrong dates found — «Vi tar det i romjula en
gang» read as 27 December and «… neste uke en gang» as a Monday (some time after a sentence's date was left out),
«femte fredag i november» read as 30 November 2029 (a day some years lack, taken years away), and `dato høst flytta
frå 14.11 til 18.11` saved as a meeting from the 14th (the move words cut before «frå») — and the refusals that now
read: «forrige fredag», «nå på fredag», «trettende dag jul», «i ettermiddag kl 5» (17.00), «ila. august», «januar
månad», «utsatt til torsdag 18/11 kl 12», «etter påskeferien» in a sentence, a meeting's name with its season or
«i AU» in front of the date, «imårå».

Expected dates are written out by hand from a calendar (22 October 2027 is a Friday, November 2027 has four
Fridays: 5, 12, 19 and 26; 30 March 2027 is the Tuesday after Easter), not computed with the code.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from bot.clock import OSLO
from bot.dates.grammar import ParsedDate, read_date
from tests.driver import make_bot, oslo
from tests.helpers import assert_refused

OCT = datetime(2027, 10, 22, 15, 45, tzinfo=OSLO)  # a Friday afternoon
DEC = datetime(2026, 12, 22, 9, 15, tzinfo=OSLO)
EASTER = datetime(2027, 3, 23, 11, 0, tzinfo=OSLO)  # Tuesday of Holy Week

READS: list[tuple[str, datetime, str]] = [  # written as the corpus writes them: day[ time][ month]
    # the previous week's weekday, as «onsdag forrige uke»; «nå på fredag» is the coming Friday
    ("forrige fredag", OCT, "2027-10-15"),
    ("førre tysdag", OCT, "2027-10-12"),
    ("nå på tirsdag", OCT, "2027-10-26"),
    ("no på fredag kl 9", OCT, "2027-10-29 09:00"),
    # Twelfth Day, the end of Christmas
    ("trettende dag jul", DEC, "2027-01-06"),
    ("trettendedagen kl 10", DEC, "2027-01-06 10:00"),
    # a one-digit hour with the afternoon is the afternoon's
    ("i ettermiddag kl 5", OCT, "2027-10-22 17:00"),
    ("fredag ettermiddag kl 3.30", OCT, "2027-10-29 15:30"),
    # «ila.» before a month as «i løpet av» (the month, asked from its 1st); «month» after a month's name
    ("ila. november", OCT, "2027-11-01 month"),
    ("i mars månad", OCT, "2028-03-01 month"),
    ("5. november måned kl 10", OCT, "2027-11-05 10:00"),
    # the words a move is written with before the day
    ("utsatt til torsdag 18/11 kl 12", OCT, "2027-11-18 12:00"),
    ("blir flytta til 19. november", OCT, "2027-11-19"),
    # «etter» a feast or a weekend in a sentence names its day
    ("vi ses etter påskeferien", EASTER, "2027-03-30"),
    ("Vi tek det rett etter påske.", EASTER, "2027-03-30"),
    # a meeting's name with its season or a party's capitalised name, set off or before its time
    ("Innkalling: Dialogmøte vår – tirsdag 13. april kl 10–14 på Teams", EASTER, "2027-04-13 10:00"),
    ("Møte i AU 14.4 kl 9", EASTER, "2027-04-14 09:00"),
    ("AU-møte 14.4 kl 9", EASTER, "2027-04-14 09:00"),
    ("Seminar hos IN 14.4 kl 9", EASTER, "2027-04-14 09:00"),
    ("Møte i Morgen kl 10", EASTER, "2027-03-24 10:00"),  # a day's word capitalised is no party's name
    ("Seminar i Uke 16 kl 10", EASTER, "2027-04-19 10:00"),
    # a year first with slashes is ISO's order; a weekday's definite form counted in a month
    ("2027/11/05", OCT, "2027-11-05"),
    ("2027/11/5 kl 10", OCT, "2027-11-05 10:00"),
    ("første fredagen i november", OCT, "2027-11-05"),
    # Sunnmøre and Bergen spellings of «i morgen»
    ("imårå", OCT, "2027-10-23"),
    ("i morgå kl 9", OCT, "2027-10-23 09:00"),
    # after a time away, «men» starts the day proposed (as «elles» ends it)
    ("Eg er borte heile neste veke, men fredag 12. november går fint.", OCT, "2027-11-12"),
    ("Eg har ferie 5. november, men kan ta det 8. november kl 10.", OCT, "2027-11-08 10:00"),
    # «en gang til» is «once more», no «some time»
    ("Vi møtes fredag kl 10 en gang til", OCT, "2027-10-29 10:00"),
    # some time of one day is still that day
    ("Vi tar det fredag en gang", OCT, "2027-10-29"),
    # a fifth weekday the coming month has, and 29 February in the coming leap year
    ("femte fredag i desember", OCT, "2027-12-31"),
    ("29. februar", OCT, "2028-02-29"),
]


@pytest.mark.parametrize(("text", "now", "expected"), READS)
def test_batch17_forms_read(text: str, now: datetime, expected: str) -> None:
    found = read_date(text, now=now)
    assert isinstance(found, ParsedDate), text
    shown = found.when.strftime("%Y-%m-%d") + found.when.strftime(" %H:%M") * found.has_time
    assert shown + " month" * found.month_only == expected


NOT_READ = [
    # some time after a sentence's date: of a period no day of it, of a week no Monday
    ("Vi tar det i romjula en gang", DEC),
    ("Kan vi ta det i jula ein gong?", DEC),
    ("Vi tar det neste uke en gang", OCT),
    ("Vi tek det uke 45 ein gong", OCT),
    ("Vi tar det over helga engang", OCT),
    # a day some years lack is not taken years away
    ("femte fredag i november", OCT),
    ("femte onsdag i februar", OCT),
    ("uke 53", OCT),
    # «flytta frå … til …» names the old day and the new
    ("flytta frå 14.11 til 18.11", OCT),
    ("Møtet er flyttet fra 14.11 til 18.11.", OCT),
    ("utsatt fra fredag til mandag", OCT),
    # the day is still to come; away after a feast; «etter» a date is no day
    ("Møtet blir etter nyttår, dato kjem.", DEC),
    ("Vi har ferie etter påske", EASTER),
    ("Etter helga sender eg forslag til dato.", EASTER),  # when something is done, no meeting's day
    ("Vi tek det etter påske, så kjem eg med dato.", EASTER),
    ("Vi tar det etter 17. mai.", EASTER),
    # an evening's or a zero-led hour from 1 to 5 is not surely the afternoon's
    ("i kveld kl 5", OCT),
    ("i ettermiddag kl 05", OCT),
    ("i ettermiddag kl 5-6", OCT),
    # «men» after a time away, and a day after it that is no proposal or two days
    ("Eg er borte, men fredag 12. november er eg på ferie.", OCT),
    ("Eg er på ferie, men kan ta det 11. eller 12. november.", OCT),
    ("Vi kan ikke 11.11, men 12.11 passer", OCT),
    # a case's number with slashes is no date
    ("sak 2027/12/3", OCT),
    ("Vi viser til sak 2027/5/14 om budsjettet.", OCT),
    # two meetings after a meeting's name are two dates
    ("Møte i AU 11.01 kl 14 og 12.01 kl 10", OCT),
]


@pytest.mark.parametrize(("text", "now"), NOT_READ)
def test_batch17_forms_not_read(text: str, now: datetime) -> None:
    assert not isinstance(read_date(text, now=now), ParsedDate), text


def test_dato_refuses_a_move_from_one_day_to_another_and_changes_nothing() -> None:
    bot = make_bot(at=oslo(2026, 9, 8, 10))
    assert_refused(bot, "dato høst flytta frå 12.11 til 16.11", as_="kari", channel="agder")


def test_dato_refuses_a_fifth_weekday_the_month_lacks_and_changes_nothing() -> None:
    bot = make_bot(at=oslo(2026, 9, 8, 10))
    assert_refused(bot, "dato høst femte fredag i november", as_="kari", channel="agder")  # four in 2026


def test_dato_reads_a_move_with_its_weekday_and_time() -> None:
    bot = make_bot(at=oslo(2026, 9, 8, 10))
    reply = bot.say("dato høst utsatt til torsdag 12/11 kl 12 bekreft", as_="kari", channel="agder")
    assert reply.ok, reply.text
    assert "12. november 2026" in reply.text and "12.00" in reply.text, reply.text
