"""Assignment agreements (issue 18): the answer is never guessed, «ikke aktuelt» and a sent agreement do not
overwrite each other quietly, and `status` says which actors are done."""

from __future__ import annotations

from tests.driver import make_bot, oslo
from tests.helpers import assert_recorded, assert_refused

AGDER_2027 = "cycle/agder/2027"


def test_oppdrag_without_sendt_or_ingen_asks_which() -> None:
    bot = make_bot(at=oslo(2027, 1, 12, 9))
    asked = assert_refused(bot, "oppdrag RFF", as_="kari", contains="«oppdrag RFF sendt» eller «oppdrag RFF ingen»")
    assert "Regionale forskningsfond" in asked.text
    assert_recorded(bot, "oppdrag RFF ingen bekreft", as_="kari")  # «bekreft» is not refused


def test_ikke_aktuelt_is_refused_after_one_was_sent() -> None:
    bot = make_bot(at=oslo(2027, 1, 12, 9))
    assert_recorded(bot, "oppdrag IN sendt", as_="kari")
    refused = assert_refused(bot, "ikke aktuelt oppdrag", as_="kari", contains="er aktuelt i år")
    assert "sendt til Innovasjon Norge" in refused.text


def test_a_later_ingen_keeps_ikke_aktuelt_and_a_sent_one_lifts_it_and_says_so() -> None:
    bot = make_bot(at=oslo(2027, 1, 12, 9))
    assert_recorded(bot, "ikke aktuelt oppdrag", as_="kari")
    kept = assert_recorded(bot, "oppdrag SIVA ingen", as_="kari")
    assert "fortsatt markert som ikke aktuelt" in kept.text
    assert bot.tables(AGDER_2027)["milestones"]["assignments"]["not_relevant"] is True
    lifted = assert_recorded(bot, "oppdrag IN sendt", as_="kari")
    assert "er nå aktuelt igjen" in lifted.text
    assert "not_relevant" not in bot.tables(AGDER_2027)["milestones"]["assignments"]


def test_status_says_which_actors_are_done() -> None:
    bot = make_bot(at=oslo(2027, 1, 12, 9))
    assert_recorded(bot, "oppdrag IN sendt", as_="kari")
    assert_recorded(bot, "oppdrag SIVA ingen", as_="kari")
    status = bot.say("status", as_="kari").text
    assert "Aktørene: Sendt: IN · Ingen i år: SIVA · Ikke avklart: NFR, RFF" in status


def test_an_answer_for_a_cycle_before_the_bot_asks() -> None:
    bot = make_bot(at=oslo(2027, 1, 12, 9))
    assert_refused(bot, "oppdrag IN sendt 2026", as_="kari", contains="før boten tok over")
    assert_recorded(bot, "oppdrag IN sendt 2026 bekreft", as_="kari")
