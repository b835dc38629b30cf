"""`dato` asks before it saves an implausible date, and changes nothing until `bekreft` comes.

Each case: the reply names the reason, the store is byte for byte what it was, and the command the
reply quotes (the button's) saves exactly the date that was read.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.driver import BotDriver, make_bot, oslo
from tests.helpers import assert_recorded, assert_refused

AGDER_2027 = "cycle/agder/2027"


def planned(bot: BotDriver, partition: str, key: str) -> datetime | None:
    value = bot.tables(partition).get("milestones", {}).get(key, {}).get("planned")
    return datetime.fromisoformat(value) if value else None


def asks(bot: BotDriver, text: str, *, as_: str = "kari", contains: tuple[str, ...] = ()) -> str:
    """The bot asks: nothing stored, the reason named, one quoted command to save anyway; returns it."""
    before = bot.snapshot()
    reply = bot.say(text, as_=as_)
    assert bot.snapshot() == before, f"{text!r} stored a date without bekreft"
    assert bot.last.announcements == ()
    assert "Ikke lagret" in reply.text, reply.text
    for needle in contains:
        assert needle in reply.text, f"{needle!r} not in {reply.text!r}"
    command = reply.buttons[0].command
    assert command.endswith(" bekreft") and f"«{command}»" in reply.text
    return command


@pytest.mark.parametrize(
    ("text", "reason", "when"),
    [
        ("dato vår 24. april", "en lørdag", oslo(2027, 4, 24)),
        ("dato vår søndag 25. april kl 12", "en søndag", oslo(2027, 4, 25, 12)),
        ("dato vår 17. mai", "grunnlovsdag (helligdag)", oslo(2027, 5, 17)),
        ("dato vår Kristi himmelfartsdag", "Kristi himmelfartsdag (helligdag)", oslo(2027, 5, 6)),
        ("dato vår 2. påskedag kl 10", "andre påskedag (helligdag)", oslo(2027, 3, 29, 10)),
        ("dato høst 2026 julaften", "julaften (fridag)", oslo(2026, 12, 24)),
        ("dato vår 2027 2. august", "utenfor vinduet for Regionalt dialogmøte vår 2027", oslo(2027, 8, 2)),
        ("dato høst 2026 2. november", "passert", oslo(2026, 11, 2)),
    ],
)
def test_each_reason_asks_and_bekreft_saves(bot: BotDriver, text: str, reason: str, when: datetime) -> None:
    command = asks(bot, text, contains=(reason,))
    assert_recorded(bot, command, as_="kari")
    partition = f"cycle/agder/{when.year if 'høst' not in text else 2026}"
    key = "regional-autumn" if "høst" in text else "regional-spring"
    assert planned(bot, partition, key) == when


def test_bekreft_typed_at_once_saves_without_asking(bot: BotDriver) -> None:
    assert_recorded(bot, "dato vår 17. mai bekreft", as_="kari")
    assert planned(bot, AGDER_2027, "regional-spring") == oslo(2027, 5, 17)


def test_before_the_meeting_it_follows_asks(bot: BotDriver) -> None:
    assert_recorded(bot, "dato vår 10. mars kl 10", as_="aud")
    command = asks(bot, "dato vår 9. mars", contains=("før Nasjonalt temamøte vår (vårmøtet) 2027",))
    assert_recorded(bot, command, as_="kari")
    assert planned(bot, AGDER_2027, "regional-spring") == oslo(2027, 3, 9)


def test_a_passed_date_is_read_this_year_and_next_year_is_offered() -> None:
    bot = make_bot(at=oslo(2027, 3, 15, 9))
    assert bot.say("dato vårmøte 2028 2028-02-15", as_="aud").ok  # the national meeting it follows is dated first
    before = bot.snapshot()
    reply = bot.say("dato vår 1. mars", as_="kari")
    assert bot.snapshot() == before
    assert "mandag 1. mars 2027 er passert" in reply.text
    save, later = (button.command for button in reply.buttons)
    assert save == "dato vår agder 2027 2027-03-01 bekreft"
    assert later == "dato vår agder 2028 2028-03-01"
    assert f"«{later}» for neste år" in reply.text
    assert_recorded(bot, later, as_="kari")
    assert planned(bot, "cycle/agder/2028", "regional-spring") == oslo(2028, 3, 1)
    assert planned(bot, AGDER_2027, "regional-spring") is None


def test_next_occurrence_inside_the_planned_cycle_needs_no_question(bot: BotDriver) -> None:
    # 23 November 2026: this year's 22 April is long gone, next year's lies in the spring 2027 window.
    assert_recorded(bot, "dato vår 22. april", as_="kari")
    assert planned(bot, AGDER_2027, "regional-spring") == oslo(2027, 4, 22)


def test_a_month_alone_asks_which_day(bot: BotDriver) -> None:
    before = bot.snapshot()
    reply = bot.say("dato vår i april", as_="kari")
    assert bot.snapshot() == before
    assert reply.title == "Hvilken dag?" and "er en måned" in reply.text
    (button,) = reply.buttons
    assert button.command == "dato vår agder 2027 2027-04-01 bekreft"
    assert_recorded(bot, "dato vår ultimo april bekreft", as_="kari")
    assert planned(bot, AGDER_2027, "regional-spring") == oslo(2027, 4, 30)


@pytest.mark.parametrize(
    ("text", "contains"),
    [
        ("dato vår i går i morgen", "to datoer"),
        ("dato vår 1. mars 3. mars", "to datoer"),
        ("dato vår 1. mars 3. mars bekreft", "to datoer"),
        ("dato vår mandag 22. april", "er en torsdag, ikke en mandag. Skriv én dato, f.eks. «dato vår 22. april»"),
        ("dato vår blah 12", "forstod ikke datoen"),
        ("dato vår 31. april", "31. april finnes ikke."),  # issue 18: a day its month lacks is named
        ("dato vår 30. februar bekreft", "30. februar finnes ikke."),
    ],
)
def test_not_one_date_is_refused(bot: BotDriver, text: str, contains: str) -> None:
    reply = assert_refused(bot, text, as_="kari", contains=contains)
    # says what to type instead: a day (for two days typed, one of them, never an unrelated one: walk 17 F-a)
    assert re.search(r"«dato vår \d", reply.text), reply.text
    assert len(reply.text) < 160  # one or two short sentences


def test_a_pasted_wall_of_text_is_not_echoed(bot: BotDriver) -> None:
    reply = assert_refused(bot, "dato vår " + "x" * 3000, as_="kari", contains="forstod ikke datoen")
    assert len(reply.text) < 300


def test_a_plausible_date_is_saved_at_once(bot: BotDriver) -> None:
    reply = assert_recorded(bot, "dato høst fredag om en uke kl 10", as_="kari")
    assert "fredag 4. desember 2026 kl. 10.00" in reply.text
    assert planned(bot, "cycle/agder/2026", "regional-autumn") == oslo(2026, 12, 4, 10)


PHRASES = [
    "1. mars", "17. mai", "i april", "i går i morgen", "blah 12", "lørdag", "julaften", "uke 53",
    "om to uker", "2027", "bekreft", "mandag 22. april", "31.4", "i morgen kl 10", "ultimo mars",
]  # fmt: skip


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(phrase=st.sampled_from(PHRASES), shift=st.integers(min_value=-200, max_value=400))
def test_only_dato_satt_changes_the_store(phrase: str, shift: int) -> None:
    bot = make_bot(at=oslo(2026, 11, 23, 9))
    bot.clock.set(oslo(2026, 11, 23, 9) + timedelta(days=shift))
    before = bot.snapshot()
    reply = bot.say(f"dato vår {phrase}", as_="kari")
    if reply.title.startswith("Dato satt"):
        assert bot.snapshot() != before
    else:
        assert bot.snapshot() == before, (phrase, shift, reply.text)


@pytest.mark.parametrize(
    ("as_", "word", "needle"),
    [
        ("kari", "bekreft", "«bekreft» skrives til slutt"),
        ("per", "stadfest", "«stadfest» skriv du til slutt"),
        ("per", "Stadfest!", "«dato vår 22. april stadfest»"),
    ],
)
def test_the_confirm_word_alone_says_where_it_goes(bot: BotDriver, as_: str, word: str, needle: str) -> None:
    """`stadfest` alone is the same answer to a question as `bekreft` alone (issue 18)."""
    before = bot.snapshot()
    reply = bot.say(word, as_=as_)
    assert bot.snapshot() == before and not reply.ok
    assert needle in reply.text, reply.text
