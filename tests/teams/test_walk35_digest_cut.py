"""Walk 35 F2, through the real Teams SDK over HTTP on the real core: a reminder digest too big for the
connector's 28 KB keeps as many of its lines as fit, says how many more there are («… og 22 til.») and keeps
its closing line («Skriv «@Samhandling neste» for alt som venter her»), in the channel's written form. It used
to keep only the title and «Denne uken (60)»: the whole list was one FactSet, cut whole."""

from __future__ import annotations

import re

import pytest

from bot.reminders.passes import run_pass
from tests.driver import oslo
from tests.teams.harness import BotServer, ConnectorStandIn, card_texts
from tests.teams.test_walk35_clicks import PEOPLE, _core, _say

CASES = [
    ("kari", "agder", "referat høst Godt møte. oppfølging: ", "innen", "neste"),
    ("per", "vestland", "referat haust Møtet vart halde. oppfølging: ", "innan", "neste"),
]


def _facts(card: dict) -> list[dict]:
    return [fact for element in card["body"] for fact in element.get("facts") or ()]


@pytest.mark.parametrize(("who", "region", "lead", "by", "pointer"), CASES)
def test_a_digest_too_big_for_teams_keeps_what_fits_and_says_how_many_more(
    run, who: str, region: str, lead: str, by: str, pointer: str
) -> None:
    core, channel = _core(region)
    points = "; ".join(f"Sak {n} om søknadene @{who} {by} 1. desember" for n in range(1, 81))

    async def body() -> None:
        connector = await ConnectorStandIn().start()
        server = await BotServer(core=core).start()
        try:
            said = _say(f"{lead}{points}", channel=channel, user=PEOPLE[who], activity_id="m1", url=connector.url)
            assert await server.post(said) == 201
            connector.accepted.clear()
            core.clock.set(oslo(2026, 11, 30, 9, 0))
            await run_pass(core=core, senders={"teams": server.runtime.sender})
            posted = [p for p in connector.accepted if p.conversation_id.startswith(channel)]
            assert len(posted) == 1
            card = posted[0].card or {}
            texts = card_texts(card)
            shown = _facts(card)
            assert 20 <= len(shown) < 80, len(shown)
            assert "Sak 1 om" in shown[0]["value"]
            more = next(t for t in texts if t.startswith("… og "))
            assert int(re.findall(r"\d+", more)[0]) == 80 - len(shown)
            assert any(f"@Samhandling {pointer}»" in t or f"Samhandling {pointer}»" in t for t in texts), texts
        finally:
            await server.stop()
            await connector.stop()

    run(body())
