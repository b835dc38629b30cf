"""A throwaway PostgreSQL 15 server for tests and benchmarks: initdb + pg_ctl in a temporary folder.

The server listens only on a Unix socket inside that folder. As root the binaries run as the
``postgres`` user (`runuser`), which then owns the folder. `unavailable()` says why no server can be
started here (tests skip with that reason, or fail when CI is set).
"""

from __future__ import annotations

import contextlib
import importlib.util
import os
import pwd
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

PG_BIN = Path(os.environ.get("SAMHANDLING_PG_BIN", "/usr/lib/postgresql/15/bin"))


def unavailable() -> str | None:
    """Why a test PostgreSQL cannot run here, or None when it can."""
    if not (PG_BIN / "initdb").exists() or not (PG_BIN / "pg_ctl").exists():
        return f"PostgreSQL 15 is not installed (no initdb/pg_ctl under {PG_BIN})"
    if importlib.util.find_spec("psycopg") is None or importlib.util.find_spec("psycopg_pool") is None:
        return "psycopg/psycopg_pool are not installed (pip install -r requirements.txt)"
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            return "running as root, and there is no 'postgres' user to run the server as"
    return None


@dataclass
class PgServer:
    folder: Path
    as_postgres: bool

    @property
    def data(self) -> Path:
        return self.folder / "data"

    def url(self, dbname: str = "postgres") -> str:
        return f"postgresql://postgres@/{dbname}?host={self.folder}"

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        prefix = ["runuser", "-u", "postgres", "--"] if self.as_postgres else []
        return subprocess.run(
            [*prefix, *args], check=check, capture_output=True, text=True, timeout=120, cwd=self.folder
        )

    def init(self) -> None:
        self._run(
            str(PG_BIN / "initdb"),
            "-D",
            str(self.data),
            "-U",
            "postgres",
            "--auth=trust",
            "-E",
            "UTF8",
            "--no-locale",
            "--no-sync",
        )

    def start(self) -> None:
        options = (
            f"-k {self.folder} -c listen_addresses='' -c shared_buffers=16MB -c max_connections=60"
            " -c synchronous_commit=on -c full_page_writes=off -c max_wal_size=256MB"
        )
        self._run(
            str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-o", options, "-l", str(self.folder / "log"), "-w", "start"
        )

    def stop(self, mode: str = "fast") -> None:
        self._run(str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-m", mode, "-w", "stop", check=False)

    def restart(self) -> None:
        self.stop(mode="immediate")  # like a crash: what was committed must survive
        self.start()


def start_server() -> PgServer:
    """A running, empty server in a fresh temporary folder (short path: the socket name has a limit)."""
    folder = Path(tempfile.mkdtemp(prefix="samh-pg-"))
    as_postgres = os.geteuid() == 0
    if as_postgres:
        user = pwd.getpwnam("postgres")
        os.chown(folder, user.pw_uid, user.pw_gid)
    server = PgServer(folder=folder, as_postgres=as_postgres)
    try:
        server.init()
        server.start()
    except subprocess.CalledProcessError as exc:
        log = server.folder / "log"
        detail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
        shutil.rmtree(folder, ignore_errors=True)
        raise RuntimeError(f"could not start PostgreSQL: {exc.stderr}\n{detail}") from exc
    return server


def stop_server(server: PgServer) -> None:
    server.stop(mode="immediate")
    with contextlib.suppress(OSError):
        shutil.rmtree(server.folder)
