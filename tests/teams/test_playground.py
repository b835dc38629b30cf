"""A scripted click-through in Microsoft 365 Agents Playground (npm ``@microsoft/m365agentsplayground``: a
local Teams-like client that talks to ``/api/messages`` and renders the cards), driven with Playwright in
headless Chromium: Agder's coordinator, in a channel bound to Agder, sees a join request from a person of
another tenant as Teams would show it, and lets her in with one click on «Slipp inn».

Needs ``npm ci`` in tests/teams/playground (scripts/test does it) and Debian's chromium. Without either the
test skips with the reason; with CI set it fails instead.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import socket
import subprocess
from pathlib import Path

import pytest

from bot.core import Core
from bot.messages import Request
from tests.teams.harness import BotServer
from tests.teams.test_teams_real_core import _core

PLAYGROUND = Path(__file__).resolve().parent / "playground"
CLI = PLAYGROUND / "node_modules" / "@microsoft" / "m365agentsplayground" / "cli.js"
CHROMIUM = os.environ.get("SAMHANDLING_CHROMIUM", "/usr/bin/chromium")
CHANNEL = "channel-announcements-id"
"""The playground's team channel (its configuration, .m365agentsplayground.yml)."""
ADMIN = "11111111-0000-0000-0000-000000000009"
EVA = "7c2d4e6f-0000-4000-8000-0000000e0a01"
OTHER_TENANT = "a0b1c2d3-0000-4000-8000-0000000f0001"


def _unavailable(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"CI is set and the playground test cannot run: {reason}")
    pytest.skip(reason)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def _listening(port: int, *, seconds: float = 30.0) -> None:
    for _ in range(int(seconds / 0.2)):
        try:
            socket.create_connection(("localhost", port), timeout=0.2).close()
            return
        except OSError:
            await asyncio.sleep(0.2)
    raise AssertionError(f"the playground did not listen on {port}")


def test_a_coordinator_lets_a_person_in_with_one_click_in_the_playground(run, tmp_path: Path) -> None:
    if not CLI.exists():
        _unavailable("tests/teams/playground/node_modules is missing: run `npm ci` there (scripts/test does)")
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)) or not shutil.which("node"):
        _unavailable(f"no chromium at {CHROMIUM}, or no node")
    try:
        from playwright.async_api import async_playwright
    except ImportError:
        _unavailable("Python Playwright is not installed")
    core: Core = _core()
    bound = core.handle(Request(platform="teams", user_id=ADMIN, channel_id=CHANNEL, text="koble region agder"))
    assert bound.reply.ok, bound.reply.text

    async def body() -> list[str]:
        server = await BotServer(core=core).start()
        assert server.runtime is not None
        port = _free_port()
        log = (tmp_path / "playground.log").open("w")
        playground = subprocess.Popen(
            ["node", str(CLI), "-e", f"{server.url}/api/messages", "-c", "msteams", "-p", str(port), "--dt"],
            cwd=PLAYGROUND,  # its configuration: Kari Nordmann, Agder's coordinator, in the host tenant
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            await _listening(port)
            async with async_playwright() as playwright:
                try:
                    browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
                except Exception as error:  # a browser that cannot start is the same as none
                    _unavailable(f"chromium did not start: {error}")
                page = await browser.new_page(viewport={"width": 1300, "height": 900})
                await page.goto(f"http://localhost:{port}/")
                await page.get_by_text("Announcements").click()
                # Kari speaks in the channel first (an @mention, as Teams needs in a channel), so the bot
                # knows the conversation, as it does once it has been added.
                await page.get_by_role("textbox").first.click()
                await page.keyboard.type("@Samh")
                await page.get_by_role("menuitem", name="Samhandling").click()
                await page.keyboard.type(" hvem agder")
                await page.get_by_role("button", name="Post").click()
                await page.get_by_text("Hvem er med for Agder fylkeskommune").first.wait_for(timeout=20000)
                # Eva, from another tenant, asks in the same channel (her own client is not scripted here).
                asked = core.handle(
                    Request(
                        platform="teams",
                        user_id=EVA,
                        user_name="Eva Rådgiver",
                        channel_id=CHANNEL,
                        text="bli med agder",
                        organisation=OTHER_TENANT,
                        external=True,
                    )
                )
                await server.runtime.sender.send(channel_id=CHANNEL, reply=asked.reply)
                await page.get_by_text("Eva Rådgiver vil bli med for Agder fylkeskommune").first.wait_for(timeout=20000)
                buttons = [await b.inner_text() for b in await page.get_by_role("button").all()]
                await page.get_by_role("button", name="Slipp inn").last.click()
                await page.get_by_text("Eva Rådgiver er med for Agder fylkeskommune").first.wait_for(timeout=20000)
                await page.screenshot(path=str(tmp_path / "playground.png"))
                await browser.close()
                return buttons
        finally:
            playground.terminate()
            playground.wait(timeout=10)
            log.close()
            await server.stop()

    buttons = run(body())
    assert "Slipp inn" in buttons and "Avslå" in buttons
    eva = core.directory.caller(platform="teams", user_id=EVA, organisation=OTHER_TENANT)
    assert (eva.party, eva.role) == ("agder", "adviser")
    log = core.handle(Request(platform="terminal", user_id="kari", channel_id="agder", text="logg agder"))
    assert "Kari Nordmann slapp inn Eva Rådgiver som rådgiver for Agder" in log.reply.text
