"""The App Home is the viewer's own `neste`: her party's also when she is known through her workspace, and in
her own written form (walk 38 F2), over real Bolt and HTTP on the real core.

The Home was asked as a request with no organisation in an unbound channel, so a person known only through
`koble organisasjon <her workspace> IN` read a stranger's «Neste for hele landet» there (while `hvem` in her
direct message named her IN's), and Vestland's coordinator read his Home in bokmål."""

from __future__ import annotations

import json

import pytest

from bot.core import Core
from bot.messages import Request

from .harness import fixture, running
from .test_integration import core, terminal

__all__ = ["core"]  # the real core on a fresh store, 12 January 2027 (test_integration)

WORKSPACE = "T0SAMHAND"  # the workspace the bot is installed in (the fixtures' team)


async def _home(core: Core, user: str, *, event_id: str) -> str:
    payload = fixture("event_app_mention")
    payload["event_id"] = event_id
    payload["event"] = {"type": "app_home_opened", "user": user, "channel": f"D0{user}", "tab": "home"}
    async with running(core) as h:
        assert (await h.event(payload)).status == 200
        await h.settle()
        (home,) = h.standin.calls_to("views.publish")
    assert home.body["user_id"] == user
    return json.dumps(home.body["view"]["blocks"], ensure_ascii=False)


async def test_a_person_known_through_her_workspace_sees_her_partys_neste_in_the_app_home(core: Core) -> None:
    terminal(core, "admin", "nasjonal", f"koble organisasjon {WORKSPACE} IN")
    blocks = await _home(core, "U0NYHOME", event_id="Ev0W38HOME1")
    assert '"Neste for Innovasjon Norge"' in blocks
    assert "Neste for hele landet" not in blocks
    # The same as her direct message says, asked from her workspace.
    dm = core.handle(
        Request(
            platform="slack",
            user_id="U0NYHOME",
            channel_id="D0U0NYHOME",
            text="neste",
            personal=True,
            organisation=WORKSPACE,
        )
    )
    assert dm.reply.title == "Neste for Innovasjon Norge"


@pytest.mark.parametrize(
    ("user", "title", "form"),
    [
        ("U0PER", "Neste for Vestland fylkeskommune", "for alle kommandoane, i ein kanal eller her i Meldingar-fana"),
        ("U0KARI", "Neste for Agder fylkeskommune", "for alle kommandoene, i en kanal eller her i Meldinger-fanen"),
    ],
)
async def test_the_app_home_is_in_the_viewers_own_written_form(core: Core, user: str, title: str, form: str) -> None:
    blocks = await _home(core, user, event_id=f"Ev0W38{user}")
    assert f'"{title}"' in blocks
    assert form in blocks
    if user == "U0PER":
        assert "Ikkje fullført frå tidlegare syklusar" in blocks and "Ikke fullført" not in blocks
