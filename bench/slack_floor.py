"""The floor under a Slack `neste` worked out anew: what our server costs with its work taken away, step by step.

`python -m bench.slack_roundtrip --anew` measures the bot against bare Bolt. This tells where the ratio comes
from: three more servers, each the bot's with less of it left, are asked the same `neste` (each the first
after a write, `bench.slack_anew`), interleaved request by request with the bot and the bare app:
- *same*: `Core.handle` answers each channel with one kept `Outcome` (the real one, made once): the gate, Bolt,
  the adapter and an answer whose JSON is kept. The adapter's own floor.
- *fresh*: as *same*, but a new `Reply` object each time (the same sections): the Block Kit and JSON of a new
  reply on top.
- *pipeline*: the real `Core.handle` with `neste`'s handler answering as *fresh* does (and marking the request
  as one not to keep): the pipeline on a miss (parse, the kept checks, the caller and written form, the
  context, dispatch) and the new reply's JSON. The floor a worked-out `neste` cannot go below: if it alone is
  over the aim, the pipeline is cut first.
Since `snew4` a new reply equal to one answered before is given that one's JSON (`adapters/slack/answer.py`
`_content_key`): *fresh* and *pipeline* answer the same content each time, so their JSON is found, not made; a
real answer that changed (a region's, after the bench's write) still pays its Block Kit and JSON.
CPU per request is taken around each request alone (GET /cpu before and after, less an empty pair's cost).

    python -m bench.slack_roundtrip --floor [--per-group 300] [--folder /tmp/slack-bench]
"""

from __future__ import annotations

import asyncio
import dataclasses
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path
from typing import Any

import aiohttp

from bench.serving import fresh_copies, ours_and_bare, serve_until_stopped, server_cpu, spawn, start_site, stop
from bench.slack_anew import _stand_in, anew_groups, record_replies
from bench.slack_client import SECRET, TOKEN, one
from bench.slack_roundtrip import MODULE, crowd
from bench.slack_setup import Served

MODES = ("same", "fresh", "pipeline")
THIS = "bench.slack_floor"


def _app(mode: str, *, api_url: str, config: str, db: str, now: str) -> Any:
    from adapters.cli import _warm_up
    from adapters.compose import build_core
    from adapters.server import build_app
    from bot.clock import FixedClock
    from bot.messages import Outcome

    core = build_core(config_path=config, db_path=db, clock=FixedClock(datetime.fromisoformat(now)))
    kept: dict[str, Outcome] = {}

    def anew(outcome: Outcome) -> Outcome:
        return outcome if mode == "same" else dataclasses.replace(outcome, reply=dataclasses.replace(outcome.reply))

    if mode == "pipeline":
        command = core.router.find("neste")
        assert command is not None
        handler = command.handler

        def stub(request: Any, ctx: Any) -> Outcome:
            ctx.state.store.version("floor")  # more than a read: the answer is not kept, each request a miss
            if request.channel_id not in kept:
                kept[request.channel_id] = handler(request, ctx)
            return anew(kept[request.channel_id])

        object.__setattr__(command, "handler", stub)
    else:
        handle = core.handle

        def stubbed(request: Any, *, reads_only: bool = False) -> Outcome:
            if request.text != "neste":  # the writes and the warm-up's own
                return handle(request, reads_only=reads_only)
            if request.channel_id not in kept:
                kept[request.channel_id] = handle(request, reads_only=reads_only)
            return anew(kept[request.channel_id])

        core.handle = stubbed  # type: ignore[method-assign]
    env = {"SLACK_BOT_TOKEN": TOKEN, "SLACK_SIGNING_SECRET": SECRET, "SLACK_API_URL": api_url}
    app = build_app(core=core, environ=env, mounts=("adapters.slack:mount_slack",), scheduler=False)
    _warm_up(core)
    return app


async def _serve(mode: str, *, api_url: str, config: str, db: str, now: str) -> None:
    from adapters.start_up import freeze_start_up

    app = _app(mode, api_url=api_url, config=config, db=db, now=now)
    freeze_start_up()
    await serve_until_stopped(app)


async def measure_floor(served: Served, *, per_group: int, folder: Path) -> None:
    now, regions = served.now, served.regions
    config, now_text = str(served.config), served.now.isoformat()
    groups = anew_groups(regions, per_group=per_group, year=now.year)
    stand_runner, stand_url = await start_site(_stand_in())
    common = ["--api", f"{stand_url}/api/", "--config", config, "--now", now_text]
    names = ("floor-record", "floor-ours", *(f"floor-{mode}" for mode in MODES))
    children: list[subprocess.Popen[str]] = []
    try:
        copies = fresh_copies(served.data, folder=folder, names=names)
        replies = await record_replies(groups, common=common, db=copies["floor-record"])
        started, urls = ours_and_bare(
            MODULE, common=common, db=copies["floor-ours"], replies=replies, replies_file=folder / "floor-replies.json"
        )
        children += started
        for mode in MODES:
            child, urls[mode] = spawn(THIS, mode, [*common, "--db", str(copies[f"floor-{mode}"])])
            children.append(child)
        kinds = list(urls)
        lines = []
        async with aiohttp.ClientSession() as session:
            for warm in crowd(regions, size=50, name="warm"):
                for url in urls.values():
                    await one(session, url, warm)
            for name, pairs in groups.items():
                cpu = dict.fromkeys(kinds, 0.0)
                for n, (write, ask) in enumerate(pairs):
                    for kind in ("ours", *MODES):  # each server's copy moves as the bot's does
                        await one(session, urls[kind], write)
                    for kind in kinds[n % len(kinds) :] + kinds[: n % len(kinds)]:
                        url = urls[kind]
                        start = await server_cpu(session, url)
                        empty = await server_cpu(session, url) - start
                        start = await server_cpu(session, url)
                        await one(session, url, ask)
                        cpu[kind] += await server_cpu(session, url) - start - empty
                per = {kind: cpu[kind] / len(pairs) * 1000 for kind in kinds}
                cells = " | ".join(f"{per[kind]:.2f} ms ({per[kind] / per['bare']:.2f})" for kind in kinds)
                lines.append(f"| {name} | {cells} |")
    finally:
        stop(children)
        await stand_runner.cleanup()
    print(f"The floor under `neste` worked out anew, at {now:%Y-%m-%d %H:%M}, {time.ctime()}: server CPU (x bare Bolt)")
    print("| requests | " + " | ".join(kinds) + " |")
    print("| --- | " + " | ".join("---" for _ in kinds) + " |")
    for line in lines:
        print(line)


if __name__ == "__main__":
    mode, *rest = sys.argv[sys.argv.index("--serve") + 1 :]
    args = dict(zip(rest[::2], rest[1::2], strict=True))
    asyncio.run(_serve(mode, api_url=args["--api"], config=args["--config"], db=args["--db"], now=args["--now"]))
