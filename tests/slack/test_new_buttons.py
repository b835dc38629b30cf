"""Issue 18 «Surfaces» in Slack, through real Bolt over HTTP: «Erstatt referatet» clicked opens the minutes'
modal, within a modal's limits, whose submit replaces the minutes, and «referat vis … tidligere» shows the
replaced ones; «Fjern datoen» clicked removes the date."""

from __future__ import annotations

import json

from bot.core import Core
from tests.driver import text_command

from .block_kit import modal_problems, problems
from .harness import running
from .test_integration import ready_to_sign, terminal
from .test_surfaces import autumn_2026, core  # noqa: F401  (the fixture)


def _buttons(answer: dict) -> list[dict]:
    return [e for b in answer["blocks"] if b["type"] == "actions" for e in b["elements"]]


async def test_erstatt_referatet_opens_the_modal_that_replaces_the_minutes(core: Core) -> None:  # noqa: F811
    async with running(core) as h:
        assert (await h.slash("referat høst 2026 Første referat", channel="C0AGDER")).status == 200
        asked = (await h.slash("referat høst 2026", channel="C0AGDER")).json()
        assert problems(asked) == [] and asked["response_type"] == "ephemeral"
        (button,) = _buttons(asked)
        assert button["text"]["text"] == "Erstatt referatet"
        await h.click(button["value"], channel="C0AGDER")
        (opened,) = await h.standin.wait_for("views.open")
        view = opened.body["view"]
        meta = json.loads(view["private_metadata"])
        assert modal_problems(view) == [] and meta["command"].endswith(" bekreft")
        submitted = await h.submit(meta["command"], {"sammendrag": "Rettet referat"}, blocks=view["blocks"])
        await h.settle()
        earlier = (await h.slash("referat vis høst 2026 tidligere", channel="C0AGDER")).json()
    assert submitted.status == 200 and submitted.text == ""
    assert autumn_2026(core)["summary"] == "Rettet referat"
    assert problems(earlier) == [] and "Første referat" in json.dumps(earlier, ensure_ascii=False)


async def test_fjern_datoen_clicked_removes_the_date(core: Core) -> None:  # noqa: F811
    async with running(core) as h:
        assert (await h.slash("dato vår 22. april kl 10", channel="C0AGDER")).status == 200
        asked = (await h.slash("dato vår avlyst", channel="C0AGDER")).json()
        (button,) = _buttons(asked)
        assert button["text"]["text"] == "Fjern datoen" and problems(asked) == []
        assert "planned" in core.store.read("cycle/agder/2027")["milestones"]["regional-spring"]
        await h.click(button["value"], channel="C0AGDER")
        await h.settle()
    said = json.dumps([c.body for c in h.standin.calls], ensure_ascii=False)
    assert "Dato fjernet: Regionalt dialogmøte vår 2027" in said
    assert "planned" not in core.store.read("cycle/agder/2027")["milestones"]["regional-spring"]


async def test_a_bekreft_question_carries_its_command_as_a_button(core: Core) -> None:  # noqa: F811
    """Walk 13, W3: replacing a signed text asks, and the button runs the same command with «bekreft»."""
    ready_to_sign(core)
    terminal(core, "ola", "in", "signer IN agder 2027")
    typed = text_command(year=2027, version=2)
    async with running(core) as h:
        asked = (await h.slash(typed, channel="C0AGDER")).json()
        assert problems(asked) == []
        (button,) = _buttons(asked)
        assert button["text"]["text"] == "Registrer den nye teksten"
        await h.click(button["value"], channel="C0AGDER")
        await h.settle()
    said = json.dumps([c.body for c in h.standin.calls], ensure_ascii=False)
    assert "Avtaletekst versjon 2 registrert" in said, said[:2000]
