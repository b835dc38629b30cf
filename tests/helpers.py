"""Shared helpers for the core suite: modified configurations, refusals that change nothing, fake senders."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import date

from aiohttp import web

from adapters.warm_up import listening
from bot.core import Core
from bot.delivery.sending import SendUncertain
from bot.messages import Reply
from bot.model.config import AppConfig, parse_config
from bot.reminders.passes import SendFailed
from bot.shown.web_links import status_link_id, token_of
from tests.driver import DEMO_CONFIG, BotDriver, make_bot, oslo

DEMO_TEXT = DEMO_CONFIG.read_text(encoding="utf-8")


@asynccontextmanager
async def serving(app: web.Application) -> AsyncIterator[str]:
    """`app` on a free port of 127.0.0.1 while the block runs (its start-up and clean-up included); the
    base URL."""
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    listening(app)
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        await runner.cleanup()


def demo_text() -> str:
    return DEMO_TEXT


def line_no(text: str, needle: str) -> int:
    """The 1-based line of the first line that contains `needle` (to check the line an error names)."""
    for number, line in enumerate(text.splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} is not in the text")


def replace_once(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times"
    return text.replace(old, new)


def config_text(*, regions: tuple[str, ...] | None = None, rff_enabled: bool = True) -> str:
    """app.yaml with only some regions (and their channels), and RFF switched on or off."""
    text = DEMO_TEXT
    if not rff_enabled:
        text = replace_once(  # RFF's line ends with its switch (its aliases come before it)
            text,
            "enabled: true}   # set enabled: false to leave RFF out",
            "enabled: false}   # set enabled: false to leave RFF out",
        )
    if regions is not None:
        all_regions = re.findall(r"- \{key: ([a-z-]+), name: \"[^\"]+\", short:", text)
        drop = [key for key in all_regions if key not in regions]
        kept = []
        for line in text.splitlines():
            if any(f"{{key: {key}," in line or re.search(rf"region: {re.escape(key)}\}}", line) for key in drop):
                continue
            if "regions: [" in line and any(re.search(rf"[\[ ]{re.escape(key)}[,\]]", line) for key in drop):
                continue  # a former county split between regions, one of them left out
            kept.append(line)
        text = re.sub(r"\n  former:\n(?!    -)", "\n", "\n".join(kept) + "\n")
    return text


def make_config(*, regions: tuple[str, ...] | None = None, rff_enabled: bool = True) -> AppConfig:
    return parse_config(config_text(regions=regions, rff_enabled=rff_enabled))


def assert_refused(bot: BotDriver, text: str, *, contains: str | tuple[str, ...] = (), **kwargs: object) -> Reply:
    """A refusal: reply.ok is False, the state is exactly as before and nothing is announced."""
    before = bot.snapshot()
    reply = bot.say(text, **kwargs)  # type: ignore[arg-type]
    assert reply.ok is False, f"{text!r} was not refused: {reply.text}"
    assert bot.snapshot() == before, f"{text!r} was refused but changed the state"
    assert bot.last.announcements == ()
    for needle in (contains,) if isinstance(contains, str) else contains:
        assert needle in reply.text, f"{needle!r} not in {reply.text!r}"
    return reply


def assert_recorded(bot: BotDriver, text: str, **kwargs: object) -> Reply:
    """An accepted write: reply.ok and the state changed."""
    before = bot.snapshot()
    reply = bot.say(text, **kwargs)  # type: ignore[arg-type]
    assert reply.ok, f"{text!r} was refused: {reply.text}"
    assert bot.snapshot() != before, f"{text!r} said ok but recorded nothing"
    return reply


@dataclass
class FakeSender:
    """Records posts with the day they were made; `fail` lists channel ids that refuse posts for now."""

    platform: str
    bot: BotDriver
    posts: list[tuple[date, str, Reply]] = field(default_factory=list)
    fail: set[str] = field(default_factory=set)
    attempts: int = 0
    looks_up: bool = True
    """Finds an earlier post by its key, as Slack does (`keys`)."""
    keys: set[str] = field(default_factory=set)

    async def send(self, *, channel_id: str, reply: Reply, key: str | None = None, maybe_posted: bool = False) -> None:
        self.attempts += 1
        if maybe_posted and not self.looks_up:  # as Teams: a post that may have gone cannot be checked
            raise SendUncertain(f"{self.platform} cannot tell whether {key} was posted")
        if maybe_posted and key in self.keys:
            return
        if channel_id in self.fail:
            raise SendFailed(f"{self.platform} refused {channel_id}")
        self.posts.append((self.bot.clock.now().date(), channel_id, reply))
        if key:
            self.keys.add(key)


def senders_for(bot: BotDriver) -> dict[str, FakeSender]:
    return {platform: FakeSender(platform=platform, bot=bot) for platform in ("terminal", "slack", "teams")}


def status_page_html(core: Core, *, region: str | None, year: int) -> str:
    """A status page as the web route serves it: through the port, with the page's own token."""
    from adapters.web.pages import status_html

    token = token_of(core.state, status_link_id(region), environ={})
    view = core.status_page(region=region, token=token, year=str(year), environ={})
    assert view is not None
    return status_html(view=view, token=token)


def spring_meeting_over(*, person: str) -> BotDriver:
    """22 April 2027 at 15:00: the region of `person` (its coordinator) held its spring meeting that day, the
    national spring meeting it follows has its minutes, so the region's minutes are in the model's order."""
    bot = make_bot(at=oslo(2027, 3, 1, 10))
    assert bot.say("dato vårmøte 11. mars kl 10", as_="aud").ok
    assert bot.say("dato vår 22. april kl 10", as_=person).ok
    bot.set_time(2027, 3, 11, 15)
    assert bot.say("referat vårmøte Godt møte", as_="aud").ok
    bot.set_time(2027, 4, 22, 15)
    return bot
