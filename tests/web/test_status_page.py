"""The status pages: tokens per page kind over HTTP, escaping, and each page in a real browser (headless
Chromium driven by Playwright), one screenshot per page checked for its key content."""

from __future__ import annotations

import io
import os
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from tests.driver import BotDriver, make_bot, oslo, record_all_preconditions, register_text

from .harness import link_in, serving

CHROMIUM = "/usr/bin/chromium"


def cycle_in_progress() -> BotDriver:
    bot = make_bot(at=oslo(2027, 1, 12, 9))
    record_all_preconditions(bot, year=2027)
    assert bot.say("signer agder 2027").ok
    assert bot.say("dato vår 22. april kl 10").ok
    hostile = "<script>alert(1)</script>"
    assert bot.say(f"person {hostile} agder koordinator", as_="admin", channel="agder").ok
    assert bot.say(
        "dato høstmøte 2027 20. oktober kl 10", as_="aud"
    ).ok  # the national meeting it follows is dated first
    assert bot.say("dato høst agder 2027 5. november kl 9", as_=hostile).ok  # their name lands in the history
    return bot


async def test_pages_need_their_own_token_and_escape_what_people_wrote() -> None:
    bot = cycle_in_progress()
    national = link_in(bot.say("oversikt 2027", as_="aud", channel="nasjonal").text, "/status")
    region = link_in(bot.say("status agder 2027").text, "/status/agder")
    region_token = region.split("token=")[1]
    national_token = national.split("token=")[1]
    async with serving(bot.core) as server:
        page = await server.get(national)
        assert page.status == 200 and '<html lang="nb">' in page.text
        assert national.endswith("&aar=2027") and "syklus 2027" in page.text
        assert "default-src 'none'" in page.headers["Content-Security-Policy"]
        assert (await server.get(region)).status == 200
        assert (await server.get(f"/status/agder?token={national_token}")).status == 200  # AU's link opens all
        refused = [
            await server.get(f"/status?token={region_token}"),  # a region's link opens its page only
            await server.get(f"/status/vestland?token={region_token}"),
            await server.get("/status"),
            await server.get("/status?token=x"),
            await server.get(f"/status/atlantis?token={national_token}"),
            await server.get(f"/status/%3Cscript%3E?token={national_token}"),
        ]
        body = (await server.get(region)).text
    assert {a.status for a in refused} == {404} and len({a.body for a in refused}) == 1
    assert "<script>alert(1)</script>" not in body and "&lt;script&gt;alert(1)&lt;/script&gt;" in body


def browser_or_skip() -> object:
    """Playwright's Chromium at /usr/bin/chromium; without it the test skips, or fails under CI."""
    try:
        from playwright.async_api import async_playwright
    except ImportError:  # pragma: no cover - depends on the machine
        async_playwright = None  # type: ignore[assignment]
    if async_playwright is None or not (Path(CHROMIUM).exists() or shutil.which("chromium")):
        if os.environ.get("CI"):
            pytest.fail("CI is set but Chromium/Playwright is missing: install Debian's chromium")
        pytest.skip("no Chromium at /usr/bin/chromium (apt install chromium) or Playwright missing")
    return async_playwright


async def launch_chromium(playwright: Any) -> Any:
    """Chromium as the page tests start it: headless, no sandbox, no background traffic."""
    return await playwright.chromium.launch(
        executable_path=CHROMIUM if Path(CHROMIUM).exists() else shutil.which("chromium"),
        args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
    )


def coloured(png: bytes, colour: tuple[int, int, int]) -> int:
    image = Image.open(io.BytesIO(png)).convert("RGB").resize((200, 600))
    return sum(1 for pixel in image.getdata() if all(abs(a - b) <= 6 for a, b in zip(pixel, colour, strict=True)))


async def test_both_pages_in_a_real_browser_on_a_phone(tmp_path: Path) -> None:
    async_playwright = browser_or_skip()
    bot = cycle_in_progress()
    national = link_in(bot.say("oversikt 2027", as_="aud", channel="nasjonal").text, "/status")
    region = link_in(bot.say("status agder 2027").text, "/status/agder")
    async with serving(bot.core) as server, async_playwright() as playwright:  # type: ignore[operator]
        browser = await launch_chromium(playwright)
        try:
            page = await browser.new_page(viewport={"width": 390, "height": 844}, device_scale_factor=1)
            await page.goto(server.base_url + national)
            assert await page.get_attribute("html", "lang") == "nb"
            assert await page.locator("h1").inner_text() == "Nasjonal oversikt – syklus 2027"
            assert await page.locator("main table").first.locator("tbody tr").count() == 15
            assert await page.locator('th[scope="col"]').count() >= 8
            assert await page.locator("header").count() == 1 and await page.locator("footer").count() == 1
            agder_row = page.locator("tbody tr", has=page.locator("th", has_text="Agder"))
            assert "1/5 signert" in await agder_row.inner_text()
            assert await page.locator("svg[role=img] title").first.text_content() == "Årshjulet 2027 – alle regioner"
            shot = await page.screenshot(path=str(tmp_path / "national.png"), full_page=True)
            assert coloured(shot, (0xC8, 0xEF, 0xE2)) > 0  # «Ferdig» cells are shown (with ✓ and words)
            assert Image.open(io.BytesIO(shot)).size[0] == 390

            await page.locator("a", has_text="Agder").first.click()
            assert await page.locator("h1").inner_text() == "Agder fylkeskommune – syklus 2027"
            signatures = await page.locator("section", has=page.locator("h2#signaturer")).inner_text()
            assert "✓ Signert av Kari Nordmann" in signatures and "○ Ikke signert ennå" in signatures
            history = await page.locator("section", has=page.locator("h2#historikk")).inner_text()
            assert "Signerte samarbeidsavtalen 2027" in history and "<script>alert(1)</script>" in history
            assert await page.locator("text=Planlagt 22.04.2027").count() == 1
            shot = await page.screenshot(path=str(tmp_path / "region.png"), full_page=True)
            assert coloured(shot, (0xCF, 0xE5, 0xF6)) > 0  # the planned meeting's cell
            await page.goto(server.base_url + region)
            assert await page.locator("h1").inner_text() == "Agder fylkeskommune – syklus 2027"
            assert await page.locator("a", has_text="Nasjonal oversikt").count() == 0  # not for a region's link
        finally:
            await browser.close()


async def test_a_new_text_version_shows_who_signed_which_version_and_who_must_sign_again() -> None:
    bot = cycle_in_progress()  # Kari signed version 1 for Agder
    assert bot.say("signer agder 2027", as_="ola").ok
    register_text(bot, year=2027, version=2)
    assert bot.say("signer agder 2027 versjon 2", as_="ola").ok  # IN signs the new text again
    region = link_in(bot.say("status agder 2027").text, "/status/agder")
    async with serving(bot.core) as server:
        body = (await server.get(region)).text
    rows = {
        party: re.sub(r"<[^>]+>", "|", row)
        for party, row in re.findall(r'<tr><th scope="row">([^<]+)</th>(.*?)</tr>', body)
    }
    assert "Avtaletekst: versjon 2 (sha256 000000000000)" in body
    assert rows["Agder fylkeskommune"].startswith("|↻ Signert av Kari Nordmann 12.01.2027 kl. 09.00 (terminal)")
    assert "må signere på nytt||" in rows["Agder fylkeskommune"] and "|1|" in rows["Agder fylkeskommune"]
    assert rows["Innovasjon Norge"].startswith("|✓ Signert av Ola Berg") and "|2|" in rows["Innovasjon Norge"]
    assert "på nytt" not in rows["Innovasjon Norge"]
    assert rows["Siva"] == "|○ Ikke signert ennå||–|"
