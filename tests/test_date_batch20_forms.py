"""Batch 20's families (stop 29), with phrases of their own: a county council's formal letters («med frist …», «i
tidsrommet …», «i perioden …», «f.o.m. <weekday> <day>»), «til» after what is due («kommentarer til torsdag»),
English relative days and quick-add times («next Friday», «Wednesday 2pm», «tomorrow at 11», «in three weeks»), a
month-first slashed date with its time («11/23 at 2pm»), a precondition's numbers right after its verb («legges fram
7.10.»), «første arbeidsdag etter jul» back at work after New Year as «etter jul» is, «veka etter nyttår», nynorsk
«trettandedag». And what stays refused, each with a reply that says what was wrong and how to write it: «i helga» on
a Friday (two days), a misspelt weekday without a whole date, «til fredag» alone, a yearless month-first date alone
(«sak 5/14» is a case number), and two readings of a slashed date beside a twelve-hour time.

Expected dates are written out by hand from a calendar (4 February 2027 is a Thursday, 7 October 2027 a Thursday,
3 January 2028 a Monday), not computed with the code.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from bot.clock import OSLO
from bot.dates.grammar import DateTrouble, ParsedDate, read_date
from tests.driver import make_bot, oslo
from tests.helpers import assert_refused, make_config
from tests.test_date_gaps import at

MON = datetime(2027, 2, 1, 9, 0, tzinfo=OSLO)  # Monday 1 February 2027
FRI = datetime(2027, 9, 24, 15, 30, tzinfo=OSLO)  # a Friday afternoon
DEC = datetime(2027, 12, 6, 10, 0, tzinfo=OSLO)  # Monday 6 December 2027

READS: list[tuple[str, datetime, tuple[datetime, bool]]] = [
    # formal letters
    ("med frist 19.02.27", MON, at(2027, 2, 19)),
    ("med høringsfrist 1. mars kl. 12.00", MON, at(2027, 3, 1, 12)),
    ("i tidsrommet 16.–17. februar", MON, at(2027, 2, 16)),
    ("i perioden fra 23. til 24. februar", MON, at(2027, 2, 23)),
    ("i tidsrommet tysdag 16. – onsdag 17. februar", MON, at(2027, 2, 16)),
    ("f.o.m. torsdag 4. februar", MON, at(2027, 2, 4)),
    ("fra og med fredag 5.2.", MON, at(2027, 2, 5)),
    # «til» after what is due is a deadline
    ("kommentarer til torsdag", MON, at(2027, 2, 4)),
    ("svarfrist til fredag 5. februar", MON, at(2027, 2, 5)),
    ("merknader til 12.2", MON, at(2027, 2, 12)),
    ("frist til og med 12. februar", MON, at(2027, 2, 12)),  # «til og med» stays one deadline word
    # English relative days and quick-add times
    ("next Friday", MON, at(2027, 2, 12)),  # Norwegian «neste fredag»: next week's
    ("this Thursday", MON, at(2027, 2, 4)),
    ("Wednesday 2pm", MON, at(2027, 2, 3, 14)),
    ("on Thursday at 9:30", MON, at(2027, 2, 4, 9, 30)),
    ("tomorrow at 11", MON, at(2027, 2, 2, 11)),
    ("today 4pm", MON, at(2027, 2, 1, 16)),
    ("in three weeks", MON, at(2027, 2, 22)),
    ("in 10 days", MON, at(2027, 2, 11)),
    ("3rd March 2027 at 13", MON, at(2027, 3, 3, 13)),
    ("Tue 10am", MON, at(2027, 2, 2, 10)),  # a short English weekday only before a twelve-hour time or «at»
    ("next Thu", MON, at(2027, 2, 11)),
    ("Thursday next week", MON, at(2027, 2, 11)),
    ("Wed 10/2 at 9", MON, at(2027, 2, 10, 9)),
    # a yearless slashed date that is no day first, with its time
    ("11/23 at 2pm", FRI, at(2027, 11, 23, 14)),
    ("10/28 kl 9", FRI, at(2027, 10, 28, 9)),
    ("12/30 at 10", FRI, at(2027, 12, 30, 10)),
    # a precondition's numbers right after its verb
    ("Budsjettet legges fram 7.10.", FRI, at(2027, 10, 7)),
    ("Planen vert handsama 21.10.", FRI, at(2027, 10, 21)),
    ("Saka vedtas i fylkestinget 9.12.", FRI, at(2027, 12, 9)),  # the body deciding between the verb and its day
    # back at work after Christmas
    ("første arbeidsdag etter jula", DEC, at(2028, 1, 3)),
    ("fyrste virkedag etter juleferien", DEC, at(2028, 1, 3)),
    ("onsdag veka etter nyttår", DEC, at(2028, 1, 5)),
    ("trettandedag", DEC, at(2028, 1, 6)),
]

NOT_READ: list[tuple[str, datetime]] = [
    ("i helgen", FRI),  # Saturday or Sunday, typed on a Friday too
    ("neste helg", FRI),
    ("torsdga kl 10", FRI),  # a misspelt weekday is offered, read only before a whole date
    ("til fredag", FRI),  # an end, no meeting's day
    ("11/23", FRI),  # month first and alone: «sak 11/23» is a case number
    ("tue 10", FRI),  # no twelve-hour time, no «at»: never English
    ("Vi ser at 10 passer", FRI),  # Norwegian «at»
    ("3/4 9am", FRI),  # 3 April or 4 March
    ("Budsjettet vart lagt fram 7.10.", FRI),  # a day that has been
    ("Vi la fram 2.5 timar", FRI),  # a quantity, no day
    ("Saka vert handsama i 2.5 timar", FRI),
    ("dagen etter jul kl 10 eller 11", DEC),
]


@pytest.mark.parametrize(("text", "now", "expected"), READS)
def test_batch20_forms_read(text: str, now: datetime, expected: tuple[datetime, bool]) -> None:
    found = read_date(text, now=now)
    assert isinstance(found, ParsedDate), (text, found)
    assert (found.when, found.has_time) == expected


@pytest.mark.parametrize(("text", "now"), NOT_READ)
def test_batch20_forms_not_read(text: str, now: datetime) -> None:
    assert not isinstance(read_date(text, now=now), ParsedDate), text


def test_dagen_etter_jula_stays_christmas_day() -> None:
    """Only a weekday or a working day counted from «jul» is back at work after New Year; «dagen etter jula» is the
    day after Christmas Eve, as before."""
    found = read_date("dagen etter jula", now=DEC)
    assert isinstance(found, ParsedDate)
    assert found.when == datetime(2027, 12, 25, tzinfo=OSLO)


def test_a_weekend_is_vague_not_unknown() -> None:
    found = read_date("i helga", now=FRI)
    assert isinstance(found, DateTrouble) and found.reason == "vague"


@pytest.mark.parametrize(
    ("channel", "who", "typed", "said"),
    [
        ("agder", "kari", "dato vår i helga", "«i helga» sier ikke hvilken dag. Skriv én dato"),
        ("vestland", "per", "dato vår i helga", "«i helga» seier ikkje kva dag. Skriv éin dato"),
        ("agder", "kari", "dato vår 5/14", "«5/14» er skrevet med måneden først. Skriv f.eks. «dato vår 14. mai»."),
        ("vestland", "per", "dato vår 5/14", "«5/14» er skriven med månaden først. Skriv t.d. «dato vår 14. mai»."),
        (
            "agder",
            "kari",
            "dato vår 4/3/2027 10:00 AM",
            "«4/3/2027» kan være både 4. mars 2027 og 3. april 2027. Skriv «dato vår 4. mars 2027» eller",
        ),
        ("vestland", "per", "dato vår 4/3/2027 10:00 AM", "«4/3/2027» kan vere både 4. mars 2027 og 3. april 2027."),
        ("agder", "kari", "dato vår fredga kl 10", "Mente du «dato vår fredag kl 10»?"),
        ("vestland", "per", "dato vår fredga kl 10", "Meinte du «dato vår fredag kl 10»?"),
        ("agder", "kari", "dato vår til fredag", "Skriv bare datoen, f.eks. «dato vår fredag»."),
        ("vestland", "per", "dato vår til fredag", "Skriv berre datoen, t.d. «dato vår fredag»."),
    ],
)
def test_a_refused_date_says_what_was_wrong_and_how_to_write_it(channel: str, who: str, typed: str, said: str) -> None:
    bot = make_bot(at=oslo(2027, 1, 29, 15, 10), config=make_config(regions=("agder", "vestland")))
    assert_refused(bot, typed, as_=who, channel=channel, contains=said)


def test_dato_saves_next_tuesday_as_next_weeks() -> None:
    bot = make_bot(at=oslo(2027, 3, 18, 10))
    reply = bot.say("dato vår next Tuesday 10am", as_="kari", channel="agder")
    assert "23. mars" in reply.text, reply.text
