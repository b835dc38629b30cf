"""Durable writes of a signature and of the busiest reminder pass (issue 21), counted in storage.

Counts every `os.replace` (one durable file replace of the tinydb store: temporary file, fsync, rename)
and every `os.fsync` while
- the last `signer` of Agder's agreement 2027 is handled over Slack and its announcements are delivered
  (Slack and Teams both accept every post), and
- the busiest reminder pass: an empty store on 20 January 2027 at 09:00 (every item open, hundreds of
  reminders due), every platform accepting.

    python -m bench.delivery_writes          # this tree
    (cd <a checkout of main> && python -m bench.delivery_writes)   # the same script on main: before

The script uses only what both trees have (`Core.handle`, `Core.deliver`, `run_pass`).
"""

from __future__ import annotations

import asyncio
import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from types import MappingProxyType
from typing import Any

from adapters.compose import make_core
from bot.clock import OSLO, FixedClock
from bot.core import Core
from bot.messages import Request
from bot.model.config import load_config
from bot.reminders.passes import run_pass
from storage.tinydb_store import TinyDBStore

ROOT = Path(__file__).resolve().parents[1]
SIGN_AT = datetime(2027, 1, 14, 10, tzinfo=OSLO)
BUSIEST_AT = datetime(2027, 1, 20, 9, tzinfo=OSLO)
TEXT = (
    "avtale agder 2027 https://dok.fylke.no/agder/samarbeidsavtale-2027-v1.pdf sha256:"
    + "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
)


@dataclass
class Counts:
    replaces: int = 0
    fsyncs: int = 0


@contextmanager
def counting() -> Iterator[Counts]:
    counts = Counts()
    real_replace, real_fsync = os.replace, os.fsync

    def replace(*args: Any, **kwargs: Any) -> None:
        counts.replaces += 1
        real_replace(*args, **kwargs)

    def fsync(fd: int) -> None:
        counts.fsyncs += 1
        real_fsync(fd)

    os.replace, os.fsync = replace, fsync  # type: ignore[assignment]
    try:
        yield counts
    finally:
        os.replace, os.fsync = real_replace, real_fsync


@dataclass
class Accepting:
    """A platform that accepts every post (and can say it has one, as Slack can)."""

    platform: str
    posts: list[str] = field(default_factory=list)
    looks_up: bool = True

    async def send(self, *, channel_id: str, reply: Any, **_: Any) -> None:
        self.posts.append(channel_id)


def _say(core: Core, text: str, *, user: str, channel: str, platform: str = "terminal") -> Any:
    request = Request(platform=platform, user_id=user, channel_id=channel, text=text, fields=MappingProxyType({}))
    outcome = core.handle(request)
    assert outcome.reply.ok, outcome.reply.text
    return outcome


def _in_teams(core: Core) -> None:
    """The bot added to every Teams channel the configuration binds (the references the Teams adapter
    stores), as "Teams accepts every post" means: since issue 21's `swrite6` no process keeps an
    announcement or plans a digest for a Teams channel without one. Written before anything is counted; a
    tree from before that ignores the partition."""
    channels = [b.address.channel_id for b in core.directory.bindings() if b.address.platform == "teams"]
    with core.store.update("teams/conversations") as tables:  # bot.delivery.targets.REFERENCES["teams"]
        references = tables.setdefault("references", {})
        for channel in channels:
            references[channel] = {"reference": {"conversation": {"id": channel}}, "kind": "channel"}


def signer(folder: Path) -> tuple[Counts, int, float]:
    clock = FixedClock(SIGN_AT)
    core = make_core(config=load_config(str(ROOT / "app.yaml")), store=TinyDBStore(folder), clock=clock)
    _in_teams(core)
    for user, channel, text in (
        ("kari", "agder", TEXT),
        ("aud", "nasjonal", "forutsetning statsbudsjett"),
        ("kari", "agder", "forutsetning budsjett"),
        *(
            (u, c, "forutsetning tildelingsbrev")
            for u, c in (("ola", "in"), ("siri", "siva"), ("nils", "nfr"), ("rita", "rff"))
        ),
        ("aud", "nasjonal", "referat høst 2026 Høstmøtet holdt"),
        ("kari", "agder", "referat høst 2026 Forslag til ny avtale"),
        ("kari", "agder", "referat draft-political Vedtatt i fylkestinget."),
    ):
        _say(core, text, user=user, channel=channel)
    for user, channel in (("U0KARI", "C0AGDER"), ("U0OLA", "C0IN"), ("U0SIRI", "C0SIVA"), ("U0NILS", "C0NFR")):
        _say(core, "signer agder 2027", user=user, channel=channel, platform="slack")
    senders = {p: Accepting(platform=p) for p in ("slack", "teams")}
    started = time.perf_counter()
    with counting() as counts:
        outcome = _say(core, "signer agder 2027", user="U0RITA", channel="C0RFF", platform="slack")
        asyncio.run(core.deliver(outcome, senders=senders, already_shown=None))
    seconds = time.perf_counter() - started
    core.store.close()
    return counts, sum(len(s.posts) for s in senders.values()), seconds


def busiest_pass(folder: Path, *, teams_looks_up: bool = True) -> tuple[Counts, Any, float]:
    core = make_core(
        config=load_config(str(ROOT / "app.yaml")), store=TinyDBStore(folder), clock=FixedClock(BUSIEST_AT)
    )
    _in_teams(core)
    senders = {p: Accepting(platform=p) for p in ("terminal", "slack", "teams")}
    senders["teams"].looks_up = teams_looks_up  # False as the real Teams sender: a mark before each post
    started = time.perf_counter()
    with counting() as counts:
        report = asyncio.run(run_pass(core=core, senders=senders))
    seconds = time.perf_counter() - started
    core.store.close()
    return counts, report, seconds


def main() -> None:
    work = Path(tempfile.mkdtemp(prefix="delivery-writes-"))
    try:
        counts, posts, seconds = signer(work / "sign")
        print(
            f"last signer + delivery: {counts.replaces} durable replaces, {counts.fsyncs} fsyncs, "
            f"{posts} announcements posted, {seconds * 1000:.1f} ms"
        )
        counts, report, seconds = busiest_pass(work / "pass")
        print(
            f"busiest pass ({BUSIEST_AT:%Y-%m-%d %H:%M}): {counts.replaces} durable replaces, {counts.fsyncs} fsyncs, "
            f"{report.sent} reminders in {report.messages} messages, {seconds * 1000:.0f} ms"
        )
        counts, report, seconds = busiest_pass(work / "pass-teams", teams_looks_up=False)
        print(
            f"busiest pass, Teams marked before each post: {counts.replaces} durable replaces, "
            f"{counts.fsyncs} fsyncs, {report.messages} messages, {seconds * 1000:.0f} ms"
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
