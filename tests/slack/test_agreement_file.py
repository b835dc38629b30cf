"""A file shared with `@Samhandlingsbot avtale` in Slack: downloaded with the bot token from the stand-in's
url_private, hashed, and registered as a version of the agreement text on the real core."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from adapters.compose import build_core
from bot.agreement.versions import versions
from bot.clock import FixedClock
from bot.core import Core

from .harness import BOT_TOKEN, fixture, running
from .standin import SlackStandIn

APP_YAML = Path(__file__).resolve().parents[2] / "app.yaml"
PDF = b"%PDF-1.7 samarbeidsavtale Agder 2027, versjon fra fylkestinget\n" * 50


@pytest.fixture
def core(tmp_path: Path) -> Iterator[Core]:
    core = build_core(
        config_path=str(APP_YAML), db_path=str(tmp_path / "db"), clock=FixedClock(datetime(2027, 1, 12, 10))
    )
    yield core
    core.store.close()


def mention_with_file(text: str, shared: dict, *, event_id: str = "Ev0AVTALE1") -> dict:
    payload = fixture("event_app_mention")
    payload["event_id"] = event_id
    payload["event"].update(user="U0KARI", channel="C0AGDER", text=f"<@U0SAMBOT> {text}", files=[shared])
    return payload


async def test_a_file_shared_in_slack_is_registered_with_its_checksum(core: Core) -> None:
    standin = await SlackStandIn().start()
    shared = standin.add_file("samarbeidsavtale-2027.pdf", PDF, token=BOT_TOKEN)
    async with running(core, standin=standin) as h:
        answer = await h.event(mention_with_file("avtale", shared))
        await h.settle()
        posted = h.standin.calls_to("chat.postMessage")
        downloads = h.standin.calls_to("file:samarbeidsavtale-2027.pdf")
    assert answer.status == 200
    assert downloads and downloads[0].headers["Authorization"] == f"Bearer {BOT_TOKEN}"
    [version] = versions(core.state, region="agder", year=2027)
    assert version.sha256 == hashlib.sha256(PDF).hexdigest() and version.size == len(PDF)
    assert version.link == shared["permalink"] and version.platform == "slack"
    assert version.file_name == "samarbeidsavtale-2027.pdf"
    assert any("Avtaletekst versjon 1 registrert" in call.body.get("text", "") for call in posted)


async def test_a_file_the_bot_cannot_read_records_nothing(core: Core) -> None:
    standin = await SlackStandIn().start()
    shared = standin.add_file("avtale.pdf", PDF, token="xoxb-another-token")  # Slack answers a sign-in page
    async with running(core, standin=standin) as h:
        await h.event(mention_with_file("avtale https://dok.fylke.no/avtale.pdf", shared))
        await h.settle()
        ephemerals = h.standin.calls_to("chat.postEphemeral")
    assert versions(core.state, region="agder", year=2027) == []
    assert "Jeg fikk ikke lest filen «avtale.pdf»" in ephemerals[-1].body["text"]


async def test_the_token_never_goes_to_a_host_that_is_not_slack(core: Core) -> None:
    standin = await SlackStandIn().start()
    shared = standin.add_file("avtale.pdf", PDF, token=BOT_TOKEN)
    shared["url_private"] = shared["url_private_download"] = "https://evil.example/steal"
    async with running(core, standin=standin) as h:
        await h.event(mention_with_file("avtale", shared))
        await h.settle()
    assert versions(core.state, region="agder", year=2027) == []


async def test_a_slack_file_linked_in_the_slash_command_is_read_through_files_info(core: Core) -> None:
    standin = await SlackStandIn().start()
    shared = standin.add_file("avtale-endelig.pdf", PDF, token=BOT_TOKEN)
    async with running(core, standin=standin) as h:
        answer = await h.slash(f"avtale agder 2027 {shared['permalink']}", user="U0KARI", channel="C0AGDER")
        await h.settle()
        info = h.standin.calls_to("files.info")
        responses = h.standin.calls_to("response_url:cmd")
    assert answer.status == 200 and info[0].body["file"] == shared["id"]
    [version] = versions(core.state, region="agder", year=2027)
    assert version.sha256 == hashlib.sha256(PDF).hexdigest() and version.link == shared["permalink"]
    assert responses[-1].body["response_type"] == "in_channel"
    assert "Avtaletekst versjon 1 registrert" in responses[-1].body["text"]
