"""Follow-up points whose owner is written without @ (issue 18's leftovers): a registered person's whole
name, or a party's name or short name in brackets or after «ansvar:», is read as the owner the way @ is; a
name that is unknown or names two people leaves the point without an owner, kept and said in the reply with
how to give one, never the whole minutes refused and never a guess (handlers/minutes_named_owners.py)."""

from __future__ import annotations

import pytest

from bot.model.config import parse_config
from tests.driver import BotDriver, make_bot, oslo
from tests.helpers import demo_text
from tests.walk15_steps import autumn_held

FORMS = {
    "nb": ("kari", "agder", "høst", "innen", "har ingen ansvarlig jeg kjenner", "ingen ansvarlig", "Oppfølging"),
    "nn": ("per", "vestland", "haust", "innan", "har ingen ansvarleg eg kjenner", "ingen ansvarleg", "Oppfølging"),
}


def _held(bot: BotDriver | None = None) -> BotDriver:
    bot = bot or autumn_held()
    bot.set_time(2026, 12, 7, 10)
    return bot


def _points(reply_text: str) -> list[str]:
    return [line.strip() for line in reply_text.splitlines() if line.strip().startswith("Administrativt dialogm")]


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_a_person_or_party_named_without_at_is_the_owner(lang: str) -> None:
    person, region, autumn, until, lacks, _nobody, heading = FORMS[lang]
    bot = _held()
    text = (
        f"referat {autumn} Godt møte holdt 3. desember. {heading}: notat til Kari Nordmann {until} 15. januar; "
        f"tall (IN); plan, ansvar: Siva {until} 20. januar; liste (Innovasjon Norge); rapport ansvarleg: NFR"
    )
    reply = bot.say(text, as_=person, channel=region)
    assert reply.ok and lacks not in reply.text, reply.text
    lines = _points(reply.text)
    assert any("notat (Kari Nordmann" in line and "15. januar 2027" in line for line in lines), lines
    assert any("tall (Innovasjon Norge)" in line for line in lines), lines
    assert any("plan (Siva" in line and "20. januar 2027" in line for line in lines), lines
    assert any("liste (Innovasjon Norge)" in line for line in lines), lines
    assert any(  # Norges forskningsråd, or in nynorsk Noregs forskingsråd (fixbf 5)
        "rapport (Norges forskningsråd" in line or "rapport (Noregs forskingsråd" in line for line in lines
    ), lines
    if lang == "nb":  # Kari's own point to close, in her own region's minutes
        assert "notat" in bot.say("ferdig", as_="kari", channel="agder").text


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_an_unknown_or_ambiguous_name_keeps_the_point_without_an_owner_and_says_so(lang: str) -> None:
    person, region, autumn, until, lacks, nobody, heading = FORMS[lang]
    bot = _held()
    text = (
        f"referat {autumn} Godt møte holdt 3. desember. {heading}: plan, ansvar: Petter Smart {until} 15. januar; "
        "Kari Nordmann og Ola Berg skriver notat; Sende utkast"
    )
    reply = bot.say(text, as_=person, channel=region)
    assert reply.ok, reply.text  # never the whole minutes refused
    assert lacks in reply.text and "@IN" in reply.text, reply.text  # said, with how to give one
    lines = _points(reply.text)
    assert len(lines) == 3, lines
    assert all(f"({nobody}" in line for line in lines), lines  # never guessed
    assert "Petter Smart" in reply.text  # the name kept in the point's words


def test_a_name_two_people_share_is_not_guessed() -> None:
    text = demo_text().replace('name: "Ola Berg"', 'name: "Kari Nordmann"', 1)
    bot = _held(autumn_held_with(parse_config(text)))
    reply = bot.say(
        "referat høst Godt møte holdt 3. desember. Oppfølging: notat til Kari Nordmann", as_="kari", channel="agder"
    )
    assert reply.ok and "har ingen ansvarlig jeg kjenner" in reply.text, reply.text


def test_a_point_with_no_owner_at_all_is_kept_in_the_form_too() -> None:
    bot = _held()
    submit = "referat regional-autumn agder 2026"
    reply = bot.say(submit, as_="kari", channel="agder", fields={"sammendrag": "Godt", "oppfolging": "Uten eier"})
    assert reply.ok and "«Uten eier»" in reply.text and "har ingen ansvarlig jeg kjenner" in reply.text, reply.text


def autumn_held_with(config) -> BotDriver:  # type: ignore[no-untyped-def]
    bot = make_bot(at=oslo(2026, 9, 2, 10), config=config)
    assert bot.say("dato høstmøte 5. november kl 10", as_="aud", channel="nasjonal").ok
    bot.set_time(2026, 11, 6, 9)
    assert bot.say("referat høstmøte Bra", as_="aud", channel="nasjonal").ok
    return bot
