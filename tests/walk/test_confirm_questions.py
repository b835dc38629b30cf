"""Issue 18, the year walk (F5, F6, F7): what asks for `bekreft`, what a refusal quotes, and which confirm
word a reply tells people to type (bokmål «bekreft», nynorsk «stadfest»; both are taken)."""

from __future__ import annotations

from bot.agreement.versions import versions
from tests.driver import make_bot, oslo, record_all_preconditions, text_command
from tests.helpers import assert_recorded, assert_refused


def test_a_new_text_that_voids_signatures_asks_first_and_names_whose() -> None:
    bot = make_bot(at=oslo(2027, 1, 4, 9))
    record_all_preconditions(bot, year=2027)
    for party, person, channel in (("agder", "kari", "agder"), ("IN", "ola", "in"), ("SIVA", "siri", "siva")):
        assert bot.say(f"signer {party} agder 2027", as_=person, channel=channel).ok
    bot.set_time(2027, 1, 5, 9)
    asked = assert_refused(
        bot,
        text_command(year=2027, version=2),
        as_="kari",
        contains=("3 signaturer ugyldige (Agder, IN, SIVA)", "«bekreft» til slutt"),
    )
    assert "versjon 1" in asked.text
    assert len(versions(bot.core.state, region="agder", year=2027)) == 1
    done = assert_recorded(bot, text_command(year=2027, version=2, confirm=True), as_="kari")
    assert "må signere på nytt: Agder, Innovasjon Norge, Siva" in done.text


def test_a_new_text_before_anyone_signed_asks_nothing() -> None:
    bot = make_bot(at=oslo(2027, 1, 4, 9))
    assert_recorded(bot, text_command(year=2027), as_="kari")
    assert_recorded(bot, text_command(year=2027, version=2), as_="kari")


def test_nynorsk_asks_with_stadfest_and_takes_it() -> None:
    bot = make_bot(at=oslo(2027, 1, 4, 9))
    record_all_preconditions(bot, year=2027, region="vestland")
    assert bot.say("signer 2027", as_="per").ok
    asked = assert_refused(
        bot,
        text_command(year=2027, region="vestland", version=2),
        as_="per",
        contains=("Dette gjer 1 signatur ugyldig (Vestland)", "«stadfest» til slutt"),
    )
    assert "bekreft" not in asked.text
    confirmed = text_command(year=2027, region="vestland", version=2) + " stadfest"
    assert_recorded(bot, confirmed, as_="per")


def test_minutes_before_the_planned_hour_name_the_hour_not_the_order_rule() -> None:
    bot = make_bot(at=oslo(2027, 1, 20, 9))
    assert bot.say("dato vårmøte 15. mars kl 10", as_="aud").ok
    bot.set_time(2027, 3, 15, 14)
    assert bot.say("referat vår Godt vårmøte", as_="aud", channel="nasjonal").ok
    bot.set_time(2027, 3, 16, 9)
    assert bot.say("dato vår 22. april kl 10", as_="kari").ok
    bot.set_time(2027, 4, 22, 9)
    early = assert_refused(bot, "referat vår Godt møte", as_="kari", contains="kl. 10.00, som ikke er kommet ennå")
    assert "Modellen" not in early.text and "§3.1" not in early.text


def test_a_missing_earlier_meeting_still_quotes_the_model() -> None:
    bot = make_bot(at=oslo(2027, 4, 23, 9))
    assert bot.say("dato vår 22. april bekreft", as_="kari").ok
    missing = assert_refused(bot, "referat vår Godt møte", as_="kari", contains="Modellen: «")
    assert "som ikke er registrert ennå" in missing.text


def test_nynorsk_refusals_and_date_questions_say_stadfest() -> None:
    bot = make_bot(at=oslo(2026, 10, 1, 9))
    assert bot.say("dato haust 5. november kl 10", as_="per").ok
    early = assert_refused(bot, "referat haust Godt møte", as_="per", contains="«stadfest» til slutt")
    assert "«bekreft»" not in early.text
    asked = bot.say("dato vår 2. påskedag", as_="per")
    assert asked.ok is not True or "stadfest" in asked.text
    assert "bekreft" not in asked.text, asked.text
