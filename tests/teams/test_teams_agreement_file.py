"""A file sent to the bot in a Teams chat with `avtale`: Teams gives a downloadUrl (here a local HTTP
server), the adapter hashes the file, and the core registers it as a version of the agreement text."""

from __future__ import annotations

import hashlib
from datetime import datetime
from pathlib import Path

from aiohttp import web

from adapters.compose import make_core
from bot.agreement.versions import versions
from bot.clock import FixedClock
from bot.core import Core
from bot.model.config import load_config
from storage.memory import MemoryStore
from tests.teams.harness import BotServer, ConnectorStandIn, _start, load_activity

APP_YAML = Path(__file__).resolve().parents[2] / "app.yaml"
KARI = "11111111-0000-0000-0000-000000000001"
DOCX = b"PK\x03\x04 samarbeidsavtale 2027 Agder, endelig tekst" * 40


class FileHost:
    """Plays OneDrive's pre-authenticated download URL."""

    runner: web.AppRunner | None = None
    url = ""

    async def start(self) -> FileHost:
        app = web.Application()
        app.router.add_get("/download/{name}", self._download)
        self.url = await _start(app, self)
        return self

    async def _download(self, request: web.Request) -> web.Response:
        if request.match_info["name"] != "avtale.docx":
            return web.Response(status=404)
        return web.Response(body=DOCX, content_type="application/octet-stream")

    async def stop(self) -> None:
        if self.runner:
            await self.runner.cleanup()


def _core() -> Core:
    return make_core(config=load_config(str(APP_YAML)), store=MemoryStore(), clock=FixedClock(datetime(2027, 1, 12, 9)))


def _file_message(service_url: str, *, download_url: str) -> dict:
    message = load_activity("personal_message", service_url=service_url)
    message["text"] = "avtale agder 2027"
    message["from"] = dict(message["from"], aadObjectId=KARI, name="Kari Nordmann")
    message["attachments"] = [
        {"contentType": "text/html", "content": "<p>avtale agder 2027</p>"},
        {
            "contentType": "application/vnd.microsoft.teams.file.download.info",
            "contentUrl": "https://agderfk.sharepoint.com/personal/kari/Documents/avtale.docx",
            "name": "avtale.docx",
            "content": {
                "downloadUrl": download_url,
                "uniqueId": "1150D938-8870-4044-9F2C-5BBDEBA70C9D",
                "fileType": "docx",
            },
        },
    ]
    return message


def test_a_file_sent_in_a_teams_chat_is_registered_with_its_checksum(run) -> None:
    core = _core()

    async def body() -> None:
        connector, files = await ConnectorStandIn().start(), await FileHost().start()
        server = await BotServer(core=core).start()
        try:
            assert (
                await server.post(_file_message(connector.url, download_url=f"{files.url}/download/avtale.docx")) == 201
            )
            assert "Avtaletekst versjon 1 registrert" in connector.accepted[-1].card["body"][0]["text"]
            # A download link that fails: one Norwegian sentence, nothing recorded.
            broken = _file_message(connector.url, download_url=f"{files.url}/download/borte.docx")
            broken["id"] = "1777882811999"
            assert await server.post(broken) == 201
            assert "Jeg fikk ikke lest filen «avtale.docx»" in str(connector.accepted[-1].activity)
        finally:
            await server.stop()
            await connector.stop()
            await files.stop()

    run(body())
    [version] = versions(core.state, region="agder", year=2027)
    assert version.sha256 == hashlib.sha256(DOCX).hexdigest() and version.size == len(DOCX)
    assert version.link.startswith("https://agderfk.sharepoint.com/") and version.platform == "teams"
