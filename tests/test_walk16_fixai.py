"""walk 16 (fixai): what a newcomer meets in a monthly rhythm, each finding as a person meets it."""

from __future__ import annotations

import re

import pytest

from tests.driver import make_bot, oslo, record_all_preconditions, text_command
from tests.walk14a_steps import AUTUMN, PERSON

OTHERS = {"nb": "andre åpne", "nn": "andre opne"}
NOT_THERE = {"nb": "Side 9 finnes ikke", "nn": "Side 9 finst ikkje"}


def _titles(text: str) -> list[str]:
    return re.findall(r"^• (.+)$", text, flags=re.MULTILINE)


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_neste_side_2_shows_the_other_open_items_and_a_page_past_the_end_says_so(lang: str) -> None:
    """F4: «Viser 5 av 10 andre åpne» names the page that holds the rest; that page lists them, none twice."""
    person, channel = PERSON[lang]
    bot = make_bot(at=oslo(2026, 11, 23, 9))
    first = bot.say("neste", as_=person, channel=channel)
    shown, total = (int(n) for n in re.search(rf"Viser (\d+) av (\d+) {OTHERS[lang]}", first.text).groups())
    assert shown < total and "«neste side 2»" in first.text, first.text
    assert "neste side 2" in [button.command for button in first.buttons]
    second = bot.say("neste side 2", as_=person, channel=channel)
    rest = _titles(second.text)
    assert len(rest) == total - shown and not set(rest) & set(_titles(first.text)), second.text
    assert f"{shown + 1}–{total} av {total}" in second.text
    before = bot.snapshot()
    past = bot.say("neste side 9", as_=person, channel=channel)
    assert NOT_THERE[lang] in past.text and _titles(past.text) == rest, past.text
    assert bot.snapshot() == before


SIGNERS = {"ola": "in", "siri": "siva", "nils": "nfr", "rita": "rff"}
ASKED = {"nb": "Disse venter på din signatur: Agder 2027, Vestland 2027.", "nn": "Desse ventar på signaturen din"}


@pytest.mark.parametrize("person", sorted(SIGNERS))
def test_a_bare_signer_in_an_actors_channel_signs_the_one_agreement_that_waits_for_it(person: str) -> None:
    """F1: «Hver part signerer med «signer»» is typed as told in the actor's own channel (no region in it)."""
    bot = make_bot(at=oslo(2027, 1, 5, 9))
    record_all_preconditions(bot, year=2027)
    done = bot.say("signer", as_=person, channel=SIGNERS[person])
    assert done.ok and "med Agder fylkeskommune" in done.text, done.text
    party = bot.core.config.party_short(next(iter(bot.core.state.signatures(region="agder", year=2027))))
    assert party.lower() == SIGNERS[person]


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_a_bare_signer_with_several_waiting_asks_with_a_button_each(lang: str) -> None:
    bot = make_bot(at=oslo(2027, 1, 5, 9))
    assert bot.say(f"målform {lang}", as_="ola", channel="in").ok
    record_all_preconditions(bot, year=2027)
    record_all_preconditions(bot, year=2027, region="vestland")
    before = bot.snapshot()
    asked = bot.say("signer", as_="ola", channel="in")
    assert not asked.ok and ASKED[lang] in asked.text, asked.text
    assert bot.snapshot() == before
    commands = [button.command for button in asked.buttons]
    assert commands == ["signer IN agder 2027 versjon 1", "signer IN vestland 2027 versjon 1"]
    assert bot.say(commands[1], as_="ola", channel="in").ok
    assert "IN" in bot.core.state.signatures(region="vestland", year=2027)
    assert not bot.core.state.signatures(region="agder", year=2027)


def test_a_bare_signer_with_nothing_waiting_says_so() -> None:
    """Walk 21 A2 changed this: with nothing waiting, «Hvilken regions avtale?» sent the adviser to guess
    regions one by one; now it says nothing waits, and where to read what the agreements wait on."""
    bot = make_bot(at=oslo(2027, 1, 5, 9))
    asked = bot.say("signer", as_="ola", channel="in")
    assert not asked.ok and "Hvilken regions avtale" not in asked.text and not asked.buttons
    assert "Ingen avtale venter på signaturen til Innovasjon Norge nå" in asked.text, asked.text


OWN = {"nb": ("Du kan gjøre nå", "Ellers"), "nn": ("Du kan gjere no", "Elles")}
TEXT_ASKED = {"nb": "«avtale <lenke>»", "nn": "«avtale <lenkje>»"}


def _own_part(text: str, lang: str) -> str:
    own, others = OWN[lang]
    return text.split(others + ":")[0] if own in text else ""


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_the_agreement_text_is_the_coordinators_own_step_from_the_drafts_month(lang: str) -> None:
    """F2: from December (the draft is treated politically before January's signing, model §3.2) the
    coordinator's `neste` lists the signing, with «avtale <lenke>», as its own; registered, it leaves."""
    person, region = PERSON[lang]
    bot = make_bot(at=oslo(2026, 11, 23, 9))
    assert "Signering av samarbeidsavtalen" not in _own_part(bot.say("neste", as_=person, channel=region).text, lang)
    bot.set_time(2026, 12, 2, 9)
    own = _own_part(bot.say("neste", as_=person, channel=region).text, lang)
    assert "Signering av samarbeidsavtalen 2027" in own and TEXT_ASKED[lang] in own, own
    assert "Signering av samarbeidsavtalen" not in _own_part(bot.say("neste", as_="ola", channel="in").text, "nb")
    assert bot.say(text_command(year=2027, region=region), as_=person, channel=region).ok
    own = _own_part(bot.say("neste", as_=person, channel=region).text, lang)
    assert "Signering av samarbeidsavtalen" not in own, own


@pytest.mark.parametrize("lang", ["nb", "nn"])
@pytest.mark.parametrize(
    "name", ["dialogmøte {autumn}", "Dialogmøte {autumn}", "dialogmøtet {autumn}", "administrativt dialogmøte {autumn}"]
)
def test_the_meeting_name_the_bot_prints_is_read_as_the_meeting(lang: str, name: str) -> None:
    """F3: the label reminders and `oversikt` print («Dialogmøte høst»), and its definite form, name the meeting."""
    person, region = PERSON[lang]
    bot = make_bot(at=oslo(2026, 10, 5, 10))
    typed = bot.say(f"dato {name.format(autumn=AUTUMN[lang])} 19. november bekreft", as_=person, channel=region)
    plain = make_bot(at=oslo(2026, 10, 5, 10)).say(
        f"dato {AUTUMN[lang]} 19. november bekreft", as_=person, channel=region
    )
    assert typed.ok and typed.text == plain.text, typed.text


@pytest.mark.parametrize("lang", ["nb", "nn"])
@pytest.mark.parametrize("word", ["dialogmøte", "dialogmøtet"])
def test_a_meeting_word_two_meetings_share_asks_which_with_a_button_each(lang: str, word: str) -> None:
    person, region = PERSON[lang]
    bot = make_bot(at=oslo(2026, 10, 5, 10))
    before = bot.snapshot()
    for command, rest in (("dato", "19. november"), ("referat", "Godt møte")):
        asked = bot.say(f"{command} {word} {rest}", as_=person, channel=region)
        assert not asked.ok and "dialogmøte " in asked.text, asked.text
        # minutes in October go only to the autumn meeting: «referat vår Godt møte» is refused, «Vinduet for
        # … er ikke åpent nå», so it is not offered (walk 37 F-E); a date may go to the coming spring
        offered = [f"{command} vår {rest}"] if command == "dato" else []
        assert [button.command for button in asked.buttons] == [*offered, f"{command} {AUTUMN[lang]} {rest}"]
    assert bot.snapshot() == before


def test_the_refusal_names_the_meetings_apart_from_the_other_dated_items() -> None:
    asked = make_bot(at=oslo(2026, 10, 5, 10)).say("dato møte 3. mai")
    assert "Møtene heter: vår, høst. Andre punkter: handlingsplan, politisk, oppdragsavtaler." in asked.text


QUESTIONS = {
    "hva skjer neste uke?": ["neste uke"],  # the words that answer it (walk 32 F9), not «neste» alone
    "når er dialogmøtet?": ["status", "dato", "referat"],
    "hvordan signerer jeg": ["signer"],
    "what is next": ["neste"],
    "when is the meeting": ["status", "dato", "referat"],
}


@pytest.mark.parametrize(("question", "commands"), sorted(QUESTIONS.items()))
def test_a_plain_question_gets_a_pointer_to_its_commands_not_the_whole_list(question: str, commands: list[str]) -> None:
    """F5: the words of a question name the commands it is about; the reply is one short line."""
    bot = make_bot(at=oslo(2026, 9, 7, 9))
    before = bot.snapshot()
    reply = bot.say(question)
    assert not reply.ok and "Kommandoene er" not in reply.text, reply.text
    assert all(f"«{command}»" in reply.text for command in commands) and len(reply.text) < 160, reply.text
    assert bot.snapshot() == before


def test_a_question_in_nynorsk_is_pointed_in_nynorsk() -> None:
    reply = make_bot(at=oslo(2026, 9, 7, 9)).say("kva skjer neste veke", as_="per", channel="vestland")
    assert "Eg forstår kommandoar" in reply.text and "«neste veke»" in reply.text, reply.text


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_help_on_an_unknown_word_gives_the_closest_topics_in_a_line(lang: str) -> None:
    person, region = PERSON[lang]
    reply = make_bot(at=oslo(2026, 9, 7, 9)).say("hjelp dialogmøte", as_=person, channel=region)
    assert "«hjelp dato»" in reply.text and "«hjelp referat»" in reply.text and len(reply.text.splitlines()) <= 3


def test_the_unknown_command_list_names_commands_of_two_words_whole() -> None:
    """F6: «ikke aktuelt» and «bli med», never «ikke» and «bli» alone."""
    bot = make_bot(at=oslo(2026, 9, 7, 9))
    listed = bot.say("tull").text
    assert "ikke aktuelt," in listed and "bli med," in listed and ", ikke," not in listed and ", bli," not in listed
    assert "ikkje aktuelt," in bot.say("tull", as_="per", channel="vestland").text


def test_the_nynorsk_help_writes_the_link_placeholder_in_nynorsk() -> None:
    """F7: «avtale <lenkje>», as every other nynorsk text writes it; typed back it is caught as a placeholder."""
    bot = make_bot(at=oslo(2026, 12, 10, 9))
    for text in (bot.say("hjelp", as_="per", channel="vestland").text, bot.say("hjelp avtale", as_="per").text):
        assert "«avtale <lenkje>»" in text and "<lenke>" not in text, text
    before = bot.snapshot()
    assert not bot.say("avtale <lenkje>", as_="per", channel="vestland").ok
    assert bot.snapshot() == before


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_the_terminals_reminder_preview_never_says_it_was_sent_late(lang: str) -> None:
    """F8: the chat's start shows what a pass would post; nothing was posted, so nothing was «sent late»."""
    import asyncio
    import io

    from adapters.terminal import run_chat
    from bot.reminders.passes import plan_digests, run_pass
    from tests.helpers import senders_for

    person, region = PERSON[lang]
    bot = make_bot(at=oslo(2026, 8, 3, 9))  # the bot ran in August: September's reminders are missed, not before it
    asyncio.run(run_pass(core=bot.core, senders=senders_for(bot)))  # (walk 33 F4)
    bot.set_time(2026, 10, 5, 9)
    late = {"nb": "Sendt for sent", "nn": "Sendt for seint"}[lang]
    passed = [d for d in plan_digests(core=bot.core, at=bot.clock.now()) if d.to.channel_id == region]
    assert passed and any(late in d.reply.text for d in passed)  # a pass would post it late: it says so
    out = io.StringIO()
    run_chat(bot.core, user_id=person, channel_id=region, lines=[], out=out)
    assert region.capitalize() in out.getvalue() and late not in out.getvalue(), out.getvalue()


@pytest.mark.parametrize(
    ("lang", "typed", "said"),
    [
        ("nb", "neste uke", "Neste uke (14.–20. desember 2026): "),
        ("nn", "neste veke", "Neste veke (14.–20. desember 2026): "),
    ],
)
def test_neste_uke_says_what_falls_due_next_week(lang: str, typed: str, said: str) -> None:
    """F9: «neste uke» names next week's deadlines and meetings first, never drops «uke» silently."""
    person, region = PERSON[lang]
    bot = make_bot(at=oslo(2026, 12, 10, 9))
    reply = bot.say(typed, as_=person, channel=region)
    assert said in reply.text and "15. desember 2026" in reply.text.split(said)[1].split("\n")[0], reply.text
    bot.set_time(2026, 10, 5, 9)
    quiet = bot.say(typed, as_=person, channel=region).text
    assert said.split(" (")[0] + " (12.–18. oktober 2026)" in quiet, quiet


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_the_december_reminders_ask_the_region_for_the_agreement_text(lang: str) -> None:
    """F2: the passes of December (the draft's month) ask the region for the text, before January's window."""
    from datetime import date

    from tests.test_model_timing import days_saying, posted, two_regions

    _person, region = PERSON[lang]
    bot = two_regions(at=oslo(2026, 11, 1, 9))
    posts = posted(bot, region, start=date(2026, 11, 1), end=date(2027, 1, 15))
    asked = days_saying(posts, TEXT_ASKED[lang])
    assert asked and asked[0] < date(2027, 1, 1) and asked[0].month == 12, sorted(posts)
