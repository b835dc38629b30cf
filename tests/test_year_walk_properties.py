"""Property: on any day of the agreement year, a refused command never changes the store (byte for byte)."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.driver import make_bot, oslo, record_all_preconditions
from tests.test_year_walk import store_bytes

PEOPLE = ["kari", "per", "ola", "siri", "nils", "rita", "aud", "admin", "ukjent"]
COMMANDS = [
    "referat vår Godt møte",
    "referat høst Godt møte oppfølging: Sende utkast @IN",
    "referat politisk Vedtatt",
    "referat handlingsplan Vedtatt",
    "referat oppdrag Sendt",
    "signer",
    "signer agder",
    "signer vestland",
    "oppdrag IN sendt",
    "oppdrag SIVA ingen",
    "ikke aktuelt oppdrag",
    "ikke aktuelt politisk",
    "ikke aktuelt oppdrag angre",
    "plan 2028–2031",
    "plan 2031-2028",
    "forutsetning budsjett",
    "forutsetning tildelingsbrev",
    "forutsetning statsbudsjett",
]
SUFFIXES = ["", " bekreft", " 2027", " 2028", " 2027 bekreft", " 2026", " tull"]
START = date(2026, 9, 1)
DAYS = (date(2028, 1, 31) - START).days

BOT = make_bot(at=oslo(2027, 1, 12, 9))
record_all_preconditions(BOT, year=2027)
BOT.say("signer", as_="kari")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    day=st.integers(min_value=0, max_value=DAYS),
    person=st.sampled_from(PEOPLE),
    command=st.sampled_from(COMMANDS),
    suffix=st.sampled_from(SUFFIXES),
)
def test_a_refused_command_never_changes_the_store(day: int, person: str, command: str, suffix: str) -> None:
    when = START + timedelta(days=day)
    BOT.set_time(when.year, when.month, when.day, 10)
    before = store_bytes(BOT)
    reply = BOT.say(command + suffix, as_=person)
    if not reply.ok:
        assert store_bytes(BOT) == before, f"{command + suffix!r} on {when} was refused but changed the store"
        assert BOT.last.announcements == ()
        assert reply.text.strip() and "Traceback" not in reply.text
