"""Walk 33 F3: a party that signed before the bot was adopted (on paper in January; the bot's store begins
15 February 2027) records its signature with the day it was signed: `signer agder 2027 signert 21. januar`.
The signature keeps when it was recorded (the history entry's own time: the chain still verifies) and carries
its day to the reply, the receipt, `status` and the agreement's completion; the model's window and deadline are
weighed at that day, so a January signature is not «utenfor modellens rekkefølge». A day ahead, or one before
a later version of the text was registered, is refused. Both written forms (Vestland reads nynorsk)."""

from __future__ import annotations

import pytest

from tests.driver import make_bot, oslo, record_all_preconditions, register_text
from tests.helpers import assert_recorded, assert_refused

SIGNERS = (("agder", "kari", "21. januar"), ("IN", "ola", "22.01.2027"), ("SIVA", "siri", "25. januar"))


def adopted(region: str = "agder"):  # type: ignore[no-untyped-def]
    bot = make_bot(at=oslo(2027, 2, 15, 9, 30))
    record_all_preconditions(bot, year=2027, region=region)
    return bot


def test_a_signature_given_in_january_is_recorded_with_its_day_everywhere() -> None:
    bot = adopted()
    reply = assert_recorded(bot, "signer agder 2027 signert 21. januar", as_="kari")
    assert "Ført som signert 21. januar 2027." in reply.text, reply.text
    assert "Teksten ble registrert her 15. februar 2027, etter 21. januar 2027" in reply.text, reply.text
    for party, person, day in SIGNERS[1:]:
        assert_recorded(bot, f"signer {party} agder 2027 signert {day}", as_=person)
    for party, person in (("NFR", "nils"), ("RFF", "rita")):
        assert_recorded(bot, f"signer {party} agder 2027 signert 28. januar", as_=person)
    signature = bot.tables("cycle/agder/2027")["signatures"]["agder"]
    assert signature["signed_on"] == "2027-01-21" and signature["at"].startswith("2027-02-15T09:30")
    assert "outside_order" not in signature  # signed in January: inside the model's window
    receipt = bot.say("kvittering agder 2027", as_="kari").text
    assert "Kari Nordmann, 21.01.2027 (registrert 15.02.2027 kl. 09.30)" in receipt, receipt
    assert "Kjeden: i orden" in receipt and "utenfor modellens rekkefølge" not in receipt, receipt
    status = bot.say("status agder 2027", as_="kari").text
    assert (
        "Agder (Kari Nordmann, 21. januar 2027)" in status and "Innovasjon Norge (Ola Berg, 22. januar 2027)" in status
    ), status
    assert "Ferdig" in status and "28. januar 2027" in status, status
    assert "Fristen for å signere avtalen 2027 var 31. januar 2027" not in status, status
    assert all(report.ok for report in bot.core.state.verify_all())


def test_in_nynorsk_and_the_refusals() -> None:
    bot = adopted("vestland")
    reply = assert_recorded(bot, "signer vestland 2027 signert 21. januar", as_="per")
    assert "Ført som signert 21. januar 2027." in reply.text and "Teksten vart registrert her" in reply.text
    assert_refused(bot, "signer IN vestland 2027 signert 1. mars 2027", as_="ola", contains="har ikke kommet ennå")
    assert_refused(bot, "signer IN vestland 2027 signert blåbær", as_="ola", contains="forstod ikke dagen")
    # the example keeps what was typed before «signert», the region and year included
    assert_refused(
        bot,
        "signer IN vestland 2027 signert 40. januar",
        as_="ola",
        contains="«signer IN vestland 2027 signert 21. januar»",
    )
    bot.set_time(2027, 2, 20, 10)
    register_text(bot, year=2027, region="vestland", version=2)  # a new text: signatures before it were on v1
    refused = bot.say("signer vestland 2027 signert 18. februar", as_="per")
    assert not refused.ok and "Versjon 2 av avtaleteksten vart registrert 20. februar 2027" in refused.text
    late = assert_recorded(bot, "signer vestland 2027 signert 20. februar stadfest", as_="per")  # after 31 January
    assert "Ført som signert 20. februar 2027." in late.text and "Teksten vart" not in late.text, late.text


@pytest.mark.parametrize("typed", ["signer agder 2027", "signer agder 2027 bekreft"])
def test_without_a_day_the_signature_is_todays_as_before(typed: str) -> None:
    bot = adopted()
    reply = bot.say(typed, as_="kari")
    if reply.ok:
        assert "Ført som signert" not in reply.text
        assert "signed_on" not in bot.tables("cycle/agder/2027")["signatures"]["agder"]
    else:
        assert "bekreft" in reply.text  # after the deadline, asked as before


def test_the_history_names_the_day_and_keeps_when_it_was_recorded() -> None:
    bot = adopted()
    assert_recorded(bot, "signer agder 2027 signert 21. januar", as_="kari")
    log = bot.say("logg agder 2027", as_="kari").text
    assert "signert 21. januar 2027" in log, log
    (entry,) = [e for e in bot.core.state.history("cycle/agder/2027") if e.get("action") == "sign"]
    assert entry["at"].startswith("2027-02-15T09:30"), entry["at"]


def test_signing_again_names_the_day_given_and_when_it_was_recorded() -> None:
    bot = adopted("vestland")
    assert_recorded(bot, "signer vestland 2027 signert 21. januar", as_="per")
    again = bot.say("signer vestland 2027", as_="per")
    assert (
        "signerte avtalen 2027 for Vestland fylkeskommune 21. januar 2027 (registrert 15. februar 2027 kl. 09.30"
        in (again.text)
    ), again.text
