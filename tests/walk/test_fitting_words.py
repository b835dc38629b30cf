"""Issue 18, the year walk (F15): examples fit the reader (their meeting, their party and region, their
written form), a doubled confirm word is said, an admin hears why there is nothing to sign, and a
year-late agreement is not «not yet» signable."""

from __future__ import annotations

from tests.driver import make_bot, oslo
from tests.helpers import assert_refused


def test_a_date_example_fits_the_meeting_and_the_written_form() -> None:
    bot = make_bot(at=oslo(2026, 9, 14, 10))
    # 22 November 2026 is a Sunday: the example is the working day after it (walk 8 N5).
    nynorsk = assert_refused(bot, "dato høst blabla", as_="per", contains="«dato haust 23. november kl 10»")
    assert "april" not in nynorsk.text and "høst" not in nynorsk.text.replace("«dato høst blabla»", "")
    assert_refused(bot, "dato høst", as_="kari", contains="«dato høst 23. november kl 10»")
    assert_refused(bot, "dato vår", as_="kari", contains="«dato vår 22. april kl 10»")


def test_a_sign_example_fits_the_readers_party_and_region() -> None:
    bot = make_bot(at=oslo(2027, 1, 5, 10))
    own = assert_refused(bot, "signer 2027 2028", as_="per", contains="«signer 2027»")
    assert "IN agder" not in own.text
    actor = assert_refused(bot, "signer 2027 2028", as_="nils", channel="nfr", contains="«signer NFR")
    assert "IN" not in actor.text


def test_an_admin_hears_that_they_sign_for_no_party() -> None:
    bot = make_bot(at=oslo(2027, 1, 5, 10))
    refused = assert_refused(bot, "signer agder", as_="admin", channel="nasjonal", contains="ikke registrert for noen")
    assert "signer IN agder" not in refused.text


def test_a_doubled_confirm_word_is_said_not_read_as_the_date() -> None:
    bot = make_bot(at=oslo(2027, 3, 1, 10))
    assert_refused(bot, "dato vår 22/4 kl 10 bekreft bekreft", as_="kari", contains="«bekreft» står to ganger")
    assert_refused(bot, "dato vår 22/4 kl 10 stadfest stadfest", as_="per", contains="«stadfest» står to gonger")


def test_a_year_late_agreement_is_not_said_to_be_signable_later() -> None:
    bot = make_bot(at=oslo(2028, 1, 10, 10))
    late = assert_refused(bot, "signer 2027", as_="per", contains="vart ikkje signert innan fristen 31. januar 2027")
    assert "enno" not in late.text.split(":")[0]
    assert_refused(bot, "signer 2027", as_="kari", contains="ble ikke signert innen fristen 31. januar 2027")
    bot.set_time(2027, 1, 10, 10)
    assert_refused(bot, "signer 2027", as_="kari", contains="kan ikke signeres ennå")
