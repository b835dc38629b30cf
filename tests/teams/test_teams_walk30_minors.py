"""Walk 30's minor Teams findings, over HTTP to the real adapter and core: an `invoke` the SDK has no handler
for got 501 (m2); a client set to nynorsk («nn-NO», «nn») got bokmål for a person without `målform` (m3); a
write in a group chat bound to no region did not name the region it was for (m4). The body over 1 MB (m1)
keeps its 413: the cap stops reading before the conversation could be read (README)."""

from __future__ import annotations

import copy
from typing import Any

import aiohttp
import pytest

from tests.teams.harness import BotServer, ConnectorStandIn, card_texts, load_activity
from tests.teams.test_teams_real_core import _core

PER = "11111111-0000-0000-0000-000000000002"
KARI = "11111111-0000-0000-0000-000000000001"
ADMIN = "11111111-0000-0000-0000-000000000009"
GROUP = "19:meeting_group-chat@thread.v2"


def _texts(connector: ConnectorStandIn, since: int) -> list[str]:
    return [" ".join(card_texts(p.card)) if p.card else str(p.activity.get("text")) for p in connector.accepted[since:]]


async def _post(server: BotServer, activity: dict[str, Any]) -> tuple[int, Any]:
    async with (
        aiohttp.ClientSession() as session,
        session.post(f"{server.url}/api/messages", json=copy.deepcopy(activity)) as response,
    ):
        body = await response.json(content_type=None) if await response.read() else None
        return response.status, body


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("adaptiveCard/action", {"action": {"type": "Action.Execute", "verb": "neste", "data": {"x": 1}}}),
        ("composeExtension/query", {"commandId": "search", "parameters": [{"name": "q", "value": "neste"}]}),
        ("task/fetch", {"data": {"type": "task/fetch"}}),
    ],
)
def test_an_invoke_gets_what_teams_expects_not_501(run, name: str, value: dict[str, Any]) -> None:
    core = _core()

    async def body() -> tuple[int, Any, int]:
        connector = await ConnectorStandIn().start()
        server = await BotServer(core=core).start()
        try:
            invoke = load_activity("channel_message_mention", service_url=connector.url)
            invoke.update(type="invoke", name=name, value=value, id="inv:1")
            invoke.pop("text")
            status, answer = await _post(server, invoke)
            return status, answer, len(connector.accepted)
        finally:
            await server.stop()
            await connector.stop()

    status, answer, posted = run(body())
    assert status == 200 and posted == 0
    if name == "adaptiveCard/action":
        assert answer["statusCode"] == 200 and answer["type"] == "application/vnd.microsoft.activity.message"
        assert answer["value"].startswith("Denne knappen kan jeg ikke lese."), answer
    else:
        assert not answer, answer


@pytest.mark.parametrize("locale", ["nn-NO", "nn", "nn_NO"])
def test_a_client_set_to_nynorsk_is_answered_in_nynorsk_without_malform(run, locale: str) -> None:
    core = _core()

    async def body() -> list[str]:
        connector = await ConnectorStandIn().start()
        server = await BotServer(core=core).start()
        try:
            ask = load_activity("personal_message", service_url=connector.url)
            ask["from"] = dict(ask["from"], id="29:kari", name="Kari Nordmann", aadObjectId=KARI)  # Agder: bokmål
            ask.update(text="hjelp", locale=locale, id="loc:1")
            assert await server.post(ask) in (200, 201)
            bokmal = copy.deepcopy(ask)
            bokmal.update(text="hjelp", locale="nb-NO", id="loc:2")
            assert await server.post(bokmal) in (200, 201)
            return _texts(connector, 0)
        finally:
            await server.stop()
            await connector.stop()

    nynorsk, bokmal = run(body())
    assert "Eg " in nynorsk or "kommandoane" in nynorsk, nynorsk
    assert "kommandoene" in bokmal or "Jeg " in bokmal, bokmal


@pytest.mark.parametrize(
    ("form", "said"),
    [("nb", "Registreringen gjelder Vestland fylkeskommune."), ("nn", "Registreringa gjeld Vestland fylkeskommune.")],
)
def test_a_write_in_an_unbound_group_chat_names_the_region(run, form: str, said: str) -> None:
    core = _core()

    async def body() -> list[str]:
        connector = await ConnectorStandIn().start()
        server = await BotServer(core=core).start()
        try:
            ask = load_activity("channel_message_mention", service_url=connector.url)
            ask["from"] = dict(ask["from"], id="29:per", name="Per Hansen", aadObjectId=PER)
            ask["conversation"] = {"isGroup": True, "conversationType": "groupChat", "id": GROUP}
            ask.pop("channelData")
            ask["attachments"] = []
            admin = copy.deepcopy(ask)  # the chat's written form, as an administrator sets it
            admin["from"] = dict(ask["from"], id="29:admin", name="Driftsansvarlig", aadObjectId=ADMIN)
            admin.update(text=f"<at>Samhandling</at> målform kanal {form}", id="grp:0")
            assert await server.post(admin) in (200, 201)
            since = len(connector.accepted)
            ask.update(text="<at>Samhandling</at> forutsetning budsjett 2026", id="grp:1")
            assert await server.post(ask) in (200, 201)
            return _texts(connector, since)
        finally:
            await server.stop()
            await connector.stop()

    replies = run(body())
    assert len(replies) == 1 and said in replies[0], replies
