"""`python -m bot …` run as an operator runs it, on a tinydb store, from outside the process (fault tests)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_bot(
    db: Path, *args: str, lines: list[str] | None = None, preexec_fn: Callable[[], None] | None = None
) -> subprocess.CompletedProcess[str]:
    """The CLI on the store in `db` with the demo app.yaml, no platform or database in its environment;
    `lines` typed on stdin (the terminal `chat`)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "TEAMS_", "MICROSOFT_", "DATABASE_"))}
    env.update(SAMHANDLING_DB=str(db), SAMHANDLING_CONFIG=str(ROOT / "app.yaml"))
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        input="\n".join(lines) + "\n" if lines is not None else None,
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=preexec_fn,
    )


def chat(
    db: Path, *, person: str, channel: str, lines: list[str], now: str = "2026-11-13T10:00", **kwargs: object
) -> subprocess.CompletedProcess[str]:
    """`python -m bot chat` as `person` in `channel` at `now`, typing `lines`."""
    return run_bot(db, "chat", "--now", now, "--as", person, "--channel", channel, lines=lines, **kwargs)  # type: ignore[arg-type]
