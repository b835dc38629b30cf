"""The real core with the repo's app.yaml (demo data) behind real Bolt: one shared state with the terminal."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from adapters.compose import build_core
from bot.clock import FixedClock
from bot.core import Core
from bot.messages import Request
from bot.reminders.passes import run_pass
from tests.driver import text_command

from .fake_core import RecordingSender
from .harness import running

APP_YAML = Path(__file__).resolve().parents[2] / "app.yaml"


@pytest.fixture
def core(tmp_path: Path) -> Iterator[Core]:
    core = build_core(
        config_path=str(APP_YAML), db_path=str(tmp_path / "db"), clock=FixedClock(datetime(2027, 1, 12, 10))
    )
    yield core
    core.store.close()


def terminal(core: Core, user: str, channel: str, text: str) -> str:
    outcome = core.handle(Request(platform="terminal", user_id=user, channel_id=channel, text=text))
    assert outcome.reply.ok, outcome.reply.text
    return outcome.reply.text


def ready_to_sign(core: Core) -> None:
    """The text, the preconditions and the political treatment of agreement 2027 for Agder, in the terminal."""
    terminal(core, "kari", "agder", text_command(year=2027))
    terminal(core, "aud", "nasjonal", "forutsetning statsbudsjett")
    terminal(core, "kari", "agder", "forutsetning budsjett")
    for user, channel in (("ola", "in"), ("siri", "siva"), ("nils", "nfr"), ("rita", "rff")):
        terminal(core, user, channel, "forutsetning tildelingsbrev")
    terminal(core, "aud", "nasjonal", "referat høst 2026 Høstmøtet holdt")  # the model's order: the autumn
    terminal(core, "kari", "agder", "referat høst 2026 Forslag til ny avtale")  # meetings come first
    terminal(core, "kari", "agder", "referat draft-political Vedtatt i fylkestinget.")


async def test_a_signature_made_in_slack_shows_in_the_terminal(core: Core) -> None:
    ready_to_sign(core)
    before = terminal(core, "kari", "agder", "status agder")
    async with running(core) as h:
        answer = await h.slash("signer", user="U0KARI", channel="C0AGDER")
        await h.settle()
    body = answer.json()
    assert body["response_type"] == "in_channel"
    assert body["blocks"][0]["text"]["text"] == "Signert for Agder fylkeskommune"
    assert "Mangler signatur: Agder, Innovasjon Norge, Siva, Norges forskningsråd, Regionale forskningsfond" in before
    after = terminal(core, "kari", "agder", "status agder")
    assert "Mangler signatur: Innovasjon Norge, Siva, Norges forskningsråd, Regionale forskningsfond" in after
    assert "Kari Nordmann (Slack): Signerte samarbeidsavtalen 2027" in terminal(core, "kari", "agder", "logg agder")


async def test_double_clicked_sign_button_records_one_signature(core: Core) -> None:
    ready_to_sign(core)
    async with running(core) as h:
        shown = (await h.slash("status agder", user="U0KARI", channel="C0AGDER")).json()
        buttons = [e for b in shown["blocks"] if b["type"] == "actions" for e in b["elements"]]
        value = next(b["value"] for b in buttons if b["value"].startswith("signer for agder"))
        await h.click(value, user="U0KARI", channel="C0AGDER")
        await h.click(value, user="U0KARI", channel="C0AGDER")
        await h.settle()
        answers = [c.body for c in h.standin.calls if c.method.startswith("response_url:")]
    assert shown["response_type"] == "ephemeral"
    # the clicked (ephemeral) status is replaced, and the channel is told once; the second click is ignored
    assert [(a["blocks"][0]["text"]["text"], a["replace_original"]) for a in answers] == [
        ("Signert for Agder fylkeskommune", True),
        ("Signert for Agder fylkeskommune", False),
    ]
    log = terminal(core, "kari", "agder", "logg agder")
    assert log.count("Signerte samarbeidsavtalen 2027") == 1


async def test_minutes_form_in_slack_lands_in_the_shared_state(core: Core) -> None:
    teams = RecordingSender("teams")
    terminal(core, "aud", "nasjonal", "referat vår 2027 Vårmøtet holdt")  # the regional one follows it
    async with running(core, extra_senders={"teams": teams}) as h:
        await h.slash("referat regional-spring", user="U0KARI", channel="C0AGDER")
        (opened,) = await h.standin.wait_for("views.open")
        view = opened.body["view"]
        fields = [b["block_id"] for b in view["blocks"] if b["type"] == "input"]
        meta = view["private_metadata"]
        command = json.loads(meta)["command"]
        submitted = await h.submit(command, {fields[0]: "Gjennomgang av avtale 2027.\nBra oppmøte."}, view_id="V1")
        await h.settle()
        posts = h.standin.calls_to("chat.postMessage")
    assert submitted.status == 200 and submitted.text == ""
    assert "C0AGDER" in [p.body["channel"] for p in posts]  # the recorded minutes, shown in the channel
    assert "Gjennomgang av avtale 2027." in terminal(core, "kari", "agder", "status agder")


async def test_binding_a_new_channel_and_a_mentioned_person_from_slack(core: Core) -> None:
    async with running(core) as h:
        bound = (await h.slash("koble region vestfold", user="U0ADMIN", channel="C0NYKANAL")).json()
        person = (await h.slash("person <@U0NINA|nina> agder koordinator", user="U0ADMIN", channel="C0AGDER")).json()
        nina = (await h.slash("neste", user="U0NINA", channel="C0AGDER")).json()
        await h.settle()
    assert bound["response_type"] == "in_channel"
    assert "Vestfold" in str(bound["blocks"])
    # the mention gave the unknown user's id; the reply names her as Slack showed her, not by the id
    assert "nina er nå koordinator for Agder" in str(person["blocks"]) and "U0NINA" not in str(person["blocks"])
    assert nina["blocks"][0]["text"]["text"] == "Neste for Agder fylkeskommune"


async def test_an_outage_during_a_reminder_pass_delays_and_never_doubles(core: Core) -> None:
    core.clock.set(datetime(2027, 1, 12, 9, 0))  # type: ignore[attr-defined]
    async with running(core) as h:
        senders = {"slack": h.senders["slack"]}
        h.standin.down = True
        during = await run_pass(core=core, senders=senders)
        failed_calls = len(h.standin.calls_to("chat.postMessage"))
        h.standin.down = False
        after = await run_pass(core=core, senders=senders)
        again = await run_pass(core=core, senders=senders)
        delivered = h.standin.calls_to("chat.postMessage")[failed_calls:]
    assert during.sent == 0 and during.failed > 0 and failed_calls > during.failed  # each one was retried
    assert after.failed == 0 and after.sent == during.failed
    assert again.sent == 0 and again.failed == 0
    assert len(delivered) == after.messages  # one digest per channel carries its reminders
    per_post = Counter((p.body["channel"], p.body["text"]) for p in delivered)
    assert max(per_post.values()) == 1  # no reminder posted twice
