"""Walk 43: people meeting the bot for the first time type questions, half-remembered commands and `hjelp`;
each answer says what to type next, in their written form."""

from __future__ import annotations

import pytest

from tests.driver import BotDriver, make_bot, oslo
from tests.helpers import assert_refused


@pytest.fixture
def june() -> BotDriver:
    return make_bot(at=oslo(2027, 6, 10, 9, 0))


@pytest.mark.parametrize("question", ["har vi signert?", "har alle signert", "er avtalen underskrevet?"])
def test_a_question_whether_signed_points_to_status_not_to_signing(june: BotDriver, question: str) -> None:
    reply = june.say(question)
    assert "«status»" in reply.text and "«signer»" not in reply.text, reply.text


def test_how_to_sign_still_points_to_signer(june: BotDriver) -> None:
    assert "«signer»" in june.say("hvordan signerer jeg?").text


@pytest.mark.parametrize("question", ["hvordan blir jeg med?", "korleis får eg tilgang?", "kan jeg bli medlem?"])
def test_a_newcomer_asking_how_to_get_in_is_pointed_to_bli_med(june: BotDriver, question: str) -> None:
    reply = june.say(question, as_="lise", channel="siva")
    assert "«bli med»" in reply.text and "koble" not in reply.text, reply.text


def test_a_question_naming_no_command_points_to_hjelp_and_neste(june: BotDriver) -> None:
    reply = june.say("hvordan virker dette?")
    assert "«hjelp»" in reply.text and "«neste»" in reply.text and "Kommandoene er" not in reply.text


def test_a_misspelt_command_is_still_guessed(june: BotDriver) -> None:
    assert "Mente du «status»" in june.say("sttaus").text


def test_nynorsk_pointer_is_nynorsk(june: BotDriver) -> None:
    june.say("målform nn", as_="per", channel="vestland")
    reply = june.say("kva gjer eg no?", as_="per", channel="vestland")
    assert "«neste»" in reply.text and "gjev døme" in reply.text and " gir " not in reply.text, reply.text
    reply = june.say("korleis verkar dette?", as_="per", channel="vestland")
    assert reply.text.startswith("Eg forstår kommandoar") and "ventar no" in reply.text, reply.text


def test_hjelp_lists_what_this_person_may_run_and_names_the_rest(june: BotDriver) -> None:
    kari = june.say("hjelp")
    titles = " ".join(section.title for section in kari.sections)
    assert "«neste" in titles and "«signer" in titles and "«koble" not in titles and "«person" not in titles
    assert kari.context is not None and kari.context.endswith("ikke for deg: koble, person"), kari.context
    admin = june.say("hjelp", as_="admin")
    assert "«koble" in " ".join(section.title for section in admin.sections) and "ikke for deg" not in admin.text


def test_hjelp_for_a_newcomer_says_how_to_get_in_with_this_channels_party(june: BotDriver) -> None:
    reply = june.say("hjelp", as_="lise", channel="siva")
    titles = " ".join(section.title for section in reply.sections)
    assert reply.text.count("«bli med SIVA»") == 1 and "«signer" not in titles and "«neste" in titles
    assert "signer" in (reply.context or "")
    nynorsk = june.say("hjelp", as_="lise", channel="vestland").text  # a nynorsk county's channel
    assert "Du er ikkje registrert hos meg enno" in nynorsk and "«bli med vestland»" in nynorsk, nynorsk


def test_a_newcomer_choosing_nynorsk_is_told_how_to_join_and_nothing_is_stored(june: BotDriver) -> None:
    reply = assert_refused(june, "målform nn", as_="lise", channel="siva", contains="«bli med SIVA»")
    assert "«person" not in reply.text, reply.text


def test_an_unknown_word_lists_only_the_commands_this_person_may_run(june: BotDriver) -> None:
    assert "koble" not in june.say("sttaus").text
    assert "koble" in june.say("sttaus", as_="admin").text


def test_hvem_asked_in_prose_gives_the_example_for_the_party_named(june: BotDriver) -> None:
    reply = june.say("hvem er kontaktperson i Siva?")
    assert not reply.ok and "«hvem SIVA»" in reply.text, reply.text
    assert "Siri Dahl" in june.say("hvem SIVA").text


def test_hvem_asked_about_signatures_points_to_status(june: BotDriver) -> None:
    reply = june.say("hvem har signert avtalen?")
    assert "«status»" in reply.text and "«signer»" not in reply.text, reply.text
    june.say("målform nn", as_="per", channel="vestland")
    nynorsk = june.say("kven har signert avtalen?", as_="per", channel="vestland").text
    assert nynorsk.startswith("«kven» viser kven") and "«status»" in nynorsk, nynorsk


@pytest.mark.parametrize("hello", ["hei", "Hei!", "god morgen", "hallo"])
def test_a_greeting_is_answered_with_what_to_type_first(june: BotDriver, hello: str) -> None:
    reply = june.say(hello, as_="ola", channel="in")
    assert "«neste»" in reply.text and "«hjelp»" in reply.text and "Kommandoene er" not in reply.text, reply.text


def test_a_greeting_in_nynorsk(june: BotDriver) -> None:
    june.say("målform nn", as_="per", channel="vestland")
    assert "ventar no" in june.say("hei", as_="per", channel="vestland").text


@pytest.mark.parametrize("typed", ["bli med i Agder", "bli med for agder", "bli med som rådgiver i Agder"])
def test_bli_med_reads_the_party_past_the_words_around_it(june: BotDriver, typed: str) -> None:
    reply = june.say(typed, as_="lise", channel="in")
    assert reply.ok and "Agder" in reply.text, reply.text
    assert june.say("bli med trekk", as_="lise", channel="in").ok


def test_bli_med_as_coordinator_says_how_that_role_is_given(june: BotDriver) -> None:
    reply = assert_refused(
        june, "bli med som koordinator for agder", as_="lise", channel="in", contains="«bli med agder»"
    )
    assert "Ukjent part" not in reply.text, reply.text


def test_bli_medlem_gets_the_example_of_this_channels_party(june: BotDriver) -> None:
    assert "«bli med SIVA»" in june.say("bli medlem", as_="lise", channel="siva").text


@pytest.mark.parametrize("question", ["når må vi signere?", "Når skal avtalen signeres", "when do we sign?"])
def test_a_when_question_points_to_neste_first_never_only_to_a_command_that_records(
    june: BotDriver, question: str
) -> None:
    assert june.say(question).text.startswith("Jeg forstår kommandoer, ikke spørsmål. Prøv «neste»")


@pytest.mark.parametrize("typed", ["hjelp meg!", "help me", "hjelp oss"])
def test_hjelp_meg_is_the_whole_help(june: BotDriver, typed: str) -> None:
    reply = june.say(typed)
    titles = " ".join(section.title for section in reply.sections)
    assert reply.ok and "Jeg kjenner ikke" not in reply.text and "«neste" in titles


def test_hjelp_about_an_unknown_word_lists_only_this_persons_commands(june: BotDriver) -> None:
    assert "koble" not in june.say("hjelp tull").text


@pytest.mark.parametrize("typed", ["takk", "Tusen takk!", "takk skal du ha"])
def test_thanks_is_answered_kindly(june: BotDriver, typed: str) -> None:
    reply = june.say(typed)
    assert reply.text.startswith("Bare hyggelig!") and "opptak" not in reply.text, reply.text


def test_nynorsk_questions_of_where_and_when(june: BotDriver) -> None:
    june.say("målform nn", as_="per", channel="vestland")
    where = june.say("kvar finn eg statussida?", as_="per", channel="vestland").text
    assert "«status»" in where and "Meinte du" not in where, where
    when = june.say("kor tid er vårmøtet?", as_="per", channel="vestland").text
    assert "Prøv «neste»" in when, when


@pytest.mark.parametrize("typed", ["hvem er jeg?", "kven er eg"])
def test_who_am_i_answers_for_the_askers_own_party(june: BotDriver, typed: str) -> None:
    reply = june.say(typed, as_="per", channel="vestland")
    assert reply.ok and "Per Hansen" in reply.text and "Vestland" in reply.text, reply.text


@pytest.mark.parametrize("person", ["lise", "admin"])
def test_help_examples_are_quoted_for_everyone(june: BotDriver, person: str) -> None:
    """A newcomer's and an admin's examples were shown bare («Eksempel: dato vår 22. april kl 10»)."""
    reply = june.say("hjelp dato", as_=person, channel="agder")
    examples = [fact.value for section in reply.sections for fact in section.facts if fact.label == "Eksempel"]
    assert examples and all(value.startswith("«") and value.endswith("»") for value in examples), examples
