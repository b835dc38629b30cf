"""A region's own sign button names the region once (walk 41: «signer agder agder 2027 versjon 1» read doubled).
It carries «signer for agder 2027 versjon 1»: the coordinator's click signs for Agder, and an adviser's click on
the same button is refused as not theirs, never taken as the adviser's party's signature in Agder."""

from __future__ import annotations

import json

import pytest

from bot.core import Core

from .harness import running
from .test_integration import core, ready_to_sign, terminal  # noqa: F401  (the fixture)


def _buttons(answer: dict) -> list[dict]:
    return [e for b in answer["blocks"] if b["type"] == "actions" for e in b["elements"]]


@pytest.mark.parametrize(("form", "refused"), [("nb", "Bare Agder"), ("nn", "Berre Agder")])
async def test_the_regions_button_names_it_once_and_only_its_people_sign_with_it(
    core: Core,  # noqa: F811
    form: str,
    refused: str,
) -> None:
    ready_to_sign(core)
    terminal(core, "ola", "in", f"målform {form}")
    terminal(core, "kari", "agder", f"målform {form}")
    async with running(core) as h:
        shown = (await h.slash("status agder", user="U0KARI", channel="C0AGDER")).json()
        (value,) = [b["value"] for b in _buttons(shown) if b["value"].startswith("signer")]
        assert value == "signer for agder 2027 versjon 1"
        await h.click(value, user="U0OLA", channel="C0AGDER")  # IN's adviser clicks Agder's button
        await h.settle()
        assert "agder" not in core.state.signatures(region="agder", year=2027)
        assert "IN" not in core.state.signatures(region="agder", year=2027)
        said = json.dumps([c.body for c in h.standin.calls], ensure_ascii=False)
        assert refused in said, said
        await h.click(value, user="U0KARI", channel="C0AGDER")
        await h.settle()
    assert list(core.state.signatures(region="agder", year=2027)) == ["agder"]
