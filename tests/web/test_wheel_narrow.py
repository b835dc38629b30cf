"""walk 20 F-l: on a phone (375 px) the status pages' wheel keeps a size its labels can be read at and
scrolls sideways inside its own focusable box (scaled to the screen its labels were about 4 px high); the
page itself never needs a sideways scroll. The region page (bokmål and nynorsk) and the national page."""

from __future__ import annotations

import asyncio

from tests.driver import make_bot, oslo

from .harness import link_in, serving
from .test_status_page import browser_or_skip, launch_chromium

MEASURE = """() => {
  const box = document.querySelector('.wheel-scroll');
  const labels = [...box.querySelectorAll('svg text')].map(t => t.getBoundingClientRect().height).filter(h => h > 0);
  return {
    labels: labels.length ? Math.min(...labels) : 0,
    inner: box.scrollWidth, shown: box.clientWidth, focusable: box.tabIndex === 0,
    page: document.documentElement.scrollWidth, view: document.documentElement.clientWidth,
  };
}"""


def test_the_wheel_is_readable_on_a_phone() -> None:
    async_playwright = browser_or_skip()
    bot = make_bot(at=oslo(2027, 1, 12, 9))
    links = [
        link_in(bot.say("status agder 2027").text, "/status/agder"),
        link_in(bot.say("status vestland 2027", as_="per", channel="vestland").text, "/status/vestland"),
        link_in(bot.say("oversikt 2027", as_="aud", channel="nasjonal").text, "/status"),
    ]

    async def measure() -> list[dict[str, float]]:
        found = []
        async with serving(bot.core) as server, async_playwright() as playwright:  # type: ignore[operator]
            browser = await launch_chromium(playwright)
            try:
                page = await browser.new_page(viewport={"width": 375, "height": 800}, device_scale_factor=1)
                for link in links:
                    await page.goto(server.base_url + link)
                    found.append(await page.evaluate(MEASURE))
            finally:
                await browser.close()
        return found

    for link, seen in zip(links, asyncio.run(measure()), strict=True):
        assert seen["labels"] >= 7, (link, seen)  # was about 4 px
        assert seen["inner"] > seen["shown"] and seen["focusable"], (link, seen)
        assert seen["page"] <= seen["view"], (link, seen)
