"""Walk 21 A4: an allocation letter typed as received before the state budget it follows from was adopted is
asked about, not taken («10. desember er før Statsbudsjettet vedtatt (16. desember 2026) …»); `bekreft`
records it anyway, and a day on or after the budget's is taken as before. For every actor, both forms."""

from __future__ import annotations

import pytest

from tests.driver import make_bot, oslo

ACTORS = (("ola", "in"), ("siri", "siva"), ("nils", "nfr"), ("rita", "rff"))


@pytest.mark.parametrize("lang", ["nb", "nn"])
@pytest.mark.parametrize(("person", "channel"), ACTORS)
def test_a_letter_dated_before_the_budget_is_asked_about(lang: str, person: str, channel: str) -> None:
    bot = make_bot(at=oslo(2027, 1, 4, 10))
    if lang == "nn":
        assert bot.say("målform kanal nynorsk", as_="admin", channel=channel).ok
    assert bot.say("forutsetning statsbudsjett vedtatt 16. desember", as_="aud").ok
    before = bot.snapshot()
    asked = bot.say("forutsetning tildelingsbrev mottatt 10. desember", as_=person, channel=channel)
    assert not asked.ok and bot.snapshot() == before, asked.text
    assert "16. desember 2026" in asked.text and "10. desember 2026" in asked.text, asked.text
    assert ("stadfest" if lang == "nn" else "bekreft") in asked.text, asked.text
    confirmed = bot.say(
        "forutsetning tildelingsbrev mottatt 10. desember " + ("stadfest" if lang == "nn" else "bekreft"),
        as_=person,
        channel=channel,
    )
    assert confirmed.ok, confirmed.text
    assert "10. desember 2026" in bot.say("status agder", as_=person, channel=channel).text


def test_a_letter_on_or_after_the_budget_day_is_taken_at_once() -> None:
    bot = make_bot(at=oslo(2027, 1, 4, 10))
    assert bot.say("forutsetning statsbudsjett vedtatt 16. desember", as_="aud").ok
    assert bot.say("forutsetning tildelingsbrev mottatt 16. desember", as_="ola", channel="in").ok
    assert bot.say("forutsetning tildelingsbrev mottatt 18. desember", as_="siri", channel="siva").ok
    assert bot.say("forutsetning tildelingsbrev", as_="rita", channel="rff").ok  # no day typed: today


def test_a_changed_day_before_the_budget_is_asked_about_too() -> None:
    bot = make_bot(at=oslo(2027, 1, 4, 10))
    assert bot.say("forutsetning statsbudsjett vedtatt 16. desember", as_="aud").ok
    assert bot.say("forutsetning tildelingsbrev mottatt 18. desember", as_="ola", channel="in").ok
    before = bot.snapshot()
    asked = bot.say("forutsetning tildelingsbrev mottatt 10. desember", as_="ola", channel="in")
    assert not asked.ok and bot.snapshot() == before and "16. desember 2026" in asked.text, asked.text
