"""Walk 35 F1 and F3, through the real Teams SDK over HTTP (a connector stand-in on 127.0.0.1), on the real
core: a button that runs a read (`neste side 2`) answers with that read, as a new message in the thread; it
used to refresh the clicked card with page 1 under a banner, so page 2 was never seen. A button on a card
that told the channel of a recorded change (the minutes' «Ferdig») is answered below it, and the card stays:
it used to be replaced by «Oppfølgingspunkt ferdig», the minutes' record and its other buttons gone."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest

from bot.core import Core
from bot.messages import Request
from tests.driver import make_bot, oslo
from tests.teams.harness import BotServer, ConnectorStandIn, all_actions, card_texts, load_activity

ADMIN = "11111111-0000-0000-0000-000000000009"
PEOPLE = {"kari": "11111111-0000-0000-0000-000000000001", "per": "11111111-0000-0000-0000-000000000002"}
CASES = [
    ("kari", "agder", "referat høst Godt møte. oppfølging: ", "innen", "Oppfølgingspunkt ferdig"),
    ("per", "vestland", "referat haust Møtet vart halde. oppfølging: ", "innan", "Oppfølgingspunkt ferdig"),
]


def _core(region: str) -> tuple[Core, str]:
    """The demo deployment on 19 November 2026, AU's autumn meeting held, a Teams channel bound to `region`."""
    bot = make_bot(at=oslo(2026, 10, 20, 16, 0), in_teams=False)  # the actors' Teams channels: no posts out
    assert bot.say("referat høstmøtet Godt møte", as_="aud").ok
    bot.clock.set(oslo(2026, 11, 19, 17, 0))
    channel = f"19:{region}-walk35@thread.tacv2"
    bound = bot.core.handle(Request(platform="teams", user_id=ADMIN, channel_id=channel, text=f"koble region {region}"))
    assert bound.reply.ok, bound.reply.text
    return bot.core, channel


def _in(activity: dict[str, Any], *, channel: str, user: str, activity_id: str) -> dict[str, Any]:
    moved = json.loads(json.dumps(activity).replace("19:agder@thread.tacv2", channel))
    moved["id"] = activity_id
    moved["from"] = dict(moved["from"], aadObjectId=user)
    return moved


def _say(text: str, *, channel: str, user: str, activity_id: str, url: str) -> dict[str, Any]:
    ask = _in(
        load_activity("channel_message_mention", service_url=url), channel=channel, user=user, activity_id=activity_id
    )
    ask["text"] = f"<at>Samhandling</at> {text}"
    ask.pop("attachments", None)
    return ask


def _click(action: dict[str, Any], *, channel: str, user: str, activity_id: str, url: str, on: str) -> dict[str, Any]:
    click = _in(load_activity("card_submit", service_url=url), channel=channel, user=user, activity_id=activity_id)
    click["value"] = copy.deepcopy(action["data"])
    click["replyToId"] = on
    return click


@pytest.mark.parametrize(("who", "region", "lead", "by", "closed"), CASES)
def test_side_2_shows_page_two_and_ferdig_keeps_the_minutes_card(
    run, who: str, region: str, lead: str, by: str, closed: str
) -> None:
    core, channel = _core(region)
    user = PEOPLE[who]
    points = "; ".join(f"Sak {n} @IN {by} 1. desember" for n in range(1, 13))

    async def body() -> None:
        connector = await ConnectorStandIn().start()
        server = await BotServer(core=core).start()
        try:
            url = connector.url
            assert (
                await server.post(_say(f"{lead}{points}", channel=channel, user=user, activity_id="m1", url=url)) == 201
            )
            minutes = connector.accepted[-1].card
            assert minutes is not None and "Sak 1 " in " ".join(card_texts(minutes)) + " "
            ferdig = next(a for a in all_actions(minutes) if a["title"].startswith("Ferdig"))

            assert await server.post(_say("neste", channel=channel, user=user, activity_id="m2", url=url)) == 201
            page_one = connector.accepted[-1].card
            assert page_one is not None
            side_2 = next(a for a in all_actions(page_one) if a["data"]["samhandling"]["command"] == "neste side 2")
            posted = len(connector.accepted)
            click = _click(side_2, channel=channel, user=user, activity_id="f:side-2", url=url, on="page-one")
            assert await server.post(click) == 201
            # page 2 is its own message in the thread, the clicked card untouched
            assert connector.updated == []
            assert len(connector.accepted) == posted + 1
            page_two = " ".join(card_texts(connector.accepted[-1].card or {}))
            assert "Sak 6 " in page_two and "Sak 1 " not in page_two, page_two

            posted = len(connector.accepted)
            click = _click(ferdig, channel=channel, user=user, activity_id="f:ferdig", url=url, on="minutes")
            assert await server.post(click) == 201
            # the minutes' card stays as the channel was told; the answer is a new message below it
            assert connector.updated == []
            answer = connector.accepted[posted].card or {}
            assert card_texts(answer)[0].startswith(closed), card_texts(answer)
        finally:
            await server.stop()
            await connector.stop()

    run(body())
    listed = core.handle(Request(platform="terminal", user_id=who, channel_id=region, text="status")).reply.text
    assert listed.count("Sak ") >= 12


def test_a_read_card_clicked_to_record_is_still_refreshed_in_place(run) -> None:
    """What stays as it was: «Ferdig» on a `neste` card records, and the card is refreshed in place under the
    line saying so (the read's card is for that)."""
    core, channel = _core("agder")
    user = PEOPLE["kari"]

    async def body() -> None:
        connector = await ConnectorStandIn().start()
        server = await BotServer(core=core).start()
        try:
            url = connector.url
            text = "referat høst Godt møte. oppfølging: Rapport @IN innen 1. desember"
            assert await server.post(_say(text, channel=channel, user=user, activity_id="m1", url=url)) == 201
            assert await server.post(_say("neste", channel=channel, user=user, activity_id="m2", url=url)) == 201
            card = connector.accepted[-1].card or {}
            ferdig = next(a for a in all_actions(card) if a["title"].startswith("Ferdig"))
            assert "keep" not in ferdig["data"]["samhandling"]
            click = _click(ferdig, channel=channel, user=user, activity_id="f:ferdig", url=url, on="neste")
            assert await server.post(click) == 201
            assert [p.reply_to for p in connector.updated] == ["neste"]
            assert card_texts(connector.updated[0].card or {})[0].startswith("✓ Oppfølgingspunkt ferdig")
        finally:
            await server.stop()
            await connector.stop()

    run(body())
