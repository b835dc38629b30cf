"""Nothing is lost (issue 18): a write that replaces a record asks first and names it, a write into a cycle
that predates the bot asks, a precondition waits for the one it follows from, minutes wait for the start."""

from __future__ import annotations

from tests.driver import BotDriver, make_bot, oslo
from tests.helpers import assert_recorded, assert_refused

AGDER_2026 = "cycle/agder/2026"


def _outcome(bot: BotDriver) -> dict:
    return bot.tables(AGDER_2026)["milestones"]["regional-autumn"]["outcome"]


def _autumn_2026_held(bot: BotDriver) -> None:
    assert_recorded(bot, "referat høst Høstmøtet holdt", as_="aud")  # the regional one follows it (§3.2)
    assert_recorded(
        bot, "referat høst Godt møte https://dok.fylke.no/r vedtak: A; B oppfølging: Utkast @IN; Rom @siva", as_="kari"
    )


def test_minutes_typed_a_year_later_ask_before_replacing_and_name_what_they_replace() -> None:
    bot = make_bot(at=oslo(2026, 11, 23, 9))
    _autumn_2026_held(bot)
    bot.set_time(2027, 11, 10, 9)
    asked = assert_refused(bot, "referat høst 2026 Feil år", as_="kari", contains="«bekreft»")
    assert "Dette erstatter referatet for Administrativt dialogmøte høst" in asked.text
    assert "2 vedtak, 2 oppfølgingspunkter" in asked.text and "«logg»" in asked.text
    assert _outcome(bot)["summary"].startswith("Godt møte")
    # The form asks first too, so nobody fills one in vain.
    assert_refused(bot, "referat høst 2026", as_="kari", contains="Dette erstatter")
    replaced = assert_recorded(bot, "referat høst 2026 Nytt sammendrag bekreft", as_="kari")
    assert "erstatter forrige referat" in replaced.text and "«logg»" in replaced.text
    assert _outcome(bot)["summary"] == "Nytt sammendrag"


def test_the_same_minutes_again_change_nothing() -> None:
    bot = make_bot(at=oslo(2026, 11, 23, 9))
    assert_recorded(bot, "referat høst Høstmøtet holdt", as_="aud")
    before = bot.snapshot()
    again = bot.say("referat høst 2026 Høstmøtet holdt", as_="aud")
    assert again.ok and again.title == "Allerede registrert" and bot.snapshot() == before


def test_a_write_into_a_cycle_signed_before_the_bot_took_over_asks() -> None:
    bot = make_bot(at=oslo(2027, 1, 12, 9))
    assert_recorded(bot, "forutsetning statsbudsjett 2026 bekreft", as_="aud")
    asked = assert_refused(bot, "forutsetning tildelingsbrev 2026", as_="ola", contains="før boten tok over")
    assert "«bekreft»" in asked.text and "Tildelingsbrev mottatt – Innovasjon Norge (avtale 2026)" in asked.text
    assert_recorded(bot, "forutsetning tildelingsbrev 2026 bekreft", as_="ola")
    # This year's cycle is written as before.
    assert_recorded(bot, "forutsetning statsbudsjett 2027", as_="aud")
    assert_recorded(bot, "forutsetning tildelingsbrev 2027", as_="ola")


def test_an_allocation_letter_waits_for_the_state_budget_it_follows_from() -> None:
    bot = make_bot(at=oslo(2026, 12, 10, 9))
    refused = assert_refused(bot, "forutsetning tildelingsbrev", as_="ola", contains="følger av Statsbudsjettet")
    # walk 6, F1: IN may not record the state budget, so it is told who does, not handed AU's command
    assert "AU registrerer det" in refused.text and "forutsetning statsbudsjett" not in refused.text
    assert_recorded(bot, "forutsetning statsbudsjett", as_="aud")
    assert_recorded(bot, "forutsetning tildelingsbrev", as_="ola")


def test_minutes_wait_for_the_planned_start_on_the_day() -> None:
    bot = make_bot(at=oslo(2026, 11, 2, 9))
    assert_recorded(bot, "referat høst Høstmøtet holdt", as_="aud")
    assert_recorded(bot, "dato høst 2026 23. november kl 10", as_="kari")
    bot.set_time(2026, 11, 23, 9, 50)
    early = assert_refused(bot, "referat høst Godt møte", as_="kari", contains="kl. 10.00, som ikke er kommet ennå")
    assert "«bekreft»" in early.text
    bot.set_time(2026, 11, 23, 10, 0)
    assert_recorded(bot, "referat høst Godt møte", as_="kari")


def test_a_changed_date_names_the_one_it_replaced_and_keeps_the_time_of_the_same_day() -> None:
    bot = make_bot(at=oslo(2026, 11, 23, 9))
    assert_recorded(bot, "dato høst 2026 2. desember kl 10", as_="kari")  # the meeting it follows, dated first
    assert_recorded(bot, "dato politisk 10.12 kl 10", as_="kari")
    same_day = bot.say("dato politisk 10.12", as_="kari")
    assert (
        same_day.ok and "10. desember 2026 kl. 10.00" in same_day.text and "Klokkeslettet er beholdt" in same_day.text
    )
    assert bot.tables("cycle/agder/2027")["milestones"]["draft-political"]["planned_has_time"]
    moved = assert_recorded(bot, "dato politisk 14.12 kl 12", as_="kari")
    assert "Erstatter torsdag 10. desember 2026 kl. 10.00" in moved.text and "«logg»" in moved.text
