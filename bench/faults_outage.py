"""The server while PostgreSQL is away, as an operator meets it: `python -m bot serve` on a real database,
the database stopped with ``pg_ctl -m immediate``, and Slack slash commands, /healthz and SIGTERM timed.

    python bench/faults_outage.py [--rounds 3]

Prints, per round: /healthz's slowest answer and how soon it said «degraded», a read's and a write's
answer (the bot's «prøv igjen») while the database is down, the first write after it is back, and how long
SIGTERM took with the database down; then the same server with PostgreSQL frozen (SIGSTOP: it accepts a
query and never answers): the slash command's ack (the answer follows via response_url), /healthz, SIGTERM. The suite runs one round with the limits of issue 19 as assertions
(tests/storage/test_operator_outage.py).
"""

from __future__ import annotations

import argparse
import hashlib
import hmac
import http.server
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SIGNING_SECRET = "outage-signing-secret"
PASSWORD = "Hemmelig8x"
HEALTH_TOKEN = "outage-health-token"
PROXIED = {"X-Forwarded-For": "203.0.113.9"}
"""A stranger, as a proxy in front of the server forwards them."""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Served:
    process: subprocess.Popen[str]
    port: int
    log: Path
    sent: int = 0

    def get(
        self, path: str, *, timeout: float = 10, headers: dict[str, str] | None = None
    ) -> tuple[int, dict[str, object], float]:
        started = time.monotonic()
        request = urllib.request.Request(f"http://127.0.0.1:{self.port}{path}", headers=headers or {})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as answer:
                status, raw = answer.status, answer.read()
        except urllib.error.HTTPError as exc:
            status, raw = exc.code, exc.read()
        return status, json.loads(raw or b"{}"), time.monotonic() - started

    def command(self, text: str, *, user: str = "U0KARI", timeout: float = 10) -> tuple[str, float]:
        """A signed slash command; the ack's text and how long it took."""
        self.sent += 1
        body = urllib.parse.urlencode(
            {
                "team_id": "T0SAMHAND",
                "channel_id": "C0AGDER",
                "user_id": user,
                "command": "/samhandling",
                "text": text,
                "response_url": f"http://127.0.0.1:{self.port}/nowhere",
                "trigger_id": f"outage.{os.getpid()}.{self.sent}.{time.time_ns()}",
            }
        ).encode()
        stamp = str(int(time.time()))
        digest = hmac.new(SIGNING_SECRET.encode(), f"v0:{stamp}:".encode() + body, hashlib.sha256).hexdigest()
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.port}/slack/events",
            data=body,
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "X-Slack-Request-Timestamp": stamp,
                "X-Slack-Signature": f"v0={digest}",
            },
        )
        started = time.monotonic()
        with urllib.request.urlopen(request, timeout=timeout) as answer:
            raw = answer.read()
        took = time.monotonic() - started
        return json.dumps(json.loads(raw or b"{}"), ensure_ascii=False), took


class _SlackApi(http.server.BaseHTTPRequestHandler):
    """A stand-in for Slack's Web API: every method answers ok (auth.test, chat.postMessage, …)."""

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        raw = json.dumps({"ok": True, "user_id": "U0BOT", "bot_id": "B0BOT", "team_id": "T0SAMHAND", "ts": "1.1"})
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(raw.encode())

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def slack_api() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _SlackApi)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/api/"
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def serving(*, url: str | None, folder: Path, extra_env: dict[str, str] | None = None) -> Iterator[Served]:
    """`python -m bot serve` on `url` (None: the tinydb folder in `extra_env`'s SAMHANDLING_DB) with Slack
    configured (its Web API a local stand-in)."""
    with slack_api() as api_url, _serving(url=url, folder=folder, api_url=api_url, extra_env=extra_env) as served:
        yield served


@contextmanager
def _serving(*, url: str | None, folder: Path, api_url: str, extra_env: dict[str, str] | None) -> Iterator[Served]:
    port = free_port()
    log = folder / "serve.log"
    env = {k: v for k, v in os.environ.items() if k not in ("MICROSOFT_APP_ID", "SAMHANDLING_DB", "DATABASE_URL")}
    if url is not None:
        env["DATABASE_URL"] = url
    env.update(
        PORT=str(port),
        SLACK_BOT_TOKEN="xoxb-outage",
        SLACK_SIGNING_SECRET=SIGNING_SECRET,
        SLACK_API_URL=api_url,
        PYTHONUNBUFFERED="1",
        **(extra_env or {}),
    )
    with log.open("w") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "bot", "serve"], cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, text=True
        )
    served = Served(process=process, port=port, log=log)
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"serve ended at start-up:\n{log.read_text()}")
            try:
                served.get("/healthz", timeout=1)
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)
        yield served
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


@dataclass
class Round:
    healthz_slowest: float = 0.0
    degraded_after: float | None = None
    read_down: float = 0.0
    read_text: str = ""
    write_down: float = 0.0
    write_text: str = ""
    first_write_back: float | None = None
    sigterm: float | None = None
    leaked: bool = False
    stranger_sees: dict[str, object] = field(default_factory=dict)
    token_sees: dict[str, object] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


def one_round(*, server: object, url: str, folder: Path) -> Round:
    """`server` is a tests.pgserver.PgServer; it is left running."""
    result = Round()
    with serving(url=url, folder=folder, extra_env={"SAMHANDLING_HEALTH_TOKEN": HEALTH_TOKEN}) as served:
        served.command("neste")  # warm: the first command pays the imports
        text, _ = served.command("neste")
        if "Prøv igjen" in text:
            result.notes.append("a read failed before the outage")
        server.stop(mode="immediate")  # type: ignore[attr-defined]
        try:
            down_at = time.monotonic()
            while time.monotonic() - down_at < 10:
                _, body, took = served.get("/healthz")
                result.healthz_slowest = max(result.healthz_slowest, took)
                if body.get("status") == "degraded":
                    result.degraded_after = time.monotonic() - down_at
                    break
                time.sleep(0.1)
            result.read_text, result.read_down = served.command("neste")
            result.write_text, result.write_down = served.command("forutsetning budsjett agder 2028")
            _, _, took = served.get("/healthz")
            result.healthz_slowest = max(result.healthz_slowest, took)
            _, result.stranger_sees, _ = served.get("/healthz", headers=PROXIED)
            bearer = {**PROXIED, "Authorization": f"Bearer {HEALTH_TOKEN}"}
            _, result.token_sees, _ = served.get("/healthz", headers=bearer)
        finally:
            server.start()  # type: ignore[attr-defined]
        back_at = time.monotonic()
        while time.monotonic() - back_at < 30:
            text, _ = served.command("forutsetning budsjett agder 2029")
            if "Prøv igjen" not in text:
                result.first_write_back = time.monotonic() - back_at
                break
            time.sleep(0.05)
        server.stop(mode="immediate")  # type: ignore[attr-defined]
        try:
            served.command("neste")  # a request in the database's absence, then SIGTERM
            started = time.monotonic()
            served.process.send_signal(signal.SIGTERM)
            try:
                served.process.wait(timeout=30)
                result.sigterm = time.monotonic() - started
            except subprocess.TimeoutExpired:
                result.notes.append("serve ignored SIGTERM for 30 s")
        finally:
            server.start()  # type: ignore[attr-defined]
    result.leaked = PASSWORD in served.log.read_text()
    return result


def _server_pids(server: object) -> list[int]:
    """The postmaster this bench started, and its children (the backends)."""
    postmaster = int((server.data / "postmaster.pid").read_text().split()[0])  # type: ignore[attr-defined]
    children = subprocess.run(["ps", "-o", "pid=", "--ppid", str(postmaster)], capture_output=True, text=True)
    return [postmaster, *(int(pid) for pid in children.stdout.split())]


def frozen_round(*, server: object, url: str, folder: Path) -> str:
    """PostgreSQL frozen (SIGSTOP: it accepts and never answers) under `serve`: the ack, /healthz, SIGTERM."""
    with serving(url=url, folder=folder) as served:
        served.command("neste")
        pids = _server_pids(server)
        for pid in pids:
            os.kill(pid, signal.SIGSTOP)
        try:
            body, ack = served.command("neste")
            degraded = None
            started = time.monotonic()
            while degraded is None and time.monotonic() - started < 10:
                _, health, _ = served.get("/healthz")
                degraded = time.monotonic() - started if health.get("status") == "degraded" else None
                time.sleep(0.1)
            stopping = time.monotonic()
            served.process.send_signal(signal.SIGTERM)
            served.process.wait(timeout=30)
            sigterm = time.monotonic() - stopping
        finally:
            for pid in pids:
                os.kill(pid, signal.SIGCONT)
    return f"frozen: ack {ack:.2f} s ({body}), /healthz degraded after {degraded} s more, SIGTERM {sigterm:.2f} s"


def url_with_password(server: object, dbname: str) -> str:
    """The test server trusts every local user; the password is there to be looked for in the log."""
    base = server.url(dbname)  # type: ignore[attr-defined]
    return base.replace("postgresql://postgres@", f"postgresql://postgres:{PASSWORD}@")


def main() -> int:
    import tempfile

    from storage.postgres import migrate_url
    from tests import pgserver

    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    reason = pgserver.unavailable()
    if reason:
        print(f"skipped: {reason}")
        return 0
    server = pgserver.start_server()
    try:
        url = url_with_password(server, "postgres")
        migrate_url(url)
        for n in range(args.rounds):
            with tempfile.TemporaryDirectory() as folder:
                r = one_round(server=server, url=url, folder=Path(folder))
            print(
                f"round {n + 1}: /healthz slowest {r.healthz_slowest:.3f} s, degraded after {r.degraded_after} s; "
                f"neste {r.read_down:.3f} s, write {r.write_down:.3f} s (both «prøv igjen»: "
                f"{'Prøv igjen' in r.read_text and 'Prøv igjen' in r.write_text}); first write back "
                f"{r.first_write_back} s; SIGTERM {r.sigterm} s; password in log: {r.leaked}; a stranger sees "
                f"{r.stranger_sees} {r.notes}"
            )
            with tempfile.TemporaryDirectory() as folder:
                print(frozen_round(server=server, url=url, folder=Path(folder)))
    finally:
        pgserver.stop_server(server)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
