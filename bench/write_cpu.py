"""The CPU of a write inside the core, without HTTP: `dato` and `signer` as the Slack bench asks them (issue 21).

The state is the Slack bench's (`bench.slack_setup`: 15 regions, a year of history, served at its `now`);
the requests are its `dato` and `signer` groups (`bench.slack_roundtrip.groups`), each through `Core.handle`
as Slack sends them (platform, request id, delivery id), then `Core.deliver` to a Slack sender that accepts
every post (the Slack bench's server has no Teams sender). Each request's `time.process_time()` is taken, so the figures are this process's CPU (the fsyncs'
kernel work included, their wait not). The signatures are signed again on a fresh copy each round.

    python -m bench.write_cpu [--per-group 300] [--rounds 3]

Run it on two checkouts one after the other for a before and after (it imports from the folder it runs in).
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from types import MappingProxyType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.history import FakeSender  # noqa: E402 - after the path is set
from bench.slack_roundtrip import Ask, groups  # noqa: E402
from bench.slack_setup import Served, build  # noqa: E402


def _core(served: Served, folder: Path) -> Any:
    from adapters.compose import build_core
    from bot.clock import FixedClock

    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(served.data, folder)
    return build_core(config_path=str(served.config), db_path=str(folder), clock=FixedClock(served.now))


def _cpu(core: Any, asks: list[Ask], *, loop: asyncio.AbstractEventLoop) -> list[float]:
    from bot.messages import Delivery, Request

    slack = FakeSender("slack")
    slack.looks_up = True  # as Slack's sender: a post can be found again, so none is marked before
    senders = {"slack": slack}  # as the Slack bench's server, which has no Teams sender
    found = []
    for ask in asks:
        rid = f"slack:cmd:T0:{ask.trigger}"
        request = Request(
            platform="slack",
            user_id=ask.user,
            channel_id=ask.channel,
            text=ask.text,
            fields=MappingProxyType({}),
            request_id=rid,
            delivery=Delivery(rid),
        )
        started = time.process_time()
        outcome = core.handle(request)
        loop.run_until_complete(core.deliver(outcome, senders=senders, already_shown=None))
        found.append(time.process_time() - started)
        if not outcome.reply.ok:
            raise SystemExit(f"{ask.text!r} refused: {outcome.reply.text[:300]}")
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-group", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="write-cpu-") as temporary:
        folder = Path(temporary)
        (folder / "setup").mkdir()
        served = build(folder / "setup")
        asked = groups(served.regions, per_group=args.per_group, year=served.now.year)
        loop = asyncio.new_event_loop()
        found: dict[str, list[float]] = {"dato (a write)": [], "signer (a write, then delivered)": []}
        for _ in range(args.rounds):
            core = _core(served, folder / "data")
            _cpu(
                core,
                [Ask(f"warm.{a.trigger}", a.user, a.channel, "neste") for a in asked["dato (a write)"][:15]],
                loop=loop,
            )
            found["dato (a write)"] += _cpu(core, asked["dato (a write)"], loop=loop)
            found["signer (a write, then delivered)"] += _cpu(
                core, asked["signer (a write and its announcements)"], loop=loop
            )
            core.store.close()
        loop.close()
    print(f"in-process CPU per write, {args.rounds} rounds on a fresh copy of the Slack bench's state")
    print("| write | n | median | mean | p95 |")
    print("| --- | --- | --- | --- | --- |")
    for name, samples in found.items():
        ms = sorted(s * 1000 for s in samples)
        p95 = ms[int(len(ms) * 0.95)]
        print(f"| {name} | {len(ms)} | {statistics.median(ms):.3f} ms | {statistics.fmean(ms):.3f} ms | {p95:.3f} ms |")


if __name__ == "__main__":
    main()
