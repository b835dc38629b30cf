"""A roster read that failed, then succeeded: the person's next `neste` is her organisation's (walk 38 F1).

Eva of Innovasjon Norge's tenant (bound to IN) writes in Agder's Teams shared channel. Her first roster
read finds nothing (the connector throttles or does not know her yet), so she is no one known and reads
what a stranger reads. A minute later (`RETRY_AFTER`) the roster answers with IN's tenant: her next
`neste` the same day is IN's in Agder, not the stranger's reply kept under her id, over the real HTTP
path on the real core."""

from __future__ import annotations

from typing import Any

from adapters.teams.members import RETRY_AFTER
from tests.teams.harness import BotServer, ConnectorStandIn, card_texts
from tests.teams.test_teams_shared_channels import ADMIN, IN_TENANT, _as_teams, _core, _external, _message


def test_a_roster_read_that_succeeds_later_gives_her_own_organisations_neste(run) -> None:
    core = _core()
    _as_teams(core, ADMIN, "koble region agder")
    _as_teams(core, ADMIN, f"koble organisasjon {IN_TENANT} IN")
    now = [1000.0]

    async def body() -> list[str]:
        connector = await ConnectorStandIn().start()
        server = await BotServer(core=core).start()
        assert server.runtime is not None
        server.runtime.members._clock = lambda: now[0]
        titles: list[str] = []
        try:
            for number, roster_known in enumerate((False, True, True)):
                if roster_known:
                    _external(connector, tenant=IN_TENANT)
                    now[0] += RETRY_AFTER
                assert await server.post(_message(connector, "neste", activity_id=f"walk38-{number}")) == 201
                titles.append(card_texts(connector.accepted[-1].card)[0])
            assert await server.post(_message(connector, "hvem", activity_id="walk38-hvem")) == 201
            titles.append(card_texts(connector.accepted[-1].card)[0])
            return titles
        finally:
            await server.stop()
            await connector.stop()

    titles: list[Any] = run(body())
    assert titles[0] == "Neste for Agder fylkeskommune"  # no organisation known: a stranger's reading
    assert titles[1:3] == ["Neste for Innovasjon Norge i Agder fylkeskommune"] * 2
    assert titles[3] == "Hvem er med for Innovasjon Norge"  # the two surfaces agree
