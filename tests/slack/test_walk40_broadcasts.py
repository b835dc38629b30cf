"""Minutes typed in Slack with «@channel», «@here», an e-mail address or «#agder» (walk 40). Slack sends them
as `<!channel>`, `<!here>`, `<mailto:kari@agder.no|kari@agder.no>` and `<#C0AGDER|agder>`; the stored minutes
read «channel here mailto:kari@agder.no C0AGDER», so `referat vis` showed words the person never wrote. They now read as typed, and
nothing the bot posts carries a broadcast mention (no one is pinged by an echo)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from adapters.compose import build_core
from bot.clock import FixedClock
from bot.core import Core

from .harness import running

APP_YAML = Path(__file__).resolve().parents[2] / "app.yaml"


@pytest.fixture
def core(tmp_path: Path) -> Iterator[Core]:
    core = build_core(
        config_path=str(APP_YAML), db_path=str(tmp_path / "db"), clock=FixedClock(datetime(2027, 5, 3, 10))
    )
    yield core
    core.store.close()


async def test_minutes_with_broadcasts_and_an_address_read_back_as_typed(core: Core) -> None:
    typed = (
        "referat vår 2027 Til <!channel> og <!here|here>: spørsmål til <mailto:kari@agder.no|kari@agder.no> "
        "eller <!subteam^S0RAD|@rådgivere> i <#C0AGDER|agder>. bekreft"
    )
    async with running(core) as h:
        written = await h.slash(typed, trigger="w")
        await h.settle()
        shown = await h.slash("referat vis vår agder 2027", trigger="r")
        await h.settle()
        posts = [json.dumps(call.body, ensure_ascii=False) for call in h.standin.calls_to("chat.postMessage")]
    assert written.status == 200 and written.json()["text"].startswith("Referat registrert")
    text = shown.json()["text"]
    assert "Til @channel og @here: spørsmål til kari@agder.no eller @rådgivere i #agder." in text
    assert "mailto:" not in text
    everything = json.dumps([written.json(), shown.json()], ensure_ascii=False) + "".join(posts)
    for ping in ("<!channel", "<!here", "<!everyone", "<!subteam"):
        assert ping not in everything
