"""Reading commands: neste, status, oversikt, årshjul, logg, hjelp and unknown words. Anyone may read."""

from __future__ import annotations

import pytest

from bot.messages import Visibility
from tests.driver import BotDriver, make_bot, oslo, record_all_preconditions
from tests.helpers import assert_refused


def titles(reply) -> list[str]:
    return [section.title for section in reply.sections if section.title]


# --- neste -------------------------------------------------------------------------------------------


def test_neste_in_a_region_channel(bot: BotDriver) -> None:
    reply = bot.say("neste", as_="kari")
    assert reply.ok and reply.visibility == Visibility.PRIVATE
    assert reply.title == "Neste for Agder fylkeskommune"
    assert "Administrativt dialogmøte høst 2026" in titles(reply)
    assert "Fylkeskommunens budsjett vedtatt (avtale 2027)" in titles(reply)
    assert not any("Tildelingsbrev" in title and "RFF" in title for title in titles(reply))


def test_neste_in_an_actor_channel(bot: BotDriver) -> None:
    reply = bot.say("neste", as_="ola")
    assert reply.ok and reply.title == "Neste for Innovasjon Norge"
    assert "Tildelingsbrev mottatt – Innovasjon Norge (avtale 2027)" in titles(reply)
    assert not any("– SIVA" in title for title in titles(reply))


def test_neste_in_the_national_channel(bot: BotDriver) -> None:
    reply = bot.say("neste", as_="aud")
    assert reply.ok and reply.title == "Neste for hele landet"
    assert "Nasjonalt temamøte høst (høstmøtet) 2026" in titles(reply)
    assert not any("dialogmøte" in title for title in titles(reply))


@pytest.mark.parametrize(
    ("person", "title"),
    [
        ("kari", "Neste for Agder fylkeskommune"),
        ("ola", "Neste for Innovasjon Norge"),
        ("ukjent", "Neste for hele landet"),
    ],
)
def test_neste_in_an_unbound_channel_follows_the_caller(bot: BotDriver, person: str, title: str) -> None:
    reply = bot.say("neste", as_=person, channel="ingen-kanal")
    assert reply.ok and reply.title == title
    assert "koble" in reply.text  # the unbound channel is pointed out


def test_neste_names_a_region_or_actor_explicitly(bot: BotDriver) -> None:
    assert bot.say("neste vestland", as_="aud").title == "Neste for Vestland fylkeskommune"
    assert bot.say("neste Møre og Romsdal", as_="aud").title == "Neste for Møre og Romsdal fylkeskommune"
    assert bot.say("neste SIVA", as_="aud").title == "Neste for Siva"


def test_neste_lists_overdue_items_first() -> None:
    bot = make_bot(at=oslo(2027, 2, 10, 9))
    reply = bot.say("neste", as_="kari")
    assert reply.ok and "på overtid" in reply.text
    shown = titles(reply)
    # First what Agder can do now (its own overdue items first), then the rest (overdue first again).
    assert shown[0] == "Du kan gjøre nå for Agder fylkeskommune"
    mine = shown[1 : shown.index("Ellers")]
    overdue = [title for title in mine if title.startswith("⚠")]
    assert overdue, reply.text
    assert mine[: len(overdue)] == overdue, "overdue items come before the upcoming ones"
    assert "⚠ Administrativt dialogmøte høst 2026" in overdue
    rest = shown[shown.index("Ellers") + 1 :]
    # Agder's own overdue signing first (walk 2, K); AU's autumn meeting of 2026, an earlier cycle's item that
    # is not Agder's to do, is named in one line with its year, as the others from earlier cycles (walk 4, m3).
    # Its text not registered, the signing is Agder's own step (walk 16 F2): first of its own, not of «Ellers».
    assert mine[0].startswith("⚠ Signering av samarbeidsavtalen 2027")
    assert not any(title.startswith("⚠ Nasjonalt temamøte høst") for title in rest)
    assert "Ikke fullført fra tidligere sykluser: Høstmøtet (nasjonalt) 2026" in reply.text
    assert "10 på overtid" in reply.text and "Viser 6 av 7 andre åpne" in reply.text


def test_neste_offers_the_signing_button_for_the_callers_own_party_when_ready() -> None:
    bot = make_bot(at=oslo(2027, 1, 12, 9))
    before = bot.say("neste", as_="kari")
    assert not any(button.command.startswith("signer") for button in before.buttons)
    record_all_preconditions(bot, year=2027)
    reply = bot.say("neste", as_="kari")
    assert [b.command for b in reply.buttons if b.command.startswith("signer")] == ["signer for agder 2027 versjon 1"]
    actor = bot.say("neste", as_="ola")
    commands = [b.command for b in actor.buttons]
    assert "signer IN agder 2027 versjon 1" in commands
    assert all(command.startswith("signer IN ") for command in commands)
    # Clicking runs the command as the person who clicked.
    assert bot.say(commands[0], as_="ola").ok
    after = bot.say("neste", as_="ola")
    assert "signer IN agder 2027 versjon 1" not in [b.command for b in after.buttons]


def test_neste_when_everything_is_done_says_so() -> None:
    bot = make_bot(at=oslo(2027, 12, 30, 9))
    reply = bot.say("neste nordland", as_="aud")
    assert reply.ok
    assert reply.title == "Neste for Nordland fylkeskommune"


# --- status, oversikt, årshjul -------------------------------------------------------------------------


def test_status_of_the_channels_region(bot: BotDriver) -> None:
    reply = bot.say("status", as_="kari")
    # The calendar year's cycle all year; the next agreement's open items in their own section below.
    assert reply.ok and reply.title == "Status Agder fylkeskommune – syklus 2026"
    assert "Planperiode: 2024–2027" in reply.text
    assert "Forberedelse av avtalen 2027" in reply.text
    assert "Politisk behandling av utkast til samarbeidsavtale 2027" in reply.text
    reply = bot.say("status 2027", as_="kari")
    assert reply.ok and reply.title == "Status Agder fylkeskommune – syklus 2027"
    assert (
        "Mangler signatur: Agder, Innovasjon Norge, Siva, Norges forskningsråd, Regionale forskningsfond" in reply.text
    )
    assert "Venter på:" in reply.text


def test_status_names_region_and_year(bot: BotDriver) -> None:
    reply = bot.say("status vestland 2028", as_="ola")
    assert reply.ok and reply.title == "Status Vestland fylkeskommune – syklus 2028"


def test_status_refusals(bot: BotDriver) -> None:
    # In the national channel `status` is AU's national view (walk 4, M1); in an actor's channel it asks.
    assert_refused(bot, "status", as_="ola", contains="Hvilken region")
    assert bot.say("status", as_="aud").title.startswith("Oversikt")
    assert_refused(bot, "status agder 2027 tull", as_="kari", contains="tull")


def test_status_after_signing_shows_who_signed() -> None:
    bot = make_bot(at=oslo(2027, 1, 12, 9))
    record_all_preconditions(bot, year=2027)
    bot.say("signer", as_="kari")
    reply = bot.say("status agder 2027", as_="aud")
    assert "Agder (Kari Nordmann, 12. januar 2027)" in reply.text
    assert "Mangler signatur: Innovasjon Norge, Siva, Norges forskningsråd, Regionale forskningsfond" in reply.text
    # The region's channel speaks for every party, but `status` answers one person: only the button their click
    # would keep (walk 6 F14). AU's member there is refused for all four; IN's member gets IN's alone. AU's
    # channel speaks for none of them, so it carries no button its members would be refused (walk 5, N5).
    in_region = bot.say("status agder 2027", as_="aud", channel="agder")
    assert not [b for b in in_region.buttons if b.command.startswith("signer")]
    for person, party in (("ola", "IN"), ("rita", "RFF")):
        mine = bot.say("status agder 2027", as_=person, channel="agder")
        assert [b.command for b in mine.buttons if b.command.startswith("signer")] == [
            f"signer {party} agder 2027 versjon 1"
        ]
        assert bot.say(mine.buttons[0].command, as_=person, channel="agder").ok
    assert not [b for b in reply.buttons if b.command.startswith("signer")]


def test_oversikt_every_region_against_every_milestone(bot: BotDriver) -> None:
    reply = bot.say("oversikt 2027", as_="aud")
    assert reply.ok and reply.title == "Oversikt – syklus 2027"
    assert titles(reply)[0] == "Nasjonalt"
    assert len(titles(reply)) == 16
    assert "0 av 15 regioner har signert" in reply.text
    assert_refused(bot, "oversikt tull", as_="aud")


def test_oversikt_counts_a_completed_agreement() -> None:
    bot = make_bot(at=oslo(2027, 1, 12, 9))
    record_all_preconditions(bot, year=2027)
    for person in ("kari", "ola", "siri", "nils", "rita"):
        bot.say("signer agder 2027", as_=person)
    reply = bot.say("oversikt 2027", as_="aud")
    assert "1 av 15 regioner har signert avtalen 2027" in reply.text
    agder = next(section for section in reply.sections if section.title == "Agder")
    assert dict((fact.label, fact.value) for fact in agder.facts)["Signering"] == "✓ 12.01"


@pytest.mark.parametrize("word", ["årshjul", "arshjul", "aarshjul", "ÅRSHJUL", "Årshjul"])
def test_arshjul_spellings(bot: BotDriver, word: str) -> None:
    reply = bot.say(f"{word} 2027", as_="aud")
    assert reply.ok and reply.title == "Årshjulet 2027"


def test_arshjul_defaults_to_this_year_and_refuses_junk(bot: BotDriver) -> None:
    assert bot.say("årshjul").title == "Årshjulet 2026"
    assert_refused(bot, "årshjul snart", contains="snart")


# --- logg, hjelp, unknown words ------------------------------------------------------------------------


def test_logg_shows_the_latest_change_first(bot: BotDriver) -> None:
    assert "Ingen endringer" in bot.say("logg").text
    bot.say("dato vår 22. april kl 10", as_="kari")
    bot.say("forutsetning budsjett", as_="kari")
    reply = bot.say("logg", as_="kari")
    assert reply.ok and reply.title == "Logg – Agder fylkeskommune"
    entries = [section.text for section in reply.sections if section.title]
    assert entries[0].startswith("Kari Nordmann (terminal): Registrerte: Fylkeskommunens budsjett")
    assert entries[1].startswith("Kari Nordmann (terminal): Satte dato")
    assert bot.say("logg agder", as_="aud").sections == reply.sections


def test_logg_national_and_the_limit(bot: BotDriver) -> None:
    bot.say("forutsetning statsbudsjett", as_="aud")
    for month in range(1, 13):  # twelve changes in the same minute: the newest ten are shown
        bot.say("koble region agder", as_="admin", channel=f"kanal-{month}")
    reply = bot.say("logg", as_="aud")
    assert reply.title == "Logg – nasjonalt"
    assert "De siste 10 av 13 endringer" in reply.text
    assert "kanal-12" in reply.text and "kanal-1 " not in reply.text
    assert_refused(bot, "logg tull", as_="aud")


def test_hjelp_lists_every_command(bot: BotDriver) -> None:
    reply = bot.say("hjelp")
    assert reply.ok
    for name in ("neste", "status", "oversikt", "årshjul", "dato", "referat", "forutsetning", "signer", "oppdrag"):
        assert name in reply.text
    assert bot.say("").title == reply.title  # an empty command is help
    assert bot.say("/samhandling").title == reply.title


@pytest.mark.parametrize(
    ("text", "name"), [("hjelp dato", "dato"), ("hjelp arshjul", "årshjul"), ("HJELP Signer", "signer")]
)
def test_hjelp_for_one_command(bot: BotDriver, text: str, name: str) -> None:
    reply = bot.say(text)
    assert reply.ok and reply.title == f"Hjelp: {name}"
    assert "Eksempel" in reply.text


@pytest.mark.parametrize(
    ("word", "meant"), [("nest", "neste"), ("sigener", "signer"), ("statsu", "status"), ("refrat", "referat")]
)
def test_unknown_command_gets_mente_du(bot: BotDriver, word: str, meant: str) -> None:
    reply = assert_refused(bot, f"{word} agder", contains=f"Mente du «{meant}»")
    assert reply.title == "Ukjent kommando"


def test_unknown_command_without_a_near_miss(bot: BotDriver) -> None:
    reply = assert_refused(bot, "xyzzy", contains="Kommandoene er")
    assert "Mente du" not in reply.text


@pytest.mark.parametrize("text", ["NESTE", "Neste", "/samhandling neste", "samhandling Neste", "  neste  "])
def test_command_words_ignore_case_and_prefix(bot: BotDriver, text: str) -> None:
    assert bot.say(text).title == "Neste for Agder fylkeskommune"


@pytest.mark.parametrize("text", ["neste", "status agder", "oversikt", "årshjul", "logg", "hjelp", "neste SIVA"])
def test_anyone_may_read_and_reading_changes_nothing(bot: BotDriver, text: str) -> None:
    before = bot.snapshot()
    reply = bot.say(text, as_="ukjent-person", channel="ukjent-kanal", platform="slack")
    assert reply.ok, reply.text
    assert bot.snapshot() == before


def test_referat_vis_reads_the_minutes_whole_and_says_when_there_are_none() -> None:
    """Issue 18: long minutes are cut on Slack; `referat vis` shows them whole, and `status` points there."""
    bot = make_bot(at=oslo(2027, 1, 12, 9, 0))
    none = bot.say("referat vis høst agder 2026", as_="kari")
    assert not none.ok and "ikke registrert noe referat" in none.text
    long_text = " ".join(f"Punkt {i}: drøftet havbruk og kompetanse." for i in range(80))
    assert bot.say(f"referat høst agder 2026 {long_text} vedtak: Felles søknad bekreft", as_="kari").ok
    whole = bot.say("referat vis høst agder", as_="kari")
    assert whole.ok and long_text in whole.text and "Felles søknad" in whole.text
    (fact,) = [f for s in bot.say("status agder 2026", as_="kari").sections for f in s.facts if f.label == "Referat"]
    assert fact.more == "referat vis høst agder 2026"


def test_reading_the_whole_minutes_is_a_read_for_anyone_in_their_own_written_form() -> None:
    """`referat vis` is declared a read form of `referat` (`Command.read_forms`): an unregistered person who
    follows «Se hele» from `status` gets the text, and a reader gets their own written form, not the channel's."""
    bot = make_bot(at=oslo(2027, 1, 12, 9, 0))
    long_text = " ".join(f"Punkt {i}: drøftet havbruk og kompetanse." for i in range(80))
    assert bot.say(f"referat høst agder 2026 {long_text} bekreft", as_="kari").ok
    status = bot.say("status agder 2026", as_="ukjent-person", channel="ukjent-kanal", platform="slack")
    (fact,) = [f for s in status.sections for f in s.facts if f.label == "Referat"]
    before = bot.snapshot()
    whole = bot.say(fact.more, as_="ukjent-person", channel="ukjent-kanal", platform="slack")
    assert whole.ok and long_text in whole.text, whole.text
    assert bot.snapshot() == before
    assert (
        bot.say("referat høst agder 2026 Nytt", as_="ukjent-person", channel="ukjent-kanal", platform="slack").ok
        is False
    )
    assert bot.say("målform nn", as_="per").ok
    assert "ikkje registrert noko referat" in bot.say("referat vis vår agder 2026", as_="per").text


def test_help_for_referat_says_anyone_may_read_the_whole_minutes() -> None:
    bot = make_bot(at=oslo(2027, 1, 12, 9, 0))
    text = bot.say("hjelp referat", as_="ukjent-person", channel="ukjent-kanal", platform="slack").text
    assert "De som er registrert hos meg" in text and "«referat vis …» kan alle bruke" in text, text
    assert "kan alle bruke:" not in bot.say("hjelp neste", as_="kari").text
