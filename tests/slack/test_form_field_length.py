"""A modal's field is held to the typed limit (walk 40): a 20,000-character `sammendrag` submitted by hand is
refused in Norwegian and nothing is stored, as a typed command over 4000 characters is."""

from __future__ import annotations

import json

from bot.core import Core

from .harness import running
from .test_surfaces import core  # noqa: F401  (the fixture)


async def test_a_form_field_over_the_limit_is_refused_and_nothing_is_stored(core: Core) -> None:  # noqa: F811
    async with running(core) as h:
        await h.slash("referat høst 2026", user="U0KARI", channel="C0AGDER")
        (opened,) = await h.standin.wait_for("views.open")
        view = opened.body["view"]
        meta = json.loads(view["private_metadata"])
        refused = await h.submit(meta["command"], {"sammendrag": "x" * 20_000}, blocks=view["blocks"])
        await h.settle()
    said = json.dumps(refused.json(), ensure_ascii=False)
    assert "Feltet sammendrag er for langt (over 4000 tegn), så ingenting er registrert" in said
    assert "regional-autumn" not in (core.store.read("cycle/agder/2026") or {}).get("milestones", {})
