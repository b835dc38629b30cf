"""Issue 18 driven through `dato` (and the confirm word and misspelt names through other commands) as a
person types them, in a bokmål (Agder, kari) and a nynorsk (Vestland, per) channel."""

from __future__ import annotations

from datetime import datetime

import pytest

from tests.driver import BotDriver, make_bot, oslo
from tests.helpers import assert_recorded, assert_refused

REGION = {"kari": "agder", "per": "vestland"}


@pytest.fixture
def tue() -> BotDriver:
    return make_bot(at=oslo(2027, 3, 2, 9))


def planned(bot: BotDriver, *, as_: str, key: str = "regional-spring", year: int = 2027) -> datetime | None:
    value = bot.tables(f"cycle/{REGION[as_]}/{year}").get("milestones", {}).get(key, {}).get("planned")
    return datetime.fromisoformat(value) if value else None


@pytest.mark.parametrize(
    ("as_", "command", "when", "note"),
    [
        ("kari", "dato vår tirs 13/4 0900", oslo(2027, 4, 13, 9), "tirsdag 13. april 2027 kl. 09.00"),
        ("per", "dato vår tys 13.04. 0830", oslo(2027, 4, 13, 8, 30), "kl. 08.30"),
        ("kari", "dato vår 20.-21. april", oslo(2027, 4, 20), "sluttdagen 21. april lagres ikke"),
        ("kari", "dato vår tirsdag 20. – onsdag 21. april", oslo(2027, 4, 20), "sluttdagen 21. april lagres ikke"),
        ("per", "dato vår frå 20. til 21. april", oslo(2027, 4, 20), "sluttdagen 21. april vert ikkje lagra"),
        ("per", "dato vår 2027-04-20 09:00 – 2027-04-21 15:00", oslo(2027, 4, 20, 9), "vert ikkje lagra"),
        ("kari", "dato vår 2027-04-20T07:00:00Z", oslo(2027, 4, 20, 9), "kl. 09.00"),
        ("per", "dato vår ty. 20.4 kl 10", oslo(2027, 4, 20, 10), "kl. 10.00"),
        ("kari", "dato vår første tirsdag etter påske", oslo(2027, 3, 30), "30. mars"),
        ("per", "dato vår tysdag om 14 dagar", oslo(2027, 3, 16), "16. mars"),
    ],
)
def test_dato_reads_the_date_and_says_what_it_kept(
    tue: BotDriver, as_: str, command: str, when: datetime, note: str
) -> None:
    reply = assert_recorded(tue, command, as_=as_)
    assert note in reply.text, reply.text
    assert planned(tue, as_=as_) == when


@pytest.mark.parametrize(
    ("as_", "command", "needle"),
    [
        ("kari", "dato vår 14.04.0830", "Jeg forstod ikke datoen «14.04.0830»"),
        ("per", "dato vår 13.4.1999", "Eg forstod ikkje datoen"),
        ("kari", "dato vår 0900", "Jeg forstod ikke datoen «0900»"),
        ("kari", "dato vår 20.-22. april", "er to datoer"),
        ("per", "dato vår frå 20. april til 21. mai", "er to datoar"),
        ("kari", "dato vår fredag om 10 dager", "er to datoer"),
        ("kari", "dato vår 13/4 0900 1000", "Jeg forstod ikke datoen"),
        ("kari", "dato vår torsdag 22. – fredag 23. mai", "23. mai 2027 er en søndag, ikke en fredag"),
        ("per", "dato vår onsdag 22. – fredag 23. april", "er ein torsdag, ikkje ein onsdag"),
    ],
)
def test_dato_refuses_and_never_offers_a_year_before_2000(tue: BotDriver, as_: str, command: str, needle: str) -> None:
    reply = assert_refused(tue, command, as_=as_, contains=needle)
    assert "bekreft" not in reply.text and not reply.buttons
    assert "0830»" not in reply.text.replace("«14.04.0830»", "")


def test_dato_before_christmas_asks_for_the_day(tue: BotDriver) -> None:
    before = tue.snapshot()
    reply = tue.say("dato høst før jul", as_="kari")
    assert tue.snapshot() == before
    assert "Ikke lagret" in reply.text and "desember" in reply.text and "juli" not in reply.text


def test_stadfest_confirms_like_bekreft(tue: BotDriver) -> None:
    reply = tue.say("dato vår 24. april", as_="per")  # a Saturday: the bot asks
    assert "Ikkje lagra" in reply.text, reply.text
    assert_recorded(tue, "dato vår vestland 2027 2027-04-24 stadfest", as_="per")
    assert planned(tue, as_="per") == oslo(2027, 4, 24)
    assert_recorded(tue, "dato vår agder 2027 2027-04-24 Stadfest!", as_="kari")
    assert planned(tue, as_="kari") == oslo(2027, 4, 24)


def test_oppdrag_takes_a_trailing_bekreft(tue: BotDriver) -> None:
    reply = assert_recorded(tue, "oppdrag RFF ingen bekreft", as_="kari")
    assert "ingen i år" in reply.text
    assert_refused(tue, "oppdrag RFF ingen bekreft bekreft", as_="kari", contains="«bekreft»")


@pytest.mark.parametrize(
    ("as_", "command", "needle"),
    [
        ("kari", "forutsetning statsbudsjet 2027", "Mente du «statsbudsjett»?"),
        ("per", "forutsetning statsbudsjet 2027", "Meinte du «statsbudsjett»?"),
        ("kari", "status agdr", "Mente du «Agder»?"),
        ("kari", "status 2027 vestlnd", "Mente du «Vestland»?"),
        ("kari", "oppdrag SVIA ingen", "Mente du «SIVA»?"),
        ("kari", "logg agedr", "Mente du «Agder»?"),
    ],
)
def test_a_misspelt_name_gets_mente_du(tue: BotDriver, as_: str, command: str, needle: str) -> None:
    assert_refused(tue, command, as_=as_, contains=needle)


@pytest.mark.parametrize(
    "command", ["status xyzzy", "status ag", "forutsetning stats 2027", "status 2027 agder x", "status agdr xyzzy"]
)
def test_a_word_far_from_every_name_is_refused_without_a_guess(tue: BotDriver, command: str) -> None:
    reply = assert_refused(tue, command, as_="kari")
    assert "Mente du" not in reply.text


@pytest.mark.parametrize(
    ("as_", "command", "needle"),
    [
        ("kari", "dato vår agdr 22. april", "Mente du «dato vår Agder 22. april»?"),
        ("per", "dato vår vestlnd tysdag 20.4 0900", "Meinte du «dato vår Vestland tysdag 20.4 0900»?"),
    ],
)
def test_dato_with_a_misspelt_region_gets_mente_du(tue: BotDriver, as_: str, command: str, needle: str) -> None:
    assert_refused(tue, command, as_=as_, contains=needle)
