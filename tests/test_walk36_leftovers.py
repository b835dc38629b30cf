"""walk 36's leftovers (fixbc), each as the person met it in both written forms: F8 the terminal's minutes
form, F9 actors named in prose, F14 an announcement to another channel printed in the terminal."""

from __future__ import annotations

import re

import pytest

from tests.driver import make_bot, oslo
from tests.test_walk36_terminal_year import _chat
from tests.walk14a_steps import AUTUMN, PERSON


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_the_terminals_minutes_form_offers_only_the_one_line_way(lang: str) -> None:
    """F8: the terminal has no form to fill in; Slack and Teams still get the form and its lead."""
    person, region = PERSON[lang]
    bot = make_bot(at=oslo(2026, 11, 23, 9))
    shown = _chat(bot, person=person, channel=region, lines=[f"referat {AUTUMN[lang]} bekreft"])
    assert "skjema" not in shown.lower(), shown
    assert ("Skriv referatet på én linje" if lang == "nb" else "Skriv referatet på éi linje") in shown, shown
    assert f"referat {AUTUMN[lang]}" in shown
    slack = {"nb": ("U0KARI", "C0AGDER"), "nn": ("U0PER", "C0VESTLAND")}[lang]
    reply = bot.say(f"referat {AUTUMN[lang]} bekreft", as_=slack[0], channel=slack[1], platform="slack")
    assert reply.form is not None, reply.text
    assert "Fyll inn skjemaet" in reply.text, reply.text


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_prose_names_the_actors_and_codes_stay_in_commands(lang: str) -> None:
    """F9: «Tildelingsbrev mottatt – Innovasjon Norge», «Mangler signatur: Agder, Innovasjon Norge, Siva, …»,
    never the codes one types («IN», «SIVA») in a sentence beside «Ansvarlig: Innovasjon Norge»."""
    person, region = PERSON[lang]
    bot = make_bot(at=oslo(2027, 1, 5, 9))
    assert bot.say("forutsetning statsbudsjett 2027", as_="aud", channel="nasjonal").ok
    recorded = bot.say("forutsetning tildelingsbrev 2027", as_="ola")
    assert recorded.ok and "Tildelingsbrev mottatt – Innovasjon Norge (avtale 2027)" in recorded.title
    status = bot.say(f"status {region} 2027", as_=person, channel=region).text
    received = "motteke" if lang == "nn" else "mottatt"
    nfr, rff = (
        ("Noregs forskingsråd", "Regionale forskingsfond")
        if lang == "nn"
        else ("Norges forskningsråd", "Regionale forskningsfond")
    )
    assert f"Tildelingsbrev {received} – Siva, {nfr} og {rff}" in status, status
    missing = "Manglar signatur" if lang == "nn" else "Mangler signatur"
    shown = region.capitalize()
    assert f"{missing}: {shown}, Innovasjon Norge, Siva, {nfr}, {rff}" in status
    assert " IN," not in status and "SIVA" not in status, status


def test_the_terminal_prints_an_announcements_text_under_its_title() -> None:
    """F14: AU moves høstmøtet after the regions' dated meetings; the terminal shows what each region is told
    («… kommer nå før det, men skal følge det i modellen»), in its written form, not the title alone."""
    bot = make_bot(at=oslo(2026, 9, 1, 9))
    assert bot.say("dato høstmøte 12. oktober kl 10", as_="aud", channel="nasjonal").ok
    assert bot.say("dato høst 9. november kl 10", as_="kari", channel="agder").ok
    assert bot.say("dato haust 10. november kl 10", as_="per", channel="vestland").ok
    shown = _chat(bot, person="aud", channel="nasjonal", lines=["dato høstmøte 20. november kl 10 bekreft"])
    agder = shown.split("[til #agder] ", 1)[1].split("\n[til #", 1)[0]
    vestland = shown.split("[til #vestland] ", 1)[1].split("\n[til #", 1)[0]
    assert "\n  " in agder and "kommer nå før det, men skal følge det i modellen" in agder, shown
    assert "kjem no før det, men skal følgje det i modellen" in vestland, shown


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_neste_names_an_earlier_meeting_once_with_its_points(lang: str) -> None:
    """Walk 35 #8: «Dialogmøte høst 2026 (oppfølgingspunkt A), Dialogmøte høst 2026 (oppfølgingspunkt B), …»
    named the meeting once per point; now once, its points after it."""
    person, region = PERSON[lang]
    bot = make_bot(at=oslo(2026, 11, 19, 15))
    within = "innan" if lang == "nn" else "innen"
    points = f"Utkast @IN {within} 20. november; Notat @SIVA {within} 25. november"
    assert bot.say(f"referat {AUTUMN[lang]} Godt møte. oppfølging: {points} bekreft", as_=person, channel=region).ok
    bot.set_time(2027, 9, 2, 9)
    text = bot.say("neste", as_=person, channel=region).text
    lead, listed = text.split("\n")[1], text.split("[Ferdig")[0]
    meeting = f"Dialogmøte {AUTUMN[lang]} 2026"
    # The merged rule (walk 37 F-F): points the asker's list shows with their «Ferdig» are not named in the lead
    # at all; where the lead does name an earlier meeting, it is once, its points after it (this fix).
    assert lead.count(meeting) <= 1, lead
    for point in re.findall(r"\[([A-Z0-9]{4})\]", listed):
        assert listed.count(point) == 1 and lead.count(point) == 0, text


@pytest.mark.parametrize(
    ("person", "region", "question", "answer"),
    [
        ("kari", "agder", "hva skjer neste uke?", "Skriv «neste uke»"),
        ("per", "vestland", "kva skjer neste veke?", "Skriv «neste veke»"),
    ],
)
def test_a_question_about_next_week_is_pointed_to_neste_uke(
    person: str, region: str, question: str, answer: str
) -> None:
    """Walk 32 #9 (confirmed on main): «hva skjer neste uke?» names «neste uke», not «neste» alone."""
    bot = make_bot(at=oslo(2027, 2, 1, 9))
    assert answer in bot.say(question, as_=person, channel=region).text
