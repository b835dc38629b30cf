"""walk 36: a year typed into the terminal, each finding as the person met it (both written forms)."""

from __future__ import annotations

import io

import pytest

from tests.driver import make_bot, oslo
from tests.walk14a_steps import AUTUMN, PERSON

LATE = {"nb": "Sendt for sent", "nn": "Sendt for seint"}


def _chat(bot: object, *, person: str, channel: str, lines: list[str]) -> str:
    from adapters.terminal import run_chat

    out = io.StringIO()
    run_chat(bot.core, user_id=person, channel_id=channel, lines=lines, out=out)  # type: ignore[attr-defined]
    return out.getvalue()


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_the_chats_preview_never_calls_a_follow_up_point_late(lang: str) -> None:
    """F1: a point overdue since a day no pass ran is previewed at the chat's start without «Sendt for sent»,
    every start; a real pass still says it was late."""
    from bot.reminders.passes import plan_digests

    person, region = PERSON[lang]
    bot = make_bot(at=oslo(2026, 11, 19, 15))
    minutes = f"referat {AUTUMN[lang]} Godt møte. oppfølging: Utkast @{region} innen 20. november bekreft"
    assert bot.say(minutes, as_=person, channel=region).ok
    bot.set_time(2026, 12, 11, 10)
    passed = [d for d in plan_digests(core=bot.core, at=bot.clock.now()) if d.to.channel_id == region]
    assert any(LATE[lang] in d.reply.text for d in passed)  # the pass that would post it: late, and says so
    for _start in range(2):
        shown = _chat(bot, person=person, channel=region, lines=[])
        assert "Utkast" in shown and LATE[lang] not in shown, shown


@pytest.mark.parametrize(
    ("lang", "asked", "spring", "autumn"),
    [
        ("nb", "Hvilket dialogmøte gjelder det?", "«dato vår 12. mai»", "«dato høst 12. mai»"),
        ("nn", "Kva dialogmøte gjeld det?", "«dato vår 12. mai»", "«dato haust 12. mai»"),
    ],
)
def test_dialogmote_alone_names_both_meetings_in_the_terminal(lang: str, asked: str, spring: str, autumn: str) -> None:
    """F2: «dato dialogmøte 12. mai» asks which and names both commands, not the autumn one as «f.eks.» (a
    terminal shows no buttons); typed back, the spring one is dated; the question changed nothing."""
    person, region = PERSON[lang]
    bot = make_bot(at=oslo(2028, 2, 1, 9))
    before = bot.snapshot()
    shown = _chat(bot, person=person, channel=region, lines=["dato dialogmøte 12. mai"])
    assert asked in shown and spring in shown and autumn in shown, shown
    assert bot.snapshot() == before
    dated = bot.say(spring.strip("«»"), as_=person, channel=region)
    assert dated.ok and "12. mai 2028" in dated.text, dated.text


@pytest.mark.parametrize(
    ("lang", "button"),
    [
        ("nb", "[Registrer likevel: skriv «referat høst Godt møte bekreft»]"),
        ("nn", "skriv «referat haust Godt møte stadfest»]"),
    ],
)
def test_the_terminal_prints_a_refusals_button_as_its_command(lang: str, button: str) -> None:
    """F3: README's own example, «referat høst Godt møte» before the national autumn meeting, asks with a
    «Registrer likevel» button; the terminal prints it as the command to type, once, and records nothing."""
    person, region = PERSON[lang]
    bot = make_bot(at=oslo(2026, 11, 23, 9))
    before = bot.snapshot()
    shown = _chat(bot, person=person, channel=region, lines=[f"referat {AUTUMN[lang]} Godt møte"])
    assert shown.count(button) == 1, shown
    assert bot.snapshot() == before


@pytest.mark.parametrize(
    ("lang", "question", "pointed"),
    [
        ("nb", "hva må vi gjøre før jul?", "Jeg forstår kommandoer, ikke spørsmål. Prøv «neste»"),
        ("nb", "Hva må vi gjøre nå?", "Jeg forstår kommandoer, ikke spørsmål. Prøv «neste»"),
        ("nn", "kva må vi gjere før jul?", "Eg forstår kommandoar, ikkje spørsmål. Prøv «neste»"),
    ],
)
def test_what_must_we_do_is_pointed_to_neste(lang: str, question: str, pointed: str) -> None:
    """F4: «hva må vi gjøre før jul?» is a plain question and points to `neste`, not «Jeg kjenner ikke kommandoen
    «hva»» with every command; `hjelp` with the same words points the same way."""
    person, region = PERSON[lang]
    bot = make_bot(at=oslo(2026, 12, 2, 9))
    reply = bot.say(question, as_=person, channel=region)
    assert reply.text.startswith(pointed) and "forlat" not in reply.text, reply.text
    helped = bot.say("hjelp " + question, as_=person, channel=region)
    assert "«hjelp neste»" in helped.text and "forlat" not in helped.text, helped.text


@pytest.mark.parametrize(("lang", "mark"), [("nb", "(for aktørene)"), ("nn", "(for aktørane)")])
def test_help_does_not_mark_a_coordinators_own_commands_for_the_actors(lang: str, mark: str) -> None:
    """F5: `hjelp oppdrag` showed «oppdrag IN sendt» «(for aktørene)», the one command only the county's
    coordinator runs; `kalender IN` and `hvem IN` too. Typed as shown, the coordinator's example records."""
    person, region = PERSON[lang]
    bot = make_bot(at=oslo(2027, 1, 20, 9))
    for topic in ("oppdrag", "kalender", "hvem"):
        text = bot.say(f"hjelp {topic}", as_=person, channel=region).text
        assert mark not in text, text
    assert mark in bot.say("hjelp signer", as_=person, channel=region).text  # an actor's signature stays marked
    example = "oppdrag IN sendt"
    assert f"«{example}»" in bot.say("hjelp oppdrag", as_=person, channel=region).text
    assert bot.say(example, as_=person, channel=region).ok


@pytest.mark.parametrize(
    ("lang", "late", "asked", "changed", "confirm"),
    [
        (
            "nb",
            "Registrert med dagen i dag, 2. februar 2027 (etter fristen 31. januar 2027)",
            "registrert som sendt 2. februar 2027",
            "endret til 28. januar 2027 (var 2. februar 2027)",
            "bekreft",
        ),
        (
            "nn",
            "Registrert med dagen i dag, 2. februar 2027 (etter fristen 31. januar 2027)",
            "registrert som send 2. februar 2027",
            "endra til 28. januar 2027 (var 2. februar 2027)",
            "stadfest",
        ),
    ],
)
def test_an_assignment_sent_late_says_its_day_and_takes_the_real_day_afterwards(
    lang: str, late: str, asked: str, changed: str, confirm: str
) -> None:
    """F6: `oppdrag NFR sendt` on 2 February says it recorded today, after the deadline; the day typed afterwards
    was «Allerede registrert» and dropped: now it is asked, and with `bekreft` it is the day it was sent."""
    person, region = PERSON[lang]
    bot = make_bot(at=oslo(2027, 2, 2, 9))
    first = bot.say("oppdrag NFR sendt", as_=person, channel=region)
    assert first.ok and late in first.text, first.text
    before = bot.snapshot()
    question = bot.say("oppdrag NFR sendt 28. januar", as_=person, channel=region)
    assert not question.ok and asked in question.text, question.text
    assert [b.command for b in question.buttons] == [f"oppdrag NFR sendt 28. januar {confirm}"], question.buttons
    assert bot.snapshot() == before
    done = bot.say(question.buttons[0].command, as_=person, channel=region)
    assert done.ok and changed in done.text, done.text
    again = bot.say(f"oppdrag NFR sendt 28. januar {confirm}", as_=person, channel=region)
    assert again.ok and changed not in again.text, again.text  # the same day again: already so
    log = bot.say("logg", as_=person, channel=region).text
    assert "28. januar 2027 (var 2. februar 2027)" in log, log


@pytest.mark.parametrize(("lang", "example"), [("nb", "«neste uke»"), ("nn", "«neste veke»")])
def test_hjelp_neste_shows_neste_uke(lang: str, example: str) -> None:
    """F11: README and the bot take `neste uke`; `hjelp neste` now shows it, and typed as shown it answers."""
    person, region = PERSON[lang]
    bot = make_bot(at=oslo(2026, 12, 10, 9))
    assert example in bot.say("hjelp neste", as_=person, channel=region).text
    assert "15. desember 2026" in bot.say(example.strip("«»"), as_=person, channel=region).text


def test_the_page_hint_after_neste_uke_is_in_the_readers_form() -> None:
    """F11: «neste uke» typed in Vestland's channel pointed on with «neste uke side 2»; the reader's form is
    «neste veke side 2», and typed back it is page 2."""
    bot = make_bot(at=oslo(2026, 11, 23, 9))
    first = bot.say("neste uke", as_="per", channel="vestland")
    assert "«neste veke side 2»" in first.text and "uke" not in first.text, first.text
    second = bot.say("neste veke side 2", as_="per", channel="vestland")
    assert second.ok and second.text != first.text and "6–" in second.text, second.text


@pytest.mark.parametrize(("lang", "title"), [("nb", "Logg – nasjonalt"), ("nn", "Logg – nasjonalt")])
def test_logg_nasjonal_from_a_regions_channel_is_the_national_log(lang: str, title: str) -> None:
    """`logg nasjonal` typed in a region's channel was «Jeg forstod ikke «nasjonal»», though `status nasjonal`
    and `årshjul nasjonal` take the word; it is the national log, and its page hint keeps the word."""
    person, region = PERSON[lang]
    bot = make_bot(at=oslo(2026, 10, 5, 9))
    for day in range(1, 12):  # eleven changes: two pages
        bot.set_time(2026, 10, 5, 9, day)
        bot.say(f"dato høstmøte 2026 {day + 1}. november kl 10 bekreft", as_="aud", channel="nasjonal")
    reply = bot.say("logg nasjonal", as_=person, channel=region)
    assert reply.ok and reply.text.startswith(title) and "«logg nasjonal side 2»" in reply.text, reply.text
    assert bot.say("logg nasjonal side 2", as_=person, channel=region).text.startswith(title)


@pytest.mark.parametrize(("lang", "other"), [("nb", "vestland"), ("nn", "agder")])
def test_another_regions_neste_lists_no_points_of_the_askers_own_meetings(lang: str, other: str) -> None:
    """F7: Per's `neste agder` (Vestland's coordinator) listed Vestland's own points under «Neste for Agder
    fylkeskommune»; another region's list carries only the asker's points from that region's meetings."""
    person, region = PERSON[lang]
    bot = make_bot(at=oslo(2026, 11, 19, 15))
    minutes = f"referat {AUTUMN[lang]} Godt møte. oppfølging: Eigen rapport @{region} innen 10. desember bekreft"
    assert bot.say(minutes, as_=person, channel=region).ok
    own = bot.say("neste", as_=person, channel=region).text
    assert "Eigen rapport" in own, own
    elsewhere = bot.say(f"neste {other}", as_=person, channel=region).text
    assert "Eigen rapport" not in elsewhere, elsewhere
