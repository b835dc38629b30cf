"""Card submits edited by hand, over HTTP to the real adapter and core (walk 30 M1-M3): a form field that is
not text, one longer than the card allows, or a button without a readable command changes nothing and is
answered with one short line saying what was wrong; the sound submit of the same form still records."""

from __future__ import annotations

from typing import Any

import pytest

from bot.messages import Request
from tests.teams.harness import BotServer, ConnectorStandIn, all_actions, card_texts, load_activity
from tests.teams.test_teams_real_core import _core

KARI = "11111111-0000-0000-0000-000000000001"
SHOW = "referat vis handlingsplan agder 2026"


def _submit(data: dict[str, Any], *, inputs: dict[str, Any], activity_id: str, service_url: str) -> dict[str, Any]:
    submit = load_activity("card_submit", service_url=service_url)
    submit["id"] = activity_id
    submit["from"] = dict(submit["from"], aadObjectId=KARI)
    submit["value"] = {**data, **inputs}
    submit.pop("replyToId", None)
    return submit


@pytest.mark.parametrize(
    ("inputs", "command", "words"),
    [
        (
            {"f_sammendrag": {"a": 1}, "f_vedtak": ["Vedtatt 10. januar 2026", "b"], "f_oppfolging": True},
            None,
            "Feltet sammendrag i skjemaet kom fram som noe annet enn tekst, så ingenting er registrert.",
        ),
        (
            {"f_sammendrag": "kort", "f_vedtak": "\n".join(f"Vedtak {n}" for n in range(5000))},
            None,
            "Feltet vedtak er for langt (over 4000 tegn), så ingenting er registrert.",
        ),
        ({"f_sammendrag": "Vedtatt"}, 5, "Knappen kom fram uten en kommando jeg kan lese, så ingenting er gjort."),
        ({"f_sammendrag": "Vedtatt"}, "  ", "Knappen kom fram uten en kommando jeg kan lese, så ingenting er gjort."),
    ],
)
def test_a_hand_edited_form_submit_changes_nothing_and_says_what_was_wrong(
    run, inputs: dict[str, Any], command: object, words: str
) -> None:
    core = _core()

    async def body() -> tuple[list[str], str, int]:
        connector = await ConnectorStandIn().start()
        server = await BotServer(core=core).start()
        try:
            ask = load_activity("channel_message_mention", service_url=connector.url)
            ask["text"] = "<at>Samhandling</at> referat handlingsplan agder 2026"
            ask["attachments"] = []
            assert await server.post(ask) == 201
            data = all_actions(connector.accepted[-1].card)[0]["data"]
            if command is not None:
                data["samhandling"]["command"] = command
            posted = len(connector.accepted)
            edited = _submit(data, inputs=inputs, activity_id="f:edited", service_url=connector.url)
            assert await server.post(edited) == 201
            refused = connector.accepted[posted:]
            sound = _submit(
                data | {"samhandling": dict(data["samhandling"], command="referat handlingsplan agder 2026")},
                inputs={"f_sammendrag": "Planen vedtatt", "f_vedtak": "Vedtatt i fylkestinget"},
                activity_id="f:sound",
                service_url=connector.url,
            )
            shown_before = core.handle(Request(platform="terminal", user_id="kari", channel_id="cli", text=SHOW))
            assert await server.post(sound) == 201
            return [" ".join(card_texts(p.card)) for p in refused], shown_before.reply.text, len(refused)
        finally:
            await server.stop()
            await connector.stop()

    replies, shown_before, count = run(body())
    assert count == 1
    assert words in replies[0] and "Ikke registrert" in replies[0]
    assert "Det er ikke registrert noe referat" in shown_before  # nothing recorded by the edited submit
    shown = core.handle(Request(platform="terminal", user_id="kari", channel_id="cli", text=SHOW)).reply
    assert "Planen vedtatt" in shown.text or any("Planen vedtatt" in (s.text or "") for s in shown.sections)


def test_a_nynorsk_person_is_told_in_nynorsk_and_a_hand_written_field_name_is_not_repeated(run) -> None:
    core = _core()
    assert core.handle(Request(platform="terminal", user_id="kari", channel_id="cli", text="målform nynorsk")).reply.ok

    async def body() -> str:
        connector = await ConnectorStandIn().start()
        server = await BotServer(core=core).start()
        try:
            data = {"samhandling": {"command": "referat handlingsplan agder 2026", "kind": "form", "submit_id": "s1"}}
            edited = _submit(
                data,
                inputs={"f_[klikk](https://evil.example)": {"x": 1}},
                activity_id="f:nn",
                service_url=connector.url,
            )
            assert await server.post(edited) == 201
            return " ".join(card_texts(connector.accepted[-1].card))
        finally:
            await server.stop()
            await connector.stop()

    said = run(body())
    assert "Feltet ? i skjemaet kom fram som noko anna enn tekst, så ingenting er registrert." in said
    assert "evil" not in said
