"""A kept `neste` or `status` is shared by everyone of the asker's part (party, role, written form) asking
the same in a channel, and is byte for byte what it would be worked out anew for each of them: across
people (from app.yaml, bound at runtime, by their organisation, unknown), roles, channels, written forms and
one-to-one chats, after writes, and on a new day (bot/pipeline/personal.py, bot/reply_cache.py)."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from adapters.compose import make_core
from adapters.slack.render import message_payload
from bot.clock import FixedClock
from bot.context import Context
from bot.core import Core
from bot.messages import MentionedUser, Outcome, Request
from bot.model.config import load_config
from bot.router import Command, Router
from bot.shown.replies import make_reply
from storage import TinyDBStore
from storage.memory import MemoryStore
from tests.driver import DEMO_CONFIG, BotDriver, make_bot, oslo, record_all_preconditions

TEAM = "T0SHARED1"


@dataclass(frozen=True)
class Asker:
    user: str
    platform: str = "terminal"
    organisation: str | None = None


PEOPLE = (
    Asker("kari"),  # agder's coordinator (app.yaml)
    Asker("per"),  # vestland's coordinator
    Asker("ola"),  # IN's adviser
    Asker("siri"),
    Asker("aud"),  # AU
    Asker("admin"),
    Asker("eva"),  # agder's coordinator, bound with `person`, reads nynorsk
    Asker("frode"),  # agder's adviser, bound with `person`
    Asker("ny1"),  # unknown
    Asker("ny2"),
    Asker("U0NY1", platform="slack", organisation=TEAM),  # agder's advisers by their Slack team
    Asker("U0NY2", platform="slack", organisation=TEAM),
    Asker("U0NY3", platform="slack"),  # unknown on Slack
)
CHANNELS = {
    "terminal": ("agder", "vestland", "in", "nasjonal", "akershus", "ukjent", "D0PRIVAT"),
    "slack": ("C0AGDER", "C0IN", "C0INAGDER", "C0NASJONAL", "C0UKJENT", "D0PRIVAT"),
}
ASKED = ("neste", "status", "neste vestland", "status agder", "neste IN", "næraste")


def _request(asker: Asker, text: str, channel: str, n: int) -> Request:
    return Request(
        platform=asker.platform,
        user_id=asker.user,
        user_name=asker.user.title(),
        channel_id=channel,
        text=text,
        request_id=f"shared-{n}",
        personal=channel.startswith("D"),
        organisation=asker.organisation,
        mentions=(MentionedUser(user_id=f"U{asker.user.upper()}", display=asker.user),),
    )


def _anew(bot: BotDriver) -> Core:
    """A second core on the same store and clock whose kept replies are dropped before each answer."""
    return make_core(config=bot.core.config, store=bot.core.store, clock=bot.clock)


def _sweep(bot: BotDriver, anew: Core) -> dict[tuple[str, str, str], Outcome]:
    """Everyone asks everything everywhere; each answer is the one worked out anew, to the byte."""
    answers: dict[tuple[str, str, str], Outcome] = {}
    n = 0
    for text in ASKED:
        for channel_platform, channels in CHANNELS.items():
            for channel in channels:
                for asker in PEOPLE:
                    if asker.platform != channel_platform:
                        continue
                    n += 1
                    got = bot.core.handle(_request(asker, text, channel, n))
                    anew.replies.clear()
                    fresh = anew.handle(_request(asker, text, channel, n))
                    where = f"{asker.user} in {channel}: {text}"
                    assert got.reply == fresh.reply, where
                    assert _bytes(got, text) == _bytes(fresh, text), where
                    answers[(asker.user, channel, text)] = got
    return answers


def _bytes(outcome: Outcome, text: str) -> bytes:
    return json.dumps(message_payload(outcome.reply, more=text), ensure_ascii=False).encode()


def _setup() -> tuple[BotDriver, Core]:
    bot = make_bot(at=oslo(2026, 11, 23, 9))
    assert bot.say("person @eva agder koordinator", as_="admin", channel="nasjonal").ok
    assert bot.say("person @frode agder rådgiver", as_="admin", channel="nasjonal").ok
    assert bot.say(f"koble organisasjon {TEAM} agder", as_="admin", channel="nasjonal").ok
    assert bot.say("målform nn", as_="eva", channel="agder").ok
    return bot, _anew(bot)


def test_a_kept_reply_is_shared_within_a_part_and_is_what_each_would_get_anew() -> None:
    bot, anew = _setup()
    answers = _sweep(bot, anew)
    # Shared: people of one part asking the same in one channel get the one kept reply.
    assert answers[("ny1", "agder", "neste")] is answers[("ny2", "agder", "neste")]
    assert answers[("U0NY1", "C0AGDER", "neste")] is answers[("U0NY2", "C0AGDER", "neste")]
    assert answers[("ny1", "nasjonal", "status agder")] is answers[("ny2", "nasjonal", "status agder")]
    assert answers[("ny1", "D0PRIVAT", "neste")] is answers[("ny2", "D0PRIVAT", "neste")]
    # Not shared across parts, roles or written forms.
    assert answers[("eva", "agder", "neste")].reply.lang == "nn"
    assert answers[("kari", "agder", "neste")].reply.lang == "nb"
    assert answers[("ny1", "agder", "neste")] is not answers[("kari", "agder", "neste")]
    assert answers[("frode", "agder", "neste")] is not answers[("kari", "agder", "neste")]


def test_writes_and_a_new_day_give_everyone_the_fresh_answer() -> None:
    bot, anew = _setup()
    _sweep(bot, anew)
    # A point owned by one person by name: a `neste` that looks for the asker's own points is not shared.
    assert bot.say("referat høst Høstmøtet holdt", as_="aud", channel="nasjonal").ok
    minutes = "referat høst Godt møte oppfølging: Ringe fylkesordføreren @eva innen 15. desember"
    assert bot.say(minutes, as_="kari").ok
    points = _sweep(bot, anew)
    assert "Ringe fylkesordføreren" in points[("eva", "agder", "neste")].reply.text
    assert points[("U0NY1", "C0AGDER", "neste")] is not points[("U0NY2", "C0AGDER", "neste")]
    assert points[("ny1", "agder", "neste")] is points[("ny2", "agder", "neste")]  # unknown: no points to look for
    assert bot.say("dato høst 27. november kl 10", as_="per").ok
    dated = _sweep(bot, anew)
    assert "27. november" in dated[("ny1", "vestland", "neste")].reply.text
    assert bot.say("målform kanal nn", as_="admin", channel="vestland").ok
    assert _sweep(bot, anew)[("ny1", "vestland", "neste")].reply.lang == "nn"
    assert bot.say("person @ny1 vestland koordinator", as_="admin", channel="nasjonal").ok
    assert bot.say("forlat agder", as_="frode").ok
    _sweep(bot, anew)
    bot.set_time(2027, 1, 12, 10)
    record_all_preconditions(bot, year=2027)
    _sweep(bot, anew)


def test_a_shared_reply_follows_a_record_made_by_another_process(tmp_path: Path) -> None:
    """Two cores on one TinyDB folder: a reply kept for one new reader is not given to the next once the
    other process has recorded something it read."""
    config = load_config(DEMO_CONFIG)
    clock = FixedClock(oslo(2026, 11, 23, 9))
    reader = make_core(config=config, store=TinyDBStore(tmp_path / "db"), clock=clock)
    writer = BotDriver(core=make_core(config=config, store=TinyDBStore(tmp_path / "db"), clock=clock), clock=clock)
    first = reader.handle(_request(Asker("ny1"), "neste", "agder", 1))
    assert reader.handle(_request(Asker("ny2"), "neste", "agder", 2)) is first
    assert writer.say("dato høst 27. november kl 10", as_="kari").ok
    after = reader.handle(_request(Asker("ny3"), "neste", "agder", 3))
    assert after is not first and "27. november" in after.reply.text


def _echo(read: Callable[[Request, Context], str]) -> Command:
    """A same-all-day read whose reply is what `read` takes from the request or the caller."""

    def handle(request: Request, ctx: Context) -> Outcome:
        return Outcome(reply=make_reply(title="Ekko", lead=read(request, ctx) or "-"))

    return Command("ekko", handle, "Ekko.", "ekko", same_all_day=True, translated=True)


@pytest.mark.parametrize(
    "read",
    [
        lambda request, ctx: request.user_id,
        lambda request, ctx: request.user_name or "",
        lambda request, ctx: ",".join(m.user_id for m in request.mentions),
        lambda request, ctx: ctx.caller.name,
        lambda request, ctx: ctx.caller.key or "",
        lambda request, ctx: ctx.author(request).name,
    ],
)
def test_a_reply_that_read_who_asks_is_theirs_alone(read: Callable[[Request, Context], str]) -> None:
    """Nothing is declared: whatever names the person, read anywhere while the reply is made, keeps it theirs."""
    config = load_config(DEMO_CONFIG)
    clock = FixedClock(oslo(2026, 11, 23, 9))
    core = Core(config=config, store=MemoryStore(), clock=clock, router=Router((_echo(read),)))
    first = core.handle(_request(Asker("ny1"), "ekko", "agder", 1))
    second = core.handle(_request(Asker("ny2"), "ekko", "agder", 2))
    assert first is not second  # worked out anew for the second asker, not given the first one's
    assert core.handle(_request(Asker("ny1"), "ekko", "agder", 3)) is first  # still kept for its asker


def test_a_reply_that_read_only_the_part_is_shared() -> None:
    config = load_config(DEMO_CONFIG)
    clock = FixedClock(oslo(2026, 11, 23, 9))
    core = Core(
        config=config, store=MemoryStore(), clock=clock, router=Router((_echo(lambda r, c: c.caller.party or ""),))
    )
    first = core.handle(_request(Asker("ny1"), "ekko", "agder", 1))
    assert core.handle(_request(Asker("ny2"), "ekko", "agder", 2)) is first
    assert core.handle(_request(Asker("kari"), "ekko", "agder", 3)) is not first  # another part
