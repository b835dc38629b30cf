"""How soon is `python -m bot serve` ready? Process start to the first `GET /healthz` answered 200, against
a bare server that imports and builds the same frameworks (a Bolt `AsyncApp` and a botbuilder
`CloudAdapter` on one aiohttp app with a /healthz) and nothing else.

    python -m bench.serve_startup [--runs 9]

Both are started alternately, run by run, so they see the same machine; each is a fresh process with
bytecode cached (a first probe run of each compiles it), Slack (HTTP mode, a local address for the Web
API) and Teams (no app id: loopback) configured, a fresh TinyDB store for ours. The figure is the median
and range of each, and the ratio of the medians (the issue's aim: at most 1.2x); then the CPU time each
had used when it first answered (from /proc), which the machine's other load barely moves.
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def bare_server(port: int) -> None:
    """The frameworks alone: what any Bolt + botbuilder server pays before it can answer."""
    from aiohttp import web
    from botbuilder.core import ActivityHandler
    from botbuilder.integration.aiohttp import CloudAdapter, ConfigurationBotFrameworkAuthentication
    from slack_bolt.adapter.aiohttp import to_aiohttp_response, to_bolt_request
    from slack_bolt.app.async_app import AsyncApp
    from slack_sdk.web.async_client import AsyncWebClient

    bolt = AsyncApp(
        signing_secret="bench-secret",
        client=AsyncWebClient(token="xoxb-bench", base_url="http://127.0.0.1:9/api/"),
        process_before_response=True,
    )

    class Config:
        APP_ID = None
        APP_PASSWORD = None

    adapter = CloudAdapter(ConfigurationBotFrameworkAuthentication(Config()))
    bot = ActivityHandler()

    async def slack(request: web.Request) -> web.Response:
        return await to_aiohttp_response(await bolt.async_dispatch(await to_bolt_request(request)))

    async def teams(request: web.Request) -> web.Response:
        return await adapter.process(request, bot)

    async def healthz(_: web.Request) -> web.Response:
        return web.json_response({"status": "ok"})

    app = web.Application()
    app.router.add_post("/slack/events", slack)
    app.router.add_post("/api/messages", teams)
    app.router.add_get("/healthz", healthz)
    web.run_app(app, host="127.0.0.1", port=port, print=None, access_log=None)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _env(port: int, data: str) -> dict[str, str]:
    env = {**os.environ, "PORT": str(port), "SAMHANDLING_DB": data, "PYTHONPATH": str(ROOT)}
    # As deployed, and as the bare server's frameworks are: bytecode cached (pip compiles the packages; the
    # probe run caches ours). An inherited PYTHONDONTWRITEBYTECODE made ours compile every module every run.
    for name in (
        "MICROSOFT_APP_ID",
        "MICROSOFT_APP_PASSWORD",
        "DATABASE_URL",
        "SLACK_APP_TOKEN",
        "PYTHONDONTWRITEBYTECODE",
    ):
        env.pop(name, None)
    env.update(
        {
            "SLACK_BOT_TOKEN": "xoxb-bench",
            "SLACK_SIGNING_SECRET": "bench-secret",
            "SLACK_API_URL": "http://127.0.0.1:9/api/",
            "SAMHANDLING_CONFIG": str(ROOT / "app.yaml"),
        }
    )
    return env


def _cpu_seconds(pid: int) -> float:
    """The process's CPU time so far (user + system, every thread), from /proc: unlike the wall time, the
    machine's other load barely moves it."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def ready_seconds(kind: str, *, data: str) -> tuple[float, float]:
    """Seconds from starting the process to its first 200 on /healthz, and the CPU seconds it had used then."""
    port = _free_port()
    if kind == "ours":
        args = [sys.executable, "-m", "bot", "serve"]
    else:
        args = [sys.executable, str(Path(__file__).resolve()), "--bare", str(port)]
    url = f"http://127.0.0.1:{port}/healthz"
    start = time.perf_counter()
    proc = subprocess.Popen(args, cwd=ROOT, env=_env(port, data), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while True:
            try:
                with urllib.request.urlopen(url, timeout=1) as answer:
                    if answer.status == 200:
                        return time.perf_counter() - start, _cpu_seconds(proc.pid)
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            if proc.poll() is not None:
                raise SystemExit(f"{kind} server exited with {proc.returncode}")
            if time.perf_counter() - start > 30:
                raise SystemExit(f"{kind} server not ready after 30 s")
            time.sleep(0.005)
    finally:
        proc.terminate()
        proc.wait()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--bare", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.bare:
        bare_server(args.bare)
        return
    samples: dict[str, list[float]] = {"ours": [], "bare": []}
    cpu: dict[str, list[float]] = {"ours": [], "bare": []}
    with tempfile.TemporaryDirectory() as folder:
        for kind in samples:  # compile bytecode, make the store once
            ready_seconds(kind, data=os.path.join(folder, "probe"))
        for n in range(args.runs):
            for kind in ("ours", "bare") if n % 2 else ("bare", "ours"):
                wall, used = ready_seconds(kind, data=os.path.join(folder, f"data{n}"))
                samples[kind].append(wall)
                cpu[kind].append(used)
    print(f"process start to the first GET /healthz 200, {args.runs} runs each, alternated")
    for kind, label in (("ours", "python -m bot serve"), ("bare", "bare Bolt + botbuilder server")):
        ms = [s * 1000 for s in samples[kind]]
        print(f"  {label:<32} median {statistics.median(ms):5.0f} ms   min {min(ms):5.0f}   max {max(ms):5.0f}")
    ratio = statistics.median(samples["ours"]) / statistics.median(samples["bare"])
    paired = sorted(ours / bare for ours, bare in zip(samples["ours"], samples["bare"], strict=True))
    print(
        f"  ratio of the medians {ratio:.2f}x; of each run to the bare run beside it: median "
        f"{statistics.median(paired):.2f}x, range {paired[0]:.2f}-{paired[-1]:.2f}x (aim: at most 1.2x)"
    )
    ours_cpu, bare_cpu = (statistics.median(cpu[kind]) * 1000 for kind in ("ours", "bare"))
    print(
        f"  CPU used by then (user + system, median): ours {ours_cpu:.0f} ms, bare {bare_cpu:.0f} ms, "
        f"{ours_cpu / bare_cpu:.2f}x (clock ticks of {1000 / os.sysconf('SC_CLK_TCK'):.0f} ms)"
    )


if __name__ == "__main__":
    main()
