"""walk 15 N1: a person registered in chat with a whole name (`person @mari … Mari Lunde`) is read as a point's
owner by that name («@Mari Lunde», «@mari Lunde», «@Mari»), as app.yaml's people are, and no part of the name
stays in the point's words."""

from __future__ import annotations

import pytest

from tests.driver import make_bot, oslo
from tests.walk15_steps import autumn_held

REGIONS = {"nb": ("agder", "høst", "holdt", "innen"), "nn": ("vestland", "haust", "halde", "innan")}


@pytest.mark.parametrize("lang", ["nb", "nn"])
@pytest.mark.parametrize("typed", ["@Mari Lunde", "@mari Lunde", "@MARI LUNDE", "@Mari", "@mari"])
def test_a_person_registered_in_chat_is_an_owner_by_her_whole_name(lang: str, typed: str) -> None:
    region, autumn, held, until = REGIONS[lang]
    bot = autumn_held(dated=(("admin", region, f"person @mari {region} rådgiver Mari Lunde"),))
    bot.set_time(2026, 12, 4, 10)
    coordinator = {"agder": "kari", "vestland": "per"}[region]
    reply = bot.say(
        f"referat {autumn} Godt møte {held} 3. desember. Oppfølging: Notat {typed} {until} 15. januar",
        as_=coordinator,
        channel=region,
    )
    assert reply.ok, reply.text
    [point] = bot.tables(f"cycle/{region}/2026")["milestones"]["regional-autumn"]["outcome"]["followups"]
    assert (point["text"], point["owner_name"], point["owner_party"]) == ("Notat", "Mari Lunde", region)
    assert "Notat (Mari Lunde," in reply.text


def test_a_name_nobody_was_registered_by_is_still_refused() -> None:
    bot = make_bot(at=oslo(2026, 12, 4, 10))
    assert bot.say("referat høstmøte Bra holdt 5. november", as_="aud", channel="nasjonal").ok
    before = bot.snapshot()
    reply = bot.say("referat høst Godt møte holdt 3. desember. Oppfølging: Notat @Mari Lunde", as_="kari")
    assert not reply.ok and "@Mari" in reply.text
    assert bot.snapshot() == before
