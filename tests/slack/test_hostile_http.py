"""From outside the process, as Slack does: signed slash commands over HTTP to the real server and core
(the repo's app.yaml, a TinyDB store) carrying the nastiest inputs. Each is answered 200 with a short
reply, never «Noe gikk galt», and a refusal leaves the store as it was."""

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
NASTY = [
    "dato høst 12. november kl 10 GMT+25",
    "logg agder 2027 side ²",
    "forutsetning budsjett vedtatt " + "ø" * 3000,
    "referat vis høst agder tidligere <!channel> <@U0NOBODY> *fet* <script>x</script>",
    "dato høst \u202e١٢.١١ kl 24:00 \u200b😀",
    "referat høst Godt. oppfølging: a @Innovasjon Norge innen innen uke 0; b <@U0OLA> senest 31.02",
    "'; DROP TABLE state; -- \x00",
]


@pytest.fixture
def core(tmp_path: Path) -> Iterator[Core]:
    core = build_core(
        config_path=str(APP_YAML), db_path=str(tmp_path / "db"), clock=FixedClock(datetime(2026, 11, 2, 10))
    )
    yield core
    core.store.close()


def _stored(core: Core) -> str:
    return json.dumps({name: core.store.read(name) for name in core.store.partitions("")}, sort_keys=True, default=str)


async def test_nasty_slash_commands_over_http_are_answered_and_change_nothing(core: Core) -> None:
    async with running(core) as h:
        await h.slash("neste", trigger="t-met")  # the person met (`bot.model.met` keeps it): bookkeeping, before
        await h.settle()
        for number, text in enumerate(NASTY):
            before = _stored(core)
            answer = await h.slash(text, trigger=f"t{number}")
            await h.settle()
            assert answer.status == 200, text
            posts = [json.dumps(call.body, ensure_ascii=False) for call in h.standin.calls_to("chat.postMessage")]
            shown = json.dumps(answer.json(), ensure_ascii=False) + "".join(posts)
            assert "Jeg " in shown or "Eg " in shown or "Administrativt" in shown, shown[:300]
            assert "Noe gikk galt" not in shown and "Traceback" not in shown, text
            assert "ø" * 100 not in shown
            assert _stored(core) == before, f"{text[:60]!r} changed the store"


async def test_a_command_while_slack_cannot_say_who_the_bot_is_gets_a_short_norwegian_answer(core: Core) -> None:
    """Bolt asks Slack's auth.test before the first request it serves: with Slack's Web API down then
    (a restart during a Slack incident), the person got Bolt's English «please reinstall this app»."""
    async with running(core) as h:
        h.standin.down = True
        before = _stored(core)
        answer = await h.slash("forutsetning budsjett agder 2027", trigger="down")
        await h.settle()
        assert answer.status == 200
        assert answer.text == "Slack svarer ikke akkurat nå, så kommandoen ble ikke utført. Prøv igjen om litt."
        assert _stored(core) == before
        h.standin.down = False  # Slack back: the same command runs
        again = await h.slash("forutsetning budsjett agder 2027", trigger="up")
        await h.settle()
        assert again.status == 200 and again.json()["text"].startswith("Registrert")


async def test_a_refused_form_whose_blocks_came_back_misshapen_is_answered(core: Core) -> None:
    """The view a form submission carries back is read to key the refusal to an input; a block that is no
    object, or an input whose id or label is no text, was an AttributeError and a 500 (bench.faults_fuzz)."""
    async with running(core) as h:
        blocks = [None, {"type": "input", "block_id": 1}, {"type": "input", "block_id": "tekst", "label": "x"}]
        answer = await h.submit("referat høst agder 2026", {"tekst": ""}, blocks=blocks)  # type: ignore[list-item]
        await h.settle()
    assert answer.status == 200
