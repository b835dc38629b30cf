"""The Teams adapter through the real botbuilder CloudAdapter over HTTP on 127.0.0.1, against a local
connector stand-in, with a canned core (the real core is exercised in test_teams_real_core.py)."""

from __future__ import annotations

from typing import Any

import pytest

from adapters.teams.conversations import PARTITION, TABLE
from adapters.teams.settings import TeamsSettings
from bot.messages import Button, Delivery, Reply
from bot.pipeline.repeats import Deliveries
from bot.reminders.passes import SendFailed
from tests.teams.fake_core import FakeCore
from tests.teams.harness import BotServer, ConnectorStandIn, load_activity


class RecordingSender:
    platform = "slack"
    looks_up = False

    def __init__(self) -> None:
        self.sent: list[tuple[str, Reply]] = []

    async def send(self, *, channel_id: str, reply: Reply, key: str | None = None, maybe_posted: bool = False) -> None:
        self.sent.append((channel_id, reply))


async def _scenario(body, *, core: FakeCore | None = None, settings: TeamsSettings | None = None, senders=None) -> Any:
    connector = await ConnectorStandIn().start()
    server = await BotServer(
        core=core or FakeCore(), settings=settings or TeamsSettings(), senders=senders or {}
    ).start()
    try:
        return await body(connector, server)
    finally:
        await server.stop()
        await connector.stop()


def _actions(card: dict[str, Any]) -> list[dict[str, Any]]:
    return card.get("actions", [])


def test_channel_mention_runs_the_command_and_replies_in_the_thread_with_a_card(run) -> None:
    core = FakeCore()

    async def body(connector: ConnectorStandIn, server: BotServer) -> None:
        activity = load_activity("channel_message_mention", service_url=connector.url)
        assert await server.post(activity) == 201
        (request,) = core.requests
        assert request.platform == "teams"
        assert request.text == "neste"
        assert request.user_id == "11111111-0000-0000-0000-000000000001"
        assert request.user_name == "Kari Nordmann"
        assert request.channel_id == "19:agder@thread.tacv2"
        assert request.request_id == "teams:activity:1777882502441"
        (posted,) = connector.accepted
        assert posted.conversation_id == "19:agder@thread.tacv2;messageid=1777882502441"
        assert posted.reply_to == "1777882502441"
        card = posted.card
        assert card is not None and card["body"][0]["text"] == "Neste i årshjulet"
        facts = next(item for item in card["body"] if item["type"] == "FactSet")["facts"]
        assert {"title": "Frist", "value": "31.01.2026"} in facts
        (sign,) = _actions(card)
        assert sign["type"] == "Action.Submit" and sign["title"] == "Signer for IN"
        assert sign["data"]["samhandling"]["command"] == "signer IN agder 2026"
        assert card["fallbackText"].startswith("Signering av samarbeidsavtale 2026")
        assert posted.activity["summary"] == "Neste i årshjulet"

    run(_scenario(body, core=core))
    stored = core.store.read(PARTITION)[TABLE]
    assert set(stored) == {"19:agder@thread.tacv2"}
    reference = stored["19:agder@thread.tacv2"]["reference"]
    assert reference["conversation"]["id"] == "19:agder@thread.tacv2"
    assert reference.get("activityId") is None


def test_a_redelivered_activity_is_answered_once(run) -> None:
    core = FakeCore()

    async def body(connector: ConnectorStandIn, server: BotServer) -> None:
        activity = load_activity("channel_message_mention", service_url=connector.url)
        assert await server.post(activity) == 201
        assert await server.post(activity) == 201
        assert len(core.requests) == 1 and len(connector.accepted) == 1

    run(_scenario(body, core=core))


def test_the_runtime_leaves_redelivery_to_the_core(run) -> None:
    """The one check is the pipeline's: with a core that forgets every delivery at once, a redelivered
    activity reaches it twice, so the Teams runtime keeps no memory of its own."""
    core = FakeCore()
    core.deliveries = Deliveries(remember=0)

    async def body(connector: ConnectorStandIn, server: BotServer) -> None:
        activity = load_activity("channel_message_mention", service_url=connector.url)
        assert await server.post(activity) == 201
        assert await server.post(activity) == 201
        assert len(core.requests) == 2 and core.requests[0].delivery == Delivery(f"teams:activity:{activity['id']}")

    run(_scenario(body, core=core))


@pytest.mark.parametrize("prefix", ["", "/samhandling ", "Samhandling "])
def test_personal_chat_message_with_or_without_the_prefix(run, prefix: str) -> None:
    core = FakeCore()

    async def body(connector: ConnectorStandIn, server: BotServer) -> None:
        activity = load_activity("personal_message", service_url=connector.url)
        activity["text"] = f"{prefix}neste"
        assert await server.post(activity) == 201
        (request,) = core.requests
        assert (request.text, request.channel_id) == ("neste", "a:1Zp0example-personal-chat-per")
        assert request.user_id == "11111111-0000-0000-0000-000000000002"
        assert connector.accepted[0].conversation_id == "a:1Zp0example-personal-chat-per"

    run(_scenario(body, core=core))


def test_card_submit_runs_the_button_command_as_the_clicker_once_per_click(run) -> None:
    core = FakeCore()
    slack = RecordingSender()

    async def body(connector: ConnectorStandIn, server: BotServer) -> None:
        # The national channel must be known for the announcement to reach it.
        await server.post(load_activity("conversation_update_bot_added", service_url=connector.url))
        connector.accepted.clear()
        submit = load_activity("card_submit", service_url=connector.url)
        assert await server.post(submit) == 201
        redelivered = dict(submit, id="f:another-delivery-of-the-same-click")
        assert await server.post(redelivered) == 201
        first, second = core.requests
        assert first.text == "signer IN agder 2026"
        assert first.user_id == "11111111-0000-0000-0000-000000000003"
        assert first.channel_id == "19:agder@thread.tacv2"
        assert first.request_id == second.request_id  # the core's idempotency key sees one click
        assert "4f1c2b9e0d7a4c55b1e3a6f8d2c9e071" in first.request_id
        # The clicked card is replaced in place (no new message in the thread) ...
        updated = [(p.conversation_id, p.reply_to) for p in connector.updated]
        assert updated[0] == ("19:agder@thread.tacv2;messageid=1768381200000", "1768381200123")
        # ... and the announcement is a new post in the national channel.
        where = [(p.conversation_id, p.reply_to) for p in connector.accepted[:1]]
        assert where == [("19:nasjonal@thread.tacv2", None)]
        assert slack.sent[0][0] == "C0NASJONAL"

    run(_scenario(body, core=core, senders={"slack": slack}))


def test_form_submit_carries_the_inputs_as_fields(run) -> None:
    core = FakeCore()

    async def body(connector: ConnectorStandIn, server: BotServer) -> None:
        ask = load_activity("personal_message", service_url=connector.url)
        ask["text"] = "referat regional-spring"
        await server.post(ask)
        card = connector.accepted[0].card
        (field,) = [item for item in card["body"] if item["type"] == "Input.Text"]
        assert field["isMultiline"] and field["isRequired"] and field["label"] == "Sammendrag"
        (save,) = _actions(card)
        submit = load_activity("card_submit", service_url=connector.url)
        submit["value"] = dict(save["data"], **{field["id"]: "  Godt møte.  "})
        await server.post(submit)
        request = core.requests[-1]
        assert request.text == "referat regional-spring"
        assert dict(request.fields) == {"summary": "Godt møte."}

    run(_scenario(body, core=core))


def test_bot_added_to_a_team_is_remembered_and_says_hello(run) -> None:
    core = FakeCore()

    async def body(connector: ConnectorStandIn, server: BotServer) -> None:
        assert await server.post(load_activity("conversation_update_bot_added", service_url=connector.url)) == 201
        (welcome,) = connector.accepted
        assert welcome.conversation_id == "19:nasjonal@thread.tacv2"
        assert "@Samhandling hjelp" in welcome.card["fallbackText"]

    run(_scenario(body, core=core))
    assert core.requests == []
    document = core.store.read(PARTITION)[TABLE]["19:nasjonal@thread.tacv2"]
    assert (document["kind"], document["team_name"]) == ("channel", "Samhandling nasjonalt")


def test_throttling_and_server_errors_are_retried_with_backoff(run) -> None:
    async def body(connector: ConnectorStandIn, server: BotServer) -> None:
        connector.fail_with = [429, 500, 502]
        assert await server.post(load_activity("personal_message", service_url=connector.url)) == 201
        assert connector.rejected == [429, 500, 502]
        assert len(connector.accepted) == 1
        assert len(server.sleeps.delays) == 3
        assert all(0 <= d <= 8 for d in server.sleeps.delays)

    run(_scenario(body))


def test_a_reminder_reaches_a_channel_after_a_restart_from_the_stored_reference(run) -> None:
    core = FakeCore()
    reminder = Reply(
        title="Påminnelse: signering 2026",
        text="Samarbeidsavtale 2026 for Agder mangler signatur fra IN.",
        buttons=(Button("Signer for IN", "signer IN agder 2026"),),
    )

    async def body(connector: ConnectorStandIn, server: BotServer) -> None:
        await server.post(load_activity("conversation_update_bot_added", service_url=connector.url))
        await server.stop()  # the process ends; only the store survives
        restarted = await BotServer(core=FakeCore(store=core.store)).start()
        try:
            connector.accepted.clear()
            connector.fail_with = [503]
            await restarted.runtime.sender.send(channel_id="19:nasjonal@thread.tacv2", reply=reminder)
        finally:
            await restarted.stop()
        (posted,) = connector.accepted
        assert (posted.conversation_id, posted.reply_to) == ("19:nasjonal@thread.tacv2", None)
        assert _actions(posted.card)[0]["data"]["samhandling"]["command"] == "signer IN agder 2026"

    run(_scenario(body, core=core))


def test_a_reminder_the_connector_never_accepts_raises_send_failed(run) -> None:
    core = FakeCore()
    reminder = Reply(title="Påminnelse", text="x")

    async def body(connector: ConnectorStandIn, server: BotServer) -> None:
        await server.post(load_activity("conversation_update_bot_added", service_url=connector.url))
        connector.accepted.clear()
        connector.fail_with = [500] * 10
        with pytest.raises(SendFailed):
            await server.runtime.sender.send(channel_id="19:nasjonal@thread.tacv2", reply=reminder)
        assert connector.accepted == []
        assert connector.rejected == [500] * server.runtime.retry.attempts
        connector.fail_with = [403]  # not retryable: one attempt
        with pytest.raises(SendFailed):
            await server.runtime.sender.send(channel_id="19:nasjonal@thread.tacv2", reply=reminder)
        with pytest.raises(SendFailed):
            await server.runtime.sender.send(channel_id="19:ukjent@thread.tacv2", reply=reminder)

    run(_scenario(body, core=core))


@pytest.mark.parametrize(
    "authorization",
    [None, "Bearer not-a-token", "Basic a2FyaTpwYXNz", "Bearer eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJ4In0.c2ln"],
)
def test_with_an_app_id_a_request_without_a_valid_token_is_rejected_and_changes_nothing(run, authorization) -> None:
    core = FakeCore()
    settings = TeamsSettings(app_id="00000000-0000-0000-0000-0000000b0701", app_password="s", tenant_id="t")

    async def body(connector: ConnectorStandIn, server: BotServer) -> None:
        headers = {"Authorization": authorization} if authorization else None
        assert (
            await server.post(load_activity("channel_message_mention", service_url=connector.url), headers=headers)
            == 401
        )
        assert connector.accepted == [] and connector.rejected == []

    run(_scenario(body, core=core, settings=settings))
    assert core.requests == []
    assert core.store.partitions() == []


def test_connector_clients_are_built_once_per_service_url(run) -> None:
    async def body(connector: ConnectorStandIn, server: BotServer) -> None:
        for n in range(3):
            await server.post(dict(load_activity("personal_message", service_url=connector.url), id=f"m{n}"))
        await server.runtime.sender.send(channel_id="a:1Zp0example-personal-chat-per", reply=Reply(title="t", text="t"))
        assert len(connector.accepted) == 4
        assert len(server.runtime.auth.clients) == 1

    run(_scenario(body))
