"""Walk 37 F-K, through the real Teams SDK over HTTP on the real core: a click on a read's card that records
something refreshes the card by running the read again (`TeamsRuntime._update_clicked`). That read was a bare
`Request` of the clicker's ids, without their organisation or client locale, so a person known through their
organisation (`koble organisasjon`) was read as met without one and forgotten in the store (`people/met`: a
mention of them refused again until they spoke), and the refreshed card came in the channel's written form,
not the nynorsk their client is set to."""

from __future__ import annotations

import copy

import pytest

from bot.model.met import PARTITION
from tests.teams.harness import BotServer, ConnectorStandIn, all_actions, card_texts
from tests.teams.test_teams_real_core import _core
from tests.teams.test_teams_shared_channels import ADMIN, EVA, IN_TENANT, SHARED, _as_teams, _external, _message

FORMS = [("nn-NO", "Ikkje følgt opp"), ("nb-NO", "Ikke fulgt opp")]


@pytest.mark.parametrize(("locale", "closing"), FORMS)
def test_a_click_on_a_read_card_keeps_who_the_clicker_is(run, locale: str, closing: str) -> None:
    core = _core()  # January 2026: agreement 2026 for Agder ready to sign
    _as_teams(core, ADMIN, "koble aktør IN agder")  # IN's shared channel in Agder, hosted by Agder's tenant
    _as_teams(core, ADMIN, f"koble organisasjon {IN_TENANT} IN")

    async def body() -> tuple[list[str], list[str]]:
        connector = await ConnectorStandIn().start()
        _external(connector, tenant=IN_TENANT)
        server = await BotServer(core=core).start()
        try:
            ask = _message(connector, "status agder 2026", activity_id="1768206011125")
            ask["locale"] = locale
            assert await server.post(ask) == 201
            status = connector.accepted[-1].card or {}
            sign = next(a for a in all_actions(status) if a["title"].startswith("Signer for IN"))
            click = copy.deepcopy(ask)
            click.update(id="f:sign", type="message", text=None, replyToId="status-card")
            click["value"] = copy.deepcopy(sign["data"] if "data" in sign else sign["card"]["actions"][0]["data"])
            click["conversation"] = dict(click["conversation"], id=SHARED)
            assert await server.post(click) == 201
            assert [p.reply_to for p in connector.updated] == ["status-card"]
            return card_texts(status), card_texts(connector.updated[-1].card or {})
        finally:
            await server.stop()
            await connector.stop()

    first, refreshed = run(body())
    assert any(closing in text for text in first), first
    assert any(closing in text for text in refreshed), refreshed  # the refresh in the clicker's form too
    assert "IN" in set(core.state.signatures(region="agder", year=2026))
    met = core.store.read(PARTITION).get("met", {})
    assert f"teams:{EVA}" in met, met  # still known through her organisation
