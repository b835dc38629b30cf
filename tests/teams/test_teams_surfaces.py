"""What people met on Teams in the year walk (issue 18, «Surfaces»): each driven as a Teams activity over
HTTP through the real SDK against the connector stand-in, on the real core and the demo app.yaml."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from adapters.compose import make_core
from bot.clock import FixedClock
from bot.core import Core
from bot.messages import Request
from bot.model.config import load_config
from storage.memory import MemoryStore
from tests.driver import text_command
from tests.teams.harness import BotServer, ConnectorStandIn, card_texts, load_activity

APP_YAML = Path(__file__).resolve().parents[2] / "app.yaml"
KARI = "11111111-0000-0000-0000-000000000001"


def make(
    *,
    at: datetime = datetime(2026, 1, 12, 9, 0),
    setup: tuple[tuple[str, str], ...] = (),
    public_url: str | None = None,
) -> Core:
    config = load_config(str(APP_YAML))
    core = make_core(config=config, store=MemoryStore(), clock=FixedClock(at), public_url=public_url)
    for user, text in setup:
        outcome = core.handle(Request(platform="terminal", user_id=user, channel_id="cli", text=text))
        assert outcome.reply.ok, outcome.reply.text
    return core


def _log(core: Core) -> str:
    return core.handle(
        Request(platform="terminal", user_id="kari", channel_id="cli", text="logg agder 2026")
    ).reply.text


Say = Callable[..., Awaitable[dict[str, Any]]]


def on_teams(core: Core, body: Callable[[Say], Awaitable[None]]) -> Callable[[], Awaitable[None]]:
    """A scenario: `say(text, personal=False)` posts what a person types in Agder's channel (with the
    @mention) or in a personal chat, and returns the card the bot answered with."""

    async def scenario() -> None:
        connector = await ConnectorStandIn().start()
        server = await BotServer(core=core).start()
        count = 0

        async def say(
            text: str, *, personal: bool = False, value: dict[str, Any] | None = None, channel: str | None = None
        ) -> dict[str, Any]:
            nonlocal count
            count += 1
            if value is not None:
                activity = load_activity("card_submit", service_url=connector.url)
                activity["value"] = value
                activity["from"] = dict(activity["from"], aadObjectId=KARI)
                activity.pop("replyToId", None)
            elif personal:
                activity = load_activity("personal_message", service_url=connector.url)
                activity["text"] = text
                activity["from"] = dict(activity["from"], aadObjectId=KARI)
            else:
                activity = load_activity("channel_message_mention", service_url=connector.url)
                activity["text"] = f"<at>Samhandling</at> {text}"
            if channel is not None:
                activity["conversation"] = dict(activity["conversation"], id=f"{channel};messageid=1")
                activity["channelData"] = dict(activity["channelData"], channel={"id": channel}, team={"id": channel})
            activity["id"] = f"walk-{count}"
            before = len(connector.accepted)
            assert await server.post(activity) in (200, 201)
            assert len(connector.accepted) > before, "the bot answered nothing"
            card = connector.accepted[-1].card
            assert card is not None
            return card

        try:
            await body(say)
        finally:
            await server.stop()
            await connector.stop()

    return scenario


def test_placeholders_in_angle_brackets_are_written_so_teams_shows_them(run) -> None:
    async def body(say: Say) -> None:
        shown = json.dumps((await say("hjelp koble"))["body"], ensure_ascii=False)
        assert "koble region &lt;navn&gt;" in shown, shown
        assert "<navn>" not in shown
        shown = json.dumps((await say("hjelp"))["body"], ensure_ascii=False)
        assert "hjelp &lt;kommando&gt;" in shown and "<" not in shown

    run(on_teams(make(), body)())


def test_a_receipt_hash_copied_from_teams_is_the_hash(run) -> None:
    core = make(setup=(("kari", text_command(year=2026)),))
    receipt = core.handle(Request(platform="terminal", user_id="kari", channel_id="cli", text="kvittering agder 2026"))
    hashes = [
        line.split(": ", 1)[1] for line in receipt.reply.text.splitlines() if "SHA-256:" in line or "hash:" in line
    ]
    assert len(hashes) == 2 and all(len(h) == 64 for h in hashes)

    async def body(say: Say) -> None:
        card = await say("kvittering agder 2026", personal=True)
        wire = json.dumps(card, ensure_ascii=False)
        assert "\u200b" not in wire
        for sha in hashes:
            assert sha in wire

    run(on_teams(core, body)())


def test_an_empty_form_is_refused_saying_what_is_missing(run) -> None:
    core = make(at=datetime(2026, 5, 20, 12, 0), setup=(("kari", "dato vår agder 2026 12.05.2026 kl 10"),))
    before = _log(core)

    async def body(say: Say) -> None:
        form = await say("referat vår agder 2026")
        assert any(element["type"] == "Input.Text" for element in form["body"])
        (save,) = form["actions"]
        # Teams leaves untouched inputs out of the submit's value: only the action's own data comes back.
        answer = await say("", value=dict(save["data"]))
        assert answer["body"][0]["color"] == "Attention"
        assert "Fyll inn minst et sammendrag eller en lenke" in answer["fallbackText"]

    run(on_teams(core, body)())
    assert _log(core) == before  # nothing was recorded


def test_a_milestone_name_in_a_reply_is_not_written_as_a_command(run) -> None:
    async def body(say: Say) -> None:
        card = await say("signer")
        assert "Vinduet for «Signering av samarbeidsavtalen» er ikke åpent" in card["fallbackText"]
        assert "«@Samhandling signer 2027»" in card["fallbackText"]

    run(on_teams(make(at=datetime(2026, 12, 7, 9, 0)), body)())


def test_a_personal_chat_is_not_an_unbound_channel_and_keeps_the_page_link(run) -> None:
    async def body(say: Say) -> None:
        card = await say("status", personal=True)
        assert card["body"][0]["text"].startswith("Status Agder fylkeskommune")
        assert "ikke koblet" not in json.dumps(card, ensure_ascii=False)
        assert "Statussiden: " in card["body"][-1]["text"]

    run(on_teams(make(at=datetime(2026, 12, 7, 9, 0)), body)())


def test_an_unbound_channel_gets_the_note_beside_the_page_link(run) -> None:
    core = make(at=datetime(2026, 12, 7, 9, 0))

    async def body(say: Say) -> None:
        card = await say("status agder", channel="19:nowhere@thread.tacv2")
        context = card["body"][-1]["text"]
        assert "Statussiden: " in context and "ikke koblet" in context

    run(on_teams(core, body)())


def test_the_calendar_address_is_shown_whole_to_copy(run) -> None:
    core = make(at=datetime(2026, 12, 7, 9, 0), public_url="https://samhandling.agderfk.no")

    async def body(say: Say) -> None:
        card = await say("kalender", personal=True)
        (url,) = [word for word in card["fallbackText"].split() if word.startswith("https://")]
        assert url.startswith("https://samhandling.agderfk.no/kalender/agder.ics?token=")
        assert url in card_texts(card)  # a TextBlock of its own, the whole address as the text

    run(on_teams(core, body)())


def test_a_read_or_a_bare_setting_is_not_titled_as_a_failed_registration(run) -> None:
    async def body(say: Say) -> None:
        assert (await say("oversikt side 2", personal=True))["body"][0]["text"] == "Ikke vist"
        assert (await say("målform", personal=True))["body"][0]["text"] == "Hjelp: målform"

    run(on_teams(make(at=datetime(2026, 12, 7, 9, 0)), body)())


def test_long_minutes_cut_on_teams_point_to_where_they_are_read_whole(run) -> None:
    words = " ".join(f"Punkt {i}: drøftet havbruk, kompetanse og grønn omstilling i regionen." for i in range(52))
    assert len(words) < 4000
    setup = tuple(
        ("kari", f"referat {meeting} agder 2027 {words} bekreft")
        for meeting in ("vår", "høst", "politisk", "handlingsplan")
    )
    core = make(at=datetime(2027, 12, 15, 9, 0), setup=setup)

    async def body(say: Say) -> None:
        status = card_texts(await say("status agder 2027"))
        assert status[-1].startswith("Svaret er forkortet for Teams. Se hele: «@Samhandling status agder 2027»")
        pointer = status[-1].split("Hele teksten: «@Samhandling ", 1)[1].rstrip("»")
        assert pointer.startswith("referat vis ") and pointer.endswith(" agder 2027")
        whole = card_texts(await say(pointer))
        assert any(text.replace("\\", "") == words for text in whole)

    run(on_teams(core, body)())
