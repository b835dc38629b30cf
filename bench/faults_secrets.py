"""No password in any output: six malformed DATABASE_URLs with fake passwords through every command.

    python bench/faults_secrets.py

Each command runs as an operator runs it (`python -m bot …` in a subprocess, stdout and stderr both kept);
every output is searched for the fake password. A URL that is well formed but points at nothing must say
why in one line. The suite runs one command per URL (tests/storage/test_operator_secrets.py); this runs all.
Exit 1 when a password shows anywhere.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

MALFORMED: tuple[tuple[str, str, str], ...] = (
    # (what is wrong, URL, the fake password in it)
    ("bad scheme", "mysql://kari:Hemmelig1x@db.example.org/samhandling", "Hemmelig1x"),
    ("bad port", "postgresql://kari:Hemmelig2x@db.example.org:54x2/samhandling", "Hemmelig2x"),
    ("unbalanced brackets", "postgresql://kari:Hemmelig3x@[fe80::1/samhandling", "Hemmelig3x"),
    ("missing host", "postgresql://kari:Hemmelig4x@/samhandling?host=/nonexistent/run", "Hemmelig4x"),
    ("percent garbage", "postgresql://kari:%zz%Hemmelig5x%@db.example.org/samhandling", "Hemmelig5x"),
    (
        "password in the query",
        "postgresql://db.example.org:1/samhandling?password=Hemmelig6x&sslmode=nope",
        "Hemmelig6x",
    ),
)
REFUSED = ("refused", "postgresql://kari:Hemmelig7x@127.0.0.1:1/samhandling", "Hemmelig7x")

COMMANDS: tuple[tuple[str, ...], ...] = (
    ("migrate",),
    ("chat",),
    ("verify",),
    ("export", "--out", "{tmp}/out"),
    ("import", "--from", "{tmp}/src"),
    ("serve",),
    ("kvittering", "agder", "2027"),
)


@dataclass(frozen=True)
class Run:
    what: str
    command: str
    code: int
    output: str
    leaked: bool


def run(*, what: str, url: str, secret: str, command: tuple[str, ...], tmp: Path, timeout: float = 60) -> Run:
    """One command with DATABASE_URL set to `url`; `leaked` when `secret` shows in its output."""
    (tmp / "src").mkdir(exist_ok=True)
    argv = [part.format(tmp=tmp) for part in command]
    env = {k: v for k, v in os.environ.items() if k not in ("SLACK_BOT_TOKEN", "MICROSOFT_APP_ID")}
    env.update(DATABASE_URL=url, PORT="0", SAMHANDLING_DB=str(tmp / "unused"), PYTHONUNBUFFERED="1")
    done = subprocess.run(
        [sys.executable, "-m", "bot", *argv],
        cwd=ROOT,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    output = done.stdout + done.stderr
    return Run(what=what, command=argv[0], code=done.returncode, output=output, leaked=secret in output)


@contextmanager
def password_server() -> Iterator[str]:
    """A throwaway PostgreSQL that asks for a password (scram); yields a URL with the wrong one."""
    import psycopg

    from tests import pgserver

    server = pgserver.start_server()
    try:
        with psycopg.connect(server.url(), autocommit=True) as conn:
            conn.execute("ALTER USER postgres PASSWORD 'the-right-one'")
        hba = server.data / "pg_hba.conf"
        hba.write_text("local all all scram-sha-256\n")
        server.stop()
        server.start()
        yield server.url().replace("postgresql://postgres@", f"postgresql://postgres:{WRONG_PASSWORD}@")
    finally:
        pgserver.stop_server(server)


WRONG_PASSWORD = "Hemmelig9x"


def main() -> int:
    failures = 0
    from tests import pgserver

    with tempfile.TemporaryDirectory() as folder, ExitStack() as stack:
        tmp = Path(folder)
        cases = [*MALFORMED, REFUSED]
        if pgserver.unavailable() is None:  # a wrong password needs a server that asks for one
            cases.append(("wrong password", stack.enter_context(password_server()), WRONG_PASSWORD))
        for what, url, secret in cases:
            for command in COMMANDS:
                result = run(what=what, url=url, secret=secret, command=command, tmp=tmp)
                lines = [line for line in result.output.splitlines() if line.strip()]
                bad = result.leaked or result.code == 0 or len(lines) != 1
                failures += bad
                print(f"{'FAIL' if bad else 'ok  '} {what:24} {result.command:10} exit {result.code}: {lines[-1:]}")
    print(f"{failures} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
