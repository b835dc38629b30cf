"""A person the roster does not confirm is of no organisation (walk 28 F6), over the real HTTP path.

The activity names the tenant the conversation lives in: in a shared channel the host's, in a standard
channel also a B2B guest's (a guest has an account in the host tenant). With the host tenant bound to the
county as coordinator (README «Nasjonal drift» 3), an external member whose roster entry cannot be read, or a
guest, would otherwise sign the county's agreement for the county. They are unknown instead: they read, and
are asked to `bli med`.
"""

from __future__ import annotations

from typing import Any

from adapters.teams import members
from tests.teams.harness import BotServer, ConnectorStandIn, card_texts, load_activity
from tests.teams.test_teams_real_core import _core
from tests.teams.test_teams_shared_channels import (
    ADMIN,
    EVA,
    EVA_TEAMS_ID,
    HOST_TENANT,
    SHARED,
    _as_teams,
    _message,
)

STANDARD = "19:agder@thread.tacv2"


def _bound_host() -> Any:
    core = _core()
    _as_teams(core, ADMIN, "koble region agder", channel=SHARED)
    _as_teams(core, ADMIN, "koble region agder", channel=STANDARD)
    _as_teams(core, ADMIN, f"koble organisasjon {HOST_TENANT} agder koordinator")
    return core


def _standard(connector: ConnectorStandIn, text: str, *, activity_id: str) -> dict[str, Any]:
    activity = load_activity("channel_message_mention", service_url=connector.url)
    activity["text"] = f"<at>Samhandling</at> {text}"
    activity["attachments"] = []
    activity["id"] = activity_id
    activity["from"] = {"id": EVA_TEAMS_ID, "name": "Eva Rådgiver", "aadObjectId": EVA}
    return activity


def _run_all(run, core: Any, roster: dict[str, Any], activities: list[tuple[str, str]], *, shared: bool) -> list[str]:
    async def body() -> list[str]:
        connector = await ConnectorStandIn().start()
        connector.roster = roster
        server = await BotServer(core=core).start()
        try:
            heads: list[str] = []
            for n, (text, _) in enumerate(activities):
                make = _message if shared else _standard
                assert await server.post(make(connector, text, activity_id=f"u{n}")) == 201
                heads.append(" ".join(card_texts(connector.accepted[-1].card)))
            return heads
        finally:
            await server.stop()
            await connector.stop()

    return run(body())


def test_an_external_member_whose_roster_entry_cannot_be_read_is_not_the_hosts_party(run, caplog) -> None:
    core = _bound_host()
    steps = [("hvem", ""), ("signer agder agder 2026 versjon 1", ""), ("neste", "")]
    who, signed, _neste = _run_all(run, core, {}, steps, shared=True)  # 404 from both rosters
    assert not who.startswith("Hvem er med for Agder")
    assert signed.startswith("Ikke registrert") and "bli med" in signed
    assert "could not read the tenant" in caplog.text
    status = _as_teams(core, ADMIN, "status agder 2026", channel=SHARED)
    assert "Eva" not in status.text


def test_once_the_roster_answers_the_same_person_is_known_by_their_own_tenant(run) -> None:
    core = _bound_host()
    host_member = {"id": EVA_TEAMS_ID, "name": "Eva Rådgiver", "aadObjectId": EVA, "tenantId": HOST_TENANT}
    (who,) = _run_all(run, core, {SHARED: {EVA_TEAMS_ID: host_member}}, [("hvem", "")], shared=True)
    assert who.startswith("Hvem er med for Agder fylkeskommune")


def test_a_guest_of_the_host_tenant_in_a_standard_channel_is_not_the_hosts_party(run) -> None:
    core = _bound_host()
    guest = {
        "id": EVA_TEAMS_ID,
        "name": "Eva Rådgiver",
        "aadObjectId": EVA,
        "tenantId": HOST_TENANT,
        "userRole": "guest",
        "userPrincipalName": "eva_innovasjonnorge.no#EXT#@agderfk.onmicrosoft.com",
    }
    steps = [("signer agder agder 2026 versjon 1", ""), ("hvem", "")]
    signed, who = _run_all(run, core, {STANDARD: {EVA_TEAMS_ID: guest}}, steps, shared=False)
    assert signed.startswith("Ikke registrert") and "bli med" in signed
    assert not who.startswith("Hvem er med for Agder")
    member = dict(guest, userRole="user", userPrincipalName="eva@agderfk.no")
    (who,) = _run_all(run, _bound_host(), {STANDARD: {EVA_TEAMS_ID: member}}, [("hvem", "")], shared=False)
    assert who.startswith("Hvem er med for Agder fylkeskommune")


def test_an_e_mail_domain_binding_matches_in_a_standard_channel_from_the_roster(run) -> None:
    """Walk 28 F2: the roster is read in every conversation, so a domain binding matches outside shared channels."""
    core = _core()
    _as_teams(core, ADMIN, "koble region agder", channel=STANDARD)
    _as_teams(core, ADMIN, "koble organisasjon innovasjonnorge.no IN")
    member = {
        "id": EVA_TEAMS_ID,
        "name": "Eva",
        "aadObjectId": EVA,
        "tenantId": HOST_TENANT,
        "email": "eva@innovasjonnorge.no",
    }
    (who,) = _run_all(run, core, {STANDARD: {EVA_TEAMS_ID: member}}, [("hvem", "")], shared=False)
    assert who.startswith("Hvem er med for Innovasjon Norge")


def test_a_failed_roster_read_is_asked_again_only_after_a_minute(run, monkeypatch) -> None:
    """A throttled roster is not hammered: one read per person a minute while it fails, then the answer."""
    now = [1000.0]
    original = members.MemberTenants.__init__

    def with_clock(self: members.MemberTenants, *, clock: Any = None) -> None:
        original(self, clock=lambda: now[0])

    monkeypatch.setattr(members.MemberTenants, "__init__", with_clock)
    core = _bound_host()

    async def body() -> tuple[int, int, str]:
        connector = await ConnectorStandIn().start()
        server = await BotServer(core=core).start()
        try:
            await server.post(_message(connector, "hvem", activity_id="r1"))
            first = len(connector.roster_asked)
            await server.post(_message(connector, "hvem", activity_id="r2"))
            second = len(connector.roster_asked)
            now[0] += members.RETRY_AFTER + 1
            host = {"id": EVA_TEAMS_ID, "name": "Eva", "aadObjectId": EVA, "tenantId": HOST_TENANT}
            connector.roster = {SHARED: {EVA_TEAMS_ID: host}}
            await server.post(_message(connector, "hvem", activity_id="r3"))
            return first, second, card_texts(connector.accepted[-1].card)[0]
        finally:
            await server.stop()
            await connector.stop()

    first, second, third = run(body())
    assert first == second == 2  # the team's roster, then the channel's; not again a moment later
    assert third.startswith("Hvem er med for Agder fylkeskommune")


def test_a_read_asks_no_roster_until_an_organisation_is_bound(run) -> None:
    """Issue 21: while no organisation is bound to a party, nothing the roster says could make a reader a party's
    member, so a channel's new readers cost no roster call; a write (`bli med` records the organisation) asks,
    and once an organisation is bound every new person's read asks as before."""
    core = _core()
    _as_teams(core, ADMIN, "koble region agder", channel=STANDARD)

    async def body() -> tuple[int, int, int]:
        connector = await ConnectorStandIn().start()
        host = {"id": EVA_TEAMS_ID, "name": "Eva", "aadObjectId": EVA, "tenantId": HOST_TENANT}
        connector.roster = {STANDARD: {EVA_TEAMS_ID: host}}
        server = await BotServer(core=core).start()
        try:
            await server.post(_standard(connector, "neste", activity_id="n1"))
            reads = len(connector.roster_asked)
            await server.post(_standard(connector, "bli med agder", activity_id="n2"))
            write = len(connector.roster_asked)
            _as_teams(core, ADMIN, "koble organisasjon regjeringen.no AU")
            second = {"id": "29:other", "name": "Ole", "aadObjectId": "aad-ole", "tenantId": HOST_TENANT}
            connector.roster[STANDARD]["29:other"] = second
            activity = _standard(connector, "neste", activity_id="n3")
            activity["from"] = {"id": "29:other", "name": "Ole", "aadObjectId": "aad-ole"}
            await server.post(activity)
            return reads, write, len(connector.roster_asked)
        finally:
            await server.stop()
            await connector.stop()

    reads, write, bound = run(body())
    assert reads == 0
    assert write >= 1
    assert bound > write
