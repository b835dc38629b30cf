"""walk 14a F1, F2, F7: the day a text says something happened is never one that has not come, and a refusal
names the day the person typed or meant, never a year nobody wrote."""

from __future__ import annotations

import pytest

from tests.driver import make_bot, oslo
from tests.walk14a_steps import HELD, PERSON

ADOPTED = {"nb": "vedtatt", "nn": "vedteke"}
NOT_COME = {"nb": "har ikke kommet ennå", "nn": "har ikkje kome enno"}


@pytest.mark.parametrize("lang", ["nb", "nn"])
@pytest.mark.parametrize(
    ("at", "typed", "shown"),
    [
        ((2026, 12, 17, 9), "16. desember 2028", "16. desember 2028"),
        ((2026, 12, 17, 9), "15.12.2027", "15. desember 2027"),
        ((2027, 1, 5, 9), "16. desember 2027", "16. desember 2027"),  # a slip for 2026 in early January
    ],
)
def test_a_precondition_day_with_a_year_ahead_is_refused_and_changes_nothing(
    lang: str, at: tuple[int, ...], typed: str, shown: str
) -> None:
    person, channel = PERSON[lang]
    bot = make_bot(at=oslo(*at))
    before = bot.snapshot()
    reply = bot.say(f"forutsetning budsjett {ADOPTED[lang]} {typed}", as_=person, channel=channel)
    assert not reply.ok, reply.text
    assert f"{shown} {NOT_COME[lang]}" in reply.text
    assert bot.snapshot() == before


def test_every_party_s_precondition_with_a_year_ahead_is_refused() -> None:
    bot = make_bot(at=oslo(2026, 12, 17, 9))
    before = bot.snapshot()
    state = bot.say("forutsetning statsbudsjett vedtatt 15.12.2027", as_="aud", channel="nasjonal")
    assert not state.ok and "15. desember 2027 har ikke kommet ennå" in state.text
    assert bot.snapshot() == before
    assert bot.say("forutsetning statsbudsjett vedtatt 15. desember", as_="aud", channel="nasjonal").ok
    before = bot.snapshot()
    letter = bot.say("forutsetning tildelingsbrev mottatt 16. desember 2029", as_="ola", channel="in")
    assert not letter.ok and "16. desember 2029 har ikke kommet ennå" in letter.text
    assert bot.snapshot() == before


@pytest.mark.parametrize("lang", ["nb", "nn"])
@pytest.mark.parametrize("at", [(2026, 12, 17, 9), (2027, 1, 5, 9)])
def test_a_past_year_in_a_precondition_day_is_answered_with_what_is_true(lang: str, at: tuple[int, ...]) -> None:
    person, channel = PERSON[lang]
    bot = make_bot(at=oslo(*at))
    before = bot.snapshot()
    reply = bot.say(f"forutsetning budsjett {ADOPTED[lang]} 16. desember 2025", as_=person, channel=channel)
    assert not reply.ok, reply.text
    assert "16. desember 2025" in reply.text and "2026 " + NOT_COME[lang] not in reply.text
    assert ("kan tidligst skje fra" if lang == "nb" else "kan tidlegast skje frå") in reply.text
    assert bot.snapshot() == before


def test_a_precondition_day_typed_this_year_is_still_recorded() -> None:
    bot = make_bot(at=oslo(2027, 1, 5, 9))
    reply = bot.say("forutsetning budsjett vedtatt 16. desember 2026", as_="kari")
    assert reply.ok and "Dagen det skjedde: 16. desember 2026." in reply.text


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_minutes_held_the_day_after_today_name_this_year_s_day(lang: str) -> None:
    person, channel = PERSON[lang]
    bot = make_bot(at=oslo(2027, 3, 1, 9))
    assert bot.say("dato vårmøte 11. mars kl 10", as_="aud", channel="nasjonal").ok
    bot.set_time(2027, 3, 11, 16)
    assert bot.say("referat vårmøte Bra", as_="aud", channel="nasjonal").ok
    bot.set_time(2027, 5, 5, 10)
    before = bot.snapshot()
    reply = bot.say(f"referat vår Godt møte {HELD[lang]} 6. mai", as_=person, channel=channel)
    assert not reply.ok, reply.text
    assert f"6. mai 2027: den dagen {NOT_COME[lang]}" in reply.text and "2026" not in reply.text
    assert bot.snapshot() == before


@pytest.mark.parametrize(
    ("at", "person", "channel", "command", "meant"),
    [
        ((2026, 12, 14, 10), "kari", "agder", "referat handlingsplan vedtatt 15. desember", "15. desember 2026"),
        ((2027, 11, 3, 10), "aud", "nasjonal", "referat høstmøte Godt møte holdt 4. november", "4. november 2027"),
    ],
)
def test_every_kind_of_minutes_a_day_ahead_names_the_year_meant(
    at: tuple[int, ...], person: str, channel: str, command: str, meant: str
) -> None:
    bot = make_bot(at=oslo(*at))
    before = bot.snapshot()
    reply = bot.say(command, as_=person, channel=channel)
    assert not reply.ok, reply.text
    assert f"{meant}: den dagen har ikke kommet ennå" in reply.text
    assert bot.snapshot() == before
