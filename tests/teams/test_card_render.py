"""Every card the bot sends in Teams, rendered by Microsoft's `adaptivecards` renderer (npm) with the Teams
light host config and markdown-it, in headless Chromium at 320 px (a phone) and 450 px (a chat pane).
Fails on horizontal overflow, cut text or a cut button label, and on a card over the connector's limit.

Needs ``npm ci`` in tests/teams/render (scripts/test does it) and Debian's chromium. Without either the test
skips with the reason; with CI set it fails instead. Set SAMHANDLING_CARD_SHOTS=<dir> to keep a PNG per
card and width (the render test writes them on failure anyway, into pytest's tmp_path).
"""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from adapters.teams.fit import MAX_ACTIVITY_BYTES, activity_bytes
from tests.teams.card_catalogue import collect

RENDER = Path(__file__).resolve().parent / "render"
CHROMIUM = os.environ.get("SAMHANDLING_CHROMIUM", "/usr/bin/chromium")
WIDTHS = (320, 450)
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def _unavailable(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"CI is set and the card render test cannot run: {reason}")
    pytest.skip(reason)


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:60]


def test_every_card_reads_well_at_320_and_450_px(tmp_path: Path) -> None:
    if not (RENDER / "node_modules" / "adaptivecards" / "dist" / "adaptivecards.min.js").exists():
        _unavailable("tests/teams/render/node_modules is missing: run `npm ci` there (scripts/test does)")
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        _unavailable(f"no chromium at {CHROMIUM} (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("Python Playwright is not installed")

    cards = collect()
    assert len(cards) >= 40
    too_big = [name for name, card in cards if activity_bytes(card) > MAX_ACTIVITY_BYTES]
    assert too_big == []

    shots = Path(os.environ["SAMHANDLING_CARD_SHOTS"]) if os.environ.get("SAMHANDLING_CARD_SHOTS") else None
    host_config = json.loads((RENDER / "teams-light.hostconfig.json").read_text(encoding="utf-8"))
    failures: list[str] = []
    with sync_playwright() as playwright:
        try:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        except Exception as error:  # a browser that cannot start is the same as none
            _unavailable(f"chromium did not start: {error}")
        page = browser.new_page(viewport={"width": 480, "height": 800})
        page.goto((RENDER / "render.html").as_uri())
        page.evaluate("config => window.setHostConfig(config)", host_config)
        # The detector itself: the cards of the issue (five sign buttons in one row, a long link in a
        # value) must be caught, or a pass would mean nothing.
        bad = {
            "type": "AdaptiveCard",
            "version": "1.4",
            "body": [
                {"type": "FactSet", "facts": [{"title": "Lenke", "value": "https://example.no/" + "a" * 120}]},
                {"type": "TextBlock", "text": "Regionalt dialogmøte vår 2026 – referat og vedtak", "wrap": False},
            ],
            "actions": [
                {"type": "Action.Submit", "title": f"Signer for {party}"}
                for party in ("agder", "IN", "SIVA", "NFR", "RFF")
            ],
        }
        caught = page.evaluate("([card, width]) => window.renderCard(card, width)", [bad, 320])["problems"]
        assert any("button label cut" in problem for problem in caught), caught
        assert any("wider" in problem or "sticks out" in problem for problem in caught), caught
        assert any("clipped" in problem or "text cut" in problem for problem in caught), caught
        for name, card in cards:
            for width in WIDTHS:
                result: dict[str, Any] = page.evaluate(
                    "([card, width]) => window.renderCard(card, width)", [card, width]
                )
                problems = result["problems"] + [f"schema: {e}" for e in result["errors"]]
                target = shots or (tmp_path if problems else None)
                if target is not None:
                    target.mkdir(parents=True, exist_ok=True)
                    page.locator("#frame").screenshot(path=str(target / f"{_slug(name)}-{width}.png"))
                failures.extend(f"{name} @ {width}px: {problem}" for problem in problems)
        browser.close()
    assert failures == [], "\n".join(failures[:40])
