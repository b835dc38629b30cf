"""A file-size limit met from outside the process (walk 34 F5): the terminal under `ulimit -f`, a write that
would pass it is told as a full store, «Lagringen er full …» (nynorsk «Lagringa er full …»), never «prøv igjen om
litt» (trying again cannot help), and nothing of it is written."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LIMIT = 4096


def _chat(db: Path, *, person: str, channel: str, lines: list[str]) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "DATABASE_URL"))}
    env.update(SAMHANDLING_DB=str(db), SAMHANDLING_CONFIG=str(ROOT / "app.yaml"))

    def limited() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (LIMIT, LIMIT))

    return subprocess.run(
        [sys.executable, "-m", "bot", "chat", "--now", "2026-11-13T10:00", "--as", person, "--channel", channel],
        input="\n".join(lines) + "\n",
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=limited,
    )


@pytest.mark.parametrize(
    ("person", "region", "full", "again"),
    [
        ("kari", "agder", "Lagringen er full", "Prøv igjen om litt"),
        ("per", "vestland", "Lagringa er full", "Prøv igjen om litt"),
    ],
)
def test_a_write_past_the_file_size_limit_is_a_full_store(
    tmp_path: Path, person: str, region: str, full: str, again: str
) -> None:
    db = tmp_path / "db"
    long = "referat politisk 2027 Vedtak i fylkesutvalget. " + "Lang saksutgreiing. " * 150 + " bekreft"
    done = _chat(db, person=person, channel=region, lines=["dato vår 2027 20. april kl 10", long, long, "status"])
    assert full in done.stdout, done.stdout[-2000:]
    assert again not in done.stdout and "Noe gikk galt" not in done.stdout
    assert "file-size limit" in done.stderr and "Traceback" not in done.stderr
    assert "Dato satt" in done.stdout or "Dato sett" in done.stdout  # the small write before it went through
    stored = (db / "cycle" / region / "2027.json").read_text()
    assert "Lang saksutgreiing" not in stored  # nothing of the refused write
