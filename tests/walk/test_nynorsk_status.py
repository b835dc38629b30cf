"""Issue 18, the year walk (F8, F15): a nynorsk `status` reads nynorsk in its notes (the «utanfor
rekkjefølgja» note, the optional items), and «Ingen dato satt ennå» is said only of what gets a date."""

from __future__ import annotations

from tests.driver import make_bot, oslo
from tests.helpers import assert_recorded, assert_refused


def test_the_out_of_order_note_reads_nynorsk_in_a_nynorsk_status_and_bokmal_in_a_bokmal_one() -> None:
    bot = make_bot(at=oslo(2026, 12, 3, 10))
    assert_recorded(bot, "referat politisk vestland 2027 Vedteke bekreft", as_="per")
    assert_recorded(bot, "referat politisk agder 2027 Vedtatt bekreft", as_="kari")
    bot.set_time(2027, 1, 6, 10)
    nynorsk = bot.say("status", as_="per").text
    assert (
        "Merknad: Registrert utanfor rekkjefølgja i modellen: Politisk handsaming av utkast til samarbeidsavtale "
        "2027 kjem etter Administrativt dialogmøte haust 2026, som ikkje er registrert enno." in nynorsk
    ), nynorsk
    bokmal = bot.say("status", as_="kari").text
    assert "kommer etter Administrativt dialogmøte høst 2026, som ikke er registrert ennå." in bokmal, bokmal
    # The history keeps the bokmål note, as it keeps every summary.
    [doc] = [d for d in bot.tables("cycle/vestland/2027")["milestones"].values() if d.get("outside_order")]
    assert "som ikke er registrert ennå" in doc["outside_order"]


def test_a_nynorsk_signature_outside_january_is_noted_in_nynorsk() -> None:
    from tests.driver import record_all_preconditions

    bot = make_bot(at=oslo(2027, 1, 4, 9))
    record_all_preconditions(bot, year=2027, region="vestland")
    bot.set_time(2027, 2, 3, 9)
    assert_recorded(bot, "signer 2027 stadfest", as_="per")
    status = bot.say("status 2027", as_="per").text
    assert "Merknad: Registrert utanfor rekkjefølgja i modellen: Vestland: Fristen for å signere" in status, status
    signature = bot.core.state.signatures(region="vestland", year=2027)["vestland"]
    assert signature["outside_order_nn"] == "Fristen for å signere avtalen 2027 var 31. januar 2027."


def test_the_optional_items_are_named_in_a_word_both_forms_share() -> None:
    bot = make_bot(at=oslo(2027, 1, 6, 10))
    refused = assert_refused(bot, "ikkje aktuelt signering", as_="per", contains="Valfrie punkt: oppdrag.")
    assert "oppdragsavtaler" not in refused.text


def test_no_date_is_asked_of_an_action_plan_or_the_assignment_agreements() -> None:
    bot = make_bot(at=oslo(2027, 1, 6, 10))
    status = bot.say("status", as_="kari").text
    sections = status.split("\n\n")
    plan = next(s for s in sections if "Årlig handlingsplan vedtatt 2027" in s)
    assignments = next(s for s in sections if "Oppdragsavtaler sendt" in s)
    spring = next(s for s in sections if "Regionalt dialogmøte vår 2027" in s)
    assert "Ingen dato satt ennå" not in plan and "Ingen dato satt ennå" not in assignments
    assert "Ingen dato satt ennå" in spring


def test_the_out_of_order_note_in_a_nynorsk_logg_reads_nynorsk() -> None:
    bot = make_bot(at=oslo(2026, 12, 3, 10))
    assert_recorded(bot, "referat politisk vestland 2027 Vedteke bekreft", as_="per")
    log = bot.say("logg", as_="per").text
    assert "kjem etter Administrativt dialogmøte haust 2026, som ikkje er registrert enno" in log, log
    assert "kommer etter" not in log
