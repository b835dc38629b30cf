"""Make the two pictures the README shows: the wheel (docs/wheel.png) and the status page on a phone
(docs/status.png), from a demo cycle in memory. Run: .venv/bin/python scripts/docs_pictures.py"""

from __future__ import annotations

import asyncio
import io
import sys
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from adapters.web.wheel_png import render_png  # noqa: E402
from bot.shown.wheel_picture import build_picture  # noqa: E402
from tests.driver import BotDriver, make_bot, oslo, record_all_preconditions  # noqa: E402
from tests.web.harness import link_in, serving  # noqa: E402


def demo() -> BotDriver:
    bot = make_bot(at=oslo(2027, 1, 12, 9))
    record_all_preconditions(bot, year=2027)
    for person in ("kari", "ola", "siri"):
        bot.say("signer agder 2027", as_=person)
    bot.say("oppdrag IN sendt")
    bot.say("dato vår 22. april kl 10")
    bot.set_time(2027, 2, 15, 9)
    return bot


def small(png: bytes, path: Path, colours: int = 64) -> None:
    """A palette PNG: a fraction of the size, the same look."""
    image = Image.open(io.BytesIO(png)).convert("RGB")
    image.quantize(colors=colours, method=Image.Quantize.MEDIANCUT).save(path, optimize=True)
    print(f"{path.relative_to(ROOT)}: {path.stat().st_size // 1024} KiB")


async def status_shot(bot: BotDriver) -> bytes:
    from playwright.async_api import async_playwright

    link = link_in(bot.say("oversikt 2027", as_="aud", channel="nasjonal").text, "/status")
    async with serving(bot.core) as server, async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        page = await browser.new_page(viewport={"width": 430, "height": 900}, device_scale_factor=1)
        await page.goto(server.base_url + link)
        shot = await page.screenshot(full_page=False)
        await browser.close()
        return shot


def main() -> None:
    bot = demo()
    reply = bot.say("årshjul 2027")
    assert reply.picture is not None
    drawing = build_picture(
        config=bot.core.config, state=bot.core.state, params=reply.picture.params, today=bot.clock.now().date()
    )
    assert drawing is not None
    small(render_png(drawing), ROOT / "docs" / "wheel.png")
    small(asyncio.run(status_shot(bot)), ROOT / "docs" / "status.png")


if __name__ == "__main__":
    main()
