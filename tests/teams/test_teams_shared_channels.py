"""Teams across tenants (issue 20): a region's shared channel (Teams Connect) with Innovasjon Norge's people
as external members from their own tenant, over the real HTTP path on the real core.

The activity names the host's tenant; the person's own comes from the roster (the connector stand-in's
``GET /v3/conversations/{id}/members/{member}``, as ``TeamsInfo.get_member`` reads it). Bound by their
tenant, they read IN's `neste` and sign for IN with no `person` command; from an unbound tenant they are
told how to join and Agder's coordinator lets them in with one click. Conversation updates of a shared
channel (shared with another team, members added and removed, the bot disallowed) go through the token
gate and keep the stored references right.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

from adapters.teams.package import SUPPORTED_CHANNEL_TYPES, build_manifest
from adapters.teams.settings import TeamsSettings
from bot.core import Core
from bot.messages import Reply, Request
from tests.teams.harness import BotServer, ConnectorStandIn, all_actions, card_texts, load_activity
from tests.teams.openid_standin import OpenIdStandIn
from tests.teams.test_teams_real_core import _core, _submit_for

SHARED = "19:agder-delt@thread.tacv2"
HOST_TENANT = "0e6b5c3a-0000-4000-8000-00000000a9de"
IN_TENANT = "5b1c0e8f-0000-4000-8000-0000000e1701"
OTHER_TENANT = "a0b1c2d3-0000-4000-8000-0000000f0001"
EVA = "7c2d4e6f-0000-4000-8000-0000000e0a01"
EVA_TEAMS_ID = "29:1Qx7example-eva-external"
KARI = "11111111-0000-0000-0000-000000000001"
ADMIN = "11111111-0000-0000-0000-000000000009"
APP_ID = "00000000-0000-0000-0000-0000000b0701"
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "teams"


def _as_teams(core: Core, user: str, text: str, *, channel: str = SHARED) -> Reply:
    reply = core.handle(Request(platform="teams", user_id=user, channel_id=channel, text=text)).reply
    assert reply.ok, reply.text
    return reply


def _external(connector: ConnectorStandIn, *, tenant: str, email: str | None = None) -> None:
    """Eva is in the shared channel's roster (not the host team's), from `tenant`."""
    account = {"id": EVA_TEAMS_ID, "name": "Eva Rådgiver", "aadObjectId": EVA, "tenantId": tenant}
    if email:
        account["email"] = email
    connector.roster = {SHARED: {EVA_TEAMS_ID: account}}


def _message(connector: ConnectorStandIn, text: str, *, activity_id: str) -> dict[str, Any]:
    activity = load_activity("shared_channel_message_external", service_url=connector.url)
    activity["text"] = f"<at>Samhandling</at> {text}"
    activity["attachments"] = []
    activity["id"] = activity_id
    return activity


def test_a_person_of_a_bound_tenant_in_a_shared_channel_reads_ins_neste_and_signs_for_in(run) -> None:
    core = _core()
    _as_teams(core, ADMIN, "koble aktør IN agder")  # IN's shared channel in Agder, hosted by Agder's tenant
    _as_teams(core, ADMIN, f"koble organisasjon {IN_TENANT} IN")

    async def body() -> list[Any]:
        connector = await ConnectorStandIn().start()
        _external(connector, tenant=IN_TENANT)
        server = await BotServer(core=core).start()
        try:
            assert await server.post(_message(connector, "neste", activity_id="1768206011125")) == 201
            neste = connector.accepted[-1]
            assert await server.post(_message(connector, "signer IN agder 2026 versjon 1", activity_id="2")) == 201
            signed = connector.accepted[-1]
            assert await server.post(_message(connector, "hvem", activity_id="3")) == 201
            return [neste, signed, connector.roster_asked, connector.accepted[-1]]
        finally:
            await server.stop()
            await connector.stop()

    neste, signed, asked, who = run(body())
    assert neste.conversation_id.startswith(SHARED)
    assert card_texts(neste.card)[0].startswith("Neste for Innovasjon Norge")
    assert card_texts(signed.card)[0] == "Signert for Innovasjon Norge"
    # TeamsInfo.get_member first (404: Eva is in no roster of the host), then the shared channel's own;
    # once for three messages
    assert [member for _conversation, member in asked] == [EVA_TEAMS_ID, EVA_TEAMS_ID]
    assert asked[-1] == (SHARED, EVA_TEAMS_ID)
    assert "Teams " + IN_TENANT in json.dumps(who.card, ensure_ascii=False)
    status = core.handle(Request(platform="terminal", user_id="kari", channel_id="agder", text="status agder 2026"))
    commands = [b.command for b in status.reply.buttons]
    # Kari's terminal reply is hers alone: her own party's button, never IN's (signed) nor SIVA's (walk 6 F14).
    assert "signer IN agder 2026 versjon 1" not in commands and "signer for agder 2026 versjon 1" in commands
    assert "signer SIVA agder 2026 versjon 1" not in commands


def test_an_external_member_is_known_by_the_e_mail_domain_of_their_roster_entry(run) -> None:
    core = _core()
    _as_teams(core, ADMIN, "koble aktør IN agder")
    _as_teams(core, ADMIN, "koble organisasjon innovasjonnorge.no IN")

    async def body(email: str) -> str:
        connector = await ConnectorStandIn().start()
        _external(connector, tenant=OTHER_TENANT, email=email)
        server = await BotServer(core=core).start()
        try:
            await server.post(_message(connector, "hvem", activity_id=email))  # members only
            return card_texts(connector.accepted[-1].card)[0]
        finally:
            await server.stop()
            await connector.stop()

    assert run(body("Eva.Radgiver@InnovasjonNorge.no")) == "Hvem er med for Innovasjon Norge"
    assert run(body("eva_innovasjonnorge.no#EXT#@host.onmicrosoft.com")) != "Hvem er med for Innovasjon Norge"


def test_an_unbound_tenant_is_told_how_to_join_and_the_coordinator_lets_them_in_with_one_click(run) -> None:
    core = _core()
    _as_teams(core, ADMIN, "koble region agder")

    async def body() -> tuple[list[str], dict[str, Any], list[str]]:
        connector = await ConnectorStandIn().start()
        _external(connector, tenant=OTHER_TENANT)
        server = await BotServer(core=core).start()
        try:
            await server.post(_message(connector, "signer IN agder 2026", activity_id="11"))
            refused = card_texts(connector.accepted[-1].card)
            await server.post(_message(connector, "bli med agder", activity_id="12"))
            asked = next(p.card for p in connector.accepted if "vil bli med" in " ".join(card_texts(p.card)))
            let_in = next(a for a in all_actions(asked) if a["title"] == "Slipp inn")
            click = _submit_for(let_in, user=KARI, activity_id="f:click-let-in", service_url=connector.url)
            click["conversation"]["id"] = SHARED
            click["channelData"] = {
                "tenant": {"id": HOST_TENANT},
                "channel": {"id": SHARED, "membershipType": "shared"},
            }
            assert await server.post(click) == 201
            told = card_texts(connector.accepted[-1].card)
            return refused, asked, told
        finally:
            await server.stop()
            await connector.stop()

    refused, asked, told = run(body())
    assert any("bli med" in text for text in refused)
    mentions = [e for e in asked.get("msteams", {}).get("entities", []) if e.get("type") == "mention"]
    assert [m["mentioned"]["id"] for m in mentions] == [KARI]  # Agder's coordinator, called on
    assert "er med for Agder" in " ".join(told)
    eva = core.directory.caller(platform="teams", user_id=EVA, organisation=OTHER_TENANT)
    assert (eva.party, eva.role, eva.via) == ("agder", "adviser", "person")


def test_shared_channel_updates_pass_the_token_gate_and_keep_the_references_right(run, caplog) -> None:
    caplog.set_level(logging.INFO)
    core = _core()

    async def body() -> tuple[list[int], list[str], list[str]]:
        openid = await OpenIdStandIn().start()
        connector = await ConnectorStandIn().start()
        settings = TeamsSettings(
            app_id=APP_ID, app_password="s", tenant_id="t", openid_metadata_url=openid.metadata_url
        )
        server = await BotServer(core=core, settings=settings).start()
        assert server.runtime is not None
        try:
            auth = {"Authorization": "Bearer " + openid.token(app_id=APP_ID, service_url=connector.url)}
            statuses = []
            for name in (
                "conversation_update_channel_shared",
                "conversation_update_shared_member_added",
                "conversation_update_shared_member_removed",
            ):
                statuses.append(await server.post(load_activity(name, service_url=connector.url), headers=auth))
            # The national channel (another team) is known too; the bot disallowed in the shared channel
            # forgets that channel alone, not the host team's other channels.
            national = load_activity("conversation_update_bot_added", service_url=connector.url)
            national.pop("membersAdded")
            statuses.append(await server.post(national, headers=auth))
            kept = sorted(server.runtime.book.keys())
            removed = load_activity("conversation_update_shared_bot_removed", service_url=connector.url)
            statuses.append(await server.post(removed, headers=auth))
            statuses.append(await server.post(removed))  # no token: refused before the SDK
            return statuses, kept, sorted(server.runtime.book.keys())
        finally:
            await server.stop()
            await connector.stop()
            await openid.stop()

    statuses, kept, after = run(body())
    assert statuses[:5] in ([200] * 5, [201] * 5) or all(s in (200, 201) for s in statuses[:5])
    assert statuses[5] == 401
    assert kept == [SHARED, "19:nasjonal@thread.tacv2"]
    assert after == ["19:nasjonal@thread.tacv2"]
    logged = caplog.text
    assert f"{SHARED} channelShared with Innovasjon Norge Agder ({IN_TENANT})" in logged
    assert f"1 member(s) joined {SHARED}" in logged and f"1 member(s) left {SHARED}" in logged


def test_reminders_reach_a_shared_channel(run) -> None:
    core = _core()

    async def body() -> list[str]:
        connector = await ConnectorStandIn().start()
        server = await BotServer(core=core).start()
        assert server.runtime is not None
        try:
            await server.post(load_activity("conversation_update_channel_shared", service_url=connector.url))
            await server.runtime.sender.send(channel_id=SHARED, reply=Reply(title="Påminnelse", text="Frist i dag"))
            return [p.conversation_id for p in connector.accepted]
        finally:
            await server.stop()
            await connector.stop()

    assert run(body()) == [SHARED]


def test_the_manifest_declares_shared_and_private_channels_as_its_schema_allows() -> None:
    manifest = build_manifest(env={"MICROSOFT_APP_ID": APP_ID})
    schema = json.loads((FIXTURES / "manifest_supported_channel_types.schema.json").read_text(encoding="utf-8"))
    declared = manifest["supportedChannelTypes"]
    assert declared == list(SUPPORTED_CHANNEL_TYPES) == ["sharedChannels", "privateChannels"]
    assert isinstance(declared, list) and len(declared) <= schema["maxItems"]
    assert set(declared) <= set(schema["items"]["enum"]) and len(set(declared)) == len(declared)
    assert "team" in manifest["bots"][0]["scopes"]  # the property only applies to an app with the team scope
