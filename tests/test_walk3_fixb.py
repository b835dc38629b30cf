"""The third year walk's findings on dates, years and cycles (/tmp/walk3 #5, #7, #13, #14, #18), driven as a
person would (tests/driver.py): a day or a year that cannot be meant is asked about, never moved silently."""

from __future__ import annotations

import pytest

from tests.driver import make_bot, oslo

PEOPLE = {"nb": "kari", "nn": "per"}


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_29_february_in_a_year_without_it_is_no_date_and_changes_nothing(lang: str) -> None:
    """#14: in January 2027 «29. februar» was saved as 29 February 2028, the spring meeting of the next cycle."""
    bot = make_bot(at=oslo(2027, 1, 12, 9))
    before = bot.snapshot()
    for typed in ("dato vår 29. februar", "dato vår 29.2"):
        reply = bot.say(typed, as_=PEOPLE[lang])
        assert not reply.ok, reply.text
        assert "2028" not in reply.text
        # issue 18: said as what it is, not as an unread date
        assert ("29. februar finnes ikke i 2027" if lang == "nb" else "29. februar finst ikkje i 2027") in reply.text
    assert bot.snapshot() == before


def test_29_february_in_a_leap_year_is_read_as_before() -> None:
    bot = make_bot(at=oslo(2028, 1, 12, 9))
    reply = bot.say("dato vår 29. februar", as_="kari")
    assert reply.ok, reply.text
    assert "29. februar 2028" in reply.text


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_a_budget_for_a_far_agreement_is_asked_about_first(lang: str) -> None:
    """#13: `forutsetning budsjett 2029` in January 2027 was recorded without a question."""
    bot = make_bot(at=oslo(2027, 1, 12, 9))
    person = PEOPLE[lang]
    before = bot.snapshot()
    reply = bot.say("forutsetning budsjett 2029", as_=person)
    assert not reply.ok, reply.text
    assert ("tidligst" if lang == "nb" else "tidlegast") in reply.text and "1. oktober 2028" in reply.text
    assert bot.snapshot() == before
    national = bot.say("forutsetning statsbudsjett 2029", as_="aud")
    assert not national.ok and "1. oktober 2028" in national.text
    assert bot.snapshot() == before
    confirm = "bekreft" if lang == "nb" else "stadfest"
    assert bot.say(f"forutsetning budsjett 2029 {confirm}", as_=person).ok
    assert bot.say("forutsetning budsjett 2027", as_=person).ok  # the agreement being signed: as before


def test_next_years_budget_in_may_is_asked_about_and_in_december_is_not() -> None:
    bot = make_bot(at=oslo(2027, 5, 3, 9))
    assert not bot.say("forutsetning budsjett 2028", as_="kari").ok
    bot.clock.set(oslo(2027, 12, 10, 9))
    assert bot.say("forutsetning budsjett 2028", as_="kari").ok


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_minutes_without_a_year_name_this_springs_meeting_not_next_years(lang: str) -> None:
    """#7: `referat vis vår` in April 2027 said there were no minutes for the spring meeting 2028."""
    bot = make_bot(at=oslo(2027, 4, 9, 9))
    reply = bot.say("referat vis vår", as_=PEOPLE[lang])
    assert "vår 2027" in reply.text and "2028" not in reply.text
    national = bot.say("referat vis vårmøte", as_="aud")
    assert "2027" in national.text and "2028" not in national.text
    autumn = bot.say("referat vis høst", as_=PEOPLE[lang])
    assert "2026" in autumn.text and "2027" not in autumn.text


def test_a_date_typed_for_a_cycle_before_the_bot_is_asked_about() -> None:
    """#5: «dato politisk 2026 24. desember» in November 2026 offered a one-click save into cycle 2026."""
    bot = make_bot(at=oslo(2026, 11, 12, 11))
    before = bot.snapshot()
    reply = bot.say("dato politisk 2026 24. desember", as_="kari")
    assert not reply.ok
    assert "samarbeidsavtale 2026" in reply.text and "før boten tok over" in reply.text
    assert "2025-12-24 bekreft" not in reply.text
    assert bot.snapshot() == before


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_after_christmas_is_a_day_not_a_week_number(lang: str) -> None:
    """#18: «etter jul» was explained as «ingen dag skrevet, så mandagen i uke 1 er valgt»."""
    bot = make_bot(at=oslo(2027, 1, 13, 9))
    reply = bot.say("dato vår etter jul", as_=PEOPLE[lang])
    assert "4. januar 2027" in reply.text
    assert "uke 1" not in reply.text and "veke 1" not in reply.text
