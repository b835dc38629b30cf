"""What the round-trip benchmarks share: servers in child processes on 127.0.0.1 that report their own CPU,
and fresh copies of the state they serve."""

from __future__ import annotations

import asyncio
import json
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

import aiohttp
from aiohttp import web

ROOT = Path(__file__).resolve().parents[1]


async def start_site(app: web.Application) -> tuple[web.AppRunner, str]:
    """`app` on a free port of 127.0.0.1; its runner and its base URL."""
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    return runner, f"http://127.0.0.1:{port}"


async def serve_until_stopped(app: web.Application) -> None:
    """A benchmarked server's life: `/cpu` reports its own CPU time, its address goes to the parent on
    stdout, and it serves until the parent ends it."""
    import time

    async def cpu(_: web.Request) -> web.Response:
        return web.json_response({"cpu": time.process_time()})

    app.router.add_get("/cpu", cpu)
    _runner, url = await start_site(app)
    print(url, flush=True)
    await asyncio.Event().wait()


async def server_cpu(session: aiohttp.ClientSession, url: str) -> float:
    """The server's own `time.process_time()` (its GET /cpu)."""
    async with session.get(f"{url}/cpu") as response:
        return float((await response.json())["cpu"])


def spawn(module: str, kind: str, args: list[str]) -> tuple[subprocess.Popen[str], str]:
    """`python -m module --serve kind args…`, once it printed the URL it serves on."""
    child = subprocess.Popen(
        [sys.executable, "-m", module, "--serve", kind, *args], stdout=subprocess.PIPE, text=True, cwd=ROOT
    )
    assert child.stdout is not None
    url = child.stdout.readline().strip()
    if not url.startswith("http"):
        raise SystemExit(f"{kind} server did not start")
    return child, url


def ours_and_bare(
    module: str, *, common: list[str], db: Path, replies: dict[str, object], replies_file: Path
) -> tuple[list[subprocess.Popen[str]], dict[str, str]]:
    """The bot on `db` and the bare framework answering with `replies` (written to `replies_file`), both
    `python -m module --serve …` with `common` arguments: the children and each one's URL."""
    replies_file.write_text(json.dumps(replies))
    ours, ours_url = spawn(module, "ours", [*common, "--db", str(db)])
    bare, bare_url = spawn(module, "bare", [*common, "--replies", str(replies_file)])
    return [ours, bare], {"ours": ours_url, "bare": bare_url}


def ratio_row(name: str, cpu: dict[str, float], walls: dict[str, list[float]], *, ours: str, other: str) -> str:
    """One row of a round-trip table: server CPU per request (ms) of each, their ratio, median walls."""
    wall = {kind: statistics.median(walls[kind]) * 1000 for kind in (ours, other)}
    return (
        f"| {name} | {len(walls[ours])} | {cpu[ours]:.2f} ms | {cpu[other]:.2f} ms "
        f"| **{cpu[ours] / cpu[other]:.2f}** | {wall[ours]:.2f} / {wall[other]:.2f} ms |"
    )


def stop(children: list[subprocess.Popen[str]]) -> None:
    """End every child server and wait for each."""
    for child in children:
        child.terminate()
        child.wait()
    children.clear()


def fresh_copies(data: Path, *, folder: Path, names: tuple[str, ...]) -> dict[str, Path]:
    """A copy of the store folder `data` for each name, so each server starts from the same state."""
    copies = {}
    for name in names:
        copies[name] = folder / f"data-{name}"
        shutil.rmtree(copies[name], ignore_errors=True)
        shutil.copytree(data, copies[name])
    return copies
