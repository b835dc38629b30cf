"""The Teams adapter on the real core and the demo app.yaml: Teams activities over HTTP, and Slack and
Teams in one `serve` app on one state (sign in one, see it in the other)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from adapters.compose import make_core
from bot.clock import FixedClock
from bot.core import Core
from bot.messages import Request
from bot.model.config import load_config
from storage.memory import MemoryStore
from tests.driver import text_command
from tests.teams.harness import BotServer, ConnectorStandIn, all_actions, card_texts, load_activity

APP_YAML = Path(__file__).resolve().parents[2] / "app.yaml"
OLA = "11111111-0000-0000-0000-000000000003"
SIRI = "11111111-0000-0000-0000-000000000004"
AGDER = "19:agder@thread.tacv2"


def _core() -> Core:
    """The demo deployment in January 2026, with every precondition for agreement 2026 in Agder met."""
    core = make_core(
        config=load_config(str(APP_YAML)), store=MemoryStore(), clock=FixedClock(datetime(2026, 1, 12, 9, 0))
    )
    setup = [
        ("kari", text_command(year=2026)),
        ("aud", "forutsetning statsbudsjett 2026"),
        ("kari", "forutsetning budsjett agder 2026"),
        ("kari", "referat politisk agder 2026 Vedtatt i fylkestinget"),
        ("ola", "forutsetning tildelingsbrev IN 2026"),
        ("siri", "forutsetning tildelingsbrev SIVA 2026"),
        ("nils", "forutsetning tildelingsbrev NFR 2026"),
        ("rita", "forutsetning tildelingsbrev RFF 2026"),
    ]
    for user, text in setup:
        outcome = core.handle(Request(platform="terminal", user_id=user, channel_id="cli", text=text))
        assert outcome.reply.ok, outcome.reply.text
    return core


def _submit_for(action: dict[str, Any], *, user: str, activity_id: str, service_url: str) -> dict[str, Any]:
    submit = load_activity("card_submit", service_url=service_url)
    submit["id"] = activity_id
    submit["from"] = dict(submit["from"], aadObjectId=user)
    # A button with a confirm question is a ShowCard holding the real submit.
    submit["value"] = action["data"] if "data" in action else action["card"]["actions"][0]["data"]
    submit.pop("replyToId", None)
    return submit


def test_sign_from_a_teams_card_once_even_when_clicked_twice(run) -> None:
    core = _core()

    async def body() -> None:
        connector = await ConnectorStandIn().start()
        server = await BotServer(core=core).start()
        try:
            ask = load_activity("channel_message_mention", service_url=connector.url)
            ask["text"] = "<at>Samhandling</at> status agder 2026"
            assert await server.post(ask) == 201
            card = connector.accepted[-1].card
            assert card["body"][0]["text"].startswith("Status Agder fylkeskommune")
            labels = [a["title"] for a in all_actions(card)]
            assert labels == [
                "Signer for Agder",
                "Signer for IN – Agder",
                "Signer for SIVA – Agder",
                "Signer for NFR – Agder",
                "Signer for RFF – Agder",
            ]
            sign_in = next(a for a in all_actions(card) if a["title"] == "Signer for IN – Agder")
            assert sign_in["card"]["body"][0]["text"].startswith(
                "Signere samarbeidsavtalen 2026 for Innovasjon Norge i Agder, versjon 1"
            )
            posted = len(connector.accepted)
            for n in (1, 2):  # a double click: two activities, one card action
                click = _submit_for(sign_in, user=OLA, activity_id=f"f:click-{n}", service_url=connector.url)
                click["replyToId"] = "sent-1"
                assert await server.post(click) == 201
            # The clicked message is updated in place: what was done, by whom and when, and only the
            # buttons that still apply. No new message in the thread.
            assert len(connector.accepted) == posted
            first = connector.updated[0]
            assert first.reply_to == "sent-1"
            texts = card_texts(first.card)
            assert texts[0] == "✓ Signert for Innovasjon Norge"
            assert texts[1].startswith("Ola") and "12.01.2026 kl. 09.00" in texts[1]
            assert "Signer for IN – Agder" not in [a["title"] for a in all_actions(first.card)]
            assert "Signer for SIVA – Agder" in [a["title"] for a in all_actions(first.card)]
            # The same button clicked by someone who may not sign for IN is refused, as when typed: a
            # reply to that person, the card stays as it is.
            updates = len(connector.updated)
            wrong = _submit_for(sign_in, user=SIRI, activity_id="f:click-3", service_url=connector.url)
            wrong["replyToId"] = "sent-1"
            await server.post(wrong)
            assert connector.accepted[-1].card["body"][0].get("color") == "Attention"
            assert len(connector.updated) == updates
        finally:
            await server.stop()
            await connector.stop()

    run(body())
    status = core.handle(Request(platform="terminal", user_id="kari", channel_id="cli", text="status agder 2026"))
    assert "signer IN agder 2026" not in [b.command for b in status.reply.buttons]


def test_slack_and_teams_in_one_server_on_one_state(run) -> None:
    pytest.importorskip(
        "bot.reminders.passes", reason="the Slack adapter needs bot.reminders.passes (being written by the lead)"
    )
    from adapters.server import SENDERS, build_app
    from tests.slack.harness import Harness, slack_env
    from tests.slack.standin import SlackStandIn

    core = _core()

    async def body() -> None:
        import aiohttp
        from aiohttp import web

        slack = await SlackStandIn().start()
        connector = await ConnectorStandIn().start()
        app = build_app(core=core, environ=slack_env(slack), scheduler=False)
        assert set(app[SENDERS]) == {"slack", "teams"}
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        url = f"http://127.0.0.1:{site._server.sockets[0].getsockname()[1]}"
        session = aiohttp.ClientSession()
        harness = Harness(standin=slack, app=app, base_url=url, session=session)
        try:
            # Signed in Slack (Siri, SIVA) -> Teams sees it.
            assert (await harness.slash("signer SIVA agder 2026", user="U0SIRI", channel="C0AGDER")).status == 200
            await harness.settle()
            ask = load_activity("channel_message_mention", service_url=connector.url)
            ask["from"] = dict(ask["from"], aadObjectId=SIRI)
            ask["text"] = "<at>Samhandling</at> signer SIVA agder 2026"
            async with session.post(f"{url}/api/messages", json=ask) as response:
                assert response.status == 201
            seen_in_teams = connector.accepted[-1].card["fallbackText"]
            assert "Allerede signert" in seen_in_teams and "slack" in seen_in_teams
            # Signed in Teams (Ola, IN) -> Slack sees it.
            ask = dict(ask, id="1777882502442", text="<at>Samhandling</at> signer IN agder 2026")
            ask["from"] = dict(ask["from"], aadObjectId=OLA)
            async with session.post(f"{url}/api/messages", json=ask) as response:
                assert response.status == 201
            assert connector.accepted[-1].card["body"][0]["text"] == "Signert for Innovasjon Norge"
            answer = await harness.slash("signer IN agder 2026", user="U0OLA", channel="C0AGDER")
            await harness.settle()
            assert "Allerede signert" in answer.text or any("Allerede signert" in str(c.body) for c in slack.calls)
        finally:
            await session.close()
            await runner.cleanup()
            await connector.stop()
            await slack.stop()

    run(body())


def test_reminders_reach_teams_channels_after_a_restart_once_and_only_after_acceptance(run) -> None:
    from bot.reminders.passes import run_pass

    core = _core()

    async def body() -> None:
        connector = await ConnectorStandIn().start()
        first = await BotServer(core=core).start()
        try:
            await first.post(load_activity("conversation_update_bot_added", service_url=connector.url))
            await first.post(load_activity("channel_message_mention", service_url=connector.url))
        finally:
            await first.stop()  # restart: only the store survives
        core.clock.set(datetime(2026, 11, 2, 9, 0))  # the national autumn meeting's reminder is due
        server = await BotServer(core=core).start()
        try:
            connector.accepted.clear()
            connector.fail_with = [500] * 50  # the connector is down: nothing may be marked sent
            down = await run_pass(core=core, senders={"teams": server.runtime.sender})
            assert down.sent == 0 and down.failed >= 1 and connector.accepted == []
            connector.fail_with = [429]  # back, with one throttle
            report = await run_pass(core=core, senders={"teams": server.runtime.sender})
            # One digest per channel with a stored conversation; IN's channel has none (it fails, stays due).
            assert report.sent >= 1 and report.messages == 2
            posted = list(connector.accepted)
            assert {p.conversation_id for p in posted} == {"19:nasjonal@thread.tacv2", "19:agder@thread.tacv2"}
            assert posted[0].card["body"][0]["text"].startswith("Påminnelse")
            assert all(p.reply_to is None and p.card for p in posted)
            again = await run_pass(core=core, senders={"teams": server.runtime.sender})
            assert again.sent == 0 and connector.accepted == posted  # never twice
        finally:
            await server.stop()
            await connector.stop()

    run(body())
