"""From outside the process: `python -m bot chat` fed the nastiest inputs on stdin answers each with a
short Norwegian line, never «Noe gikk galt» nor a Python exception, and ends cleanly at end of input."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

NASTY = [
    "dato høst 12. november kl 10 GMT+25",
    "logg side ²",
    "dato høst ١٢.١١ kl ١٠",
    "forutsetning budsjett vedtatt 31.02",
    "referat vis høst tidligere " + "ø" * 4500,
    "dato h\u202eøst \x1b[2J kl 24:00",
    "dato høst uke 54",
    "referat høst Godt. oppfølging: a @IN innen innen 1. mai; b @Ola Berg senest 31.02; c @Innovasjon Norge før uke 0",
    "<!channel> <@U0KARI> dato høst 12. november",
    "'; DROP TABLE state; --",
    "person @x agder koordinator Navn Navnesen \u200b😀",
    "neste",
]


def test_the_terminal_answers_hostile_lines_on_stdin() -> None:
    with tempfile.TemporaryDirectory() as folder:
        done = subprocess.run(
            [sys.executable, "-m", "bot", "chat", "--as", "kari", "--now", "2026-11-02T09:00"],
            input="\n".join(NASTY) + "\n",
            capture_output=True,
            text=True,
            timeout=120,
            cwd=Path(__file__).resolve().parents[1],
            env={**os.environ, "SAMHANDLING_DB": folder},
        )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "Traceback" not in done.stdout + done.stderr
    assert "Noe gikk galt" not in done.stdout
    assert "Jeg forstod ikke «side ²»" in done.stdout
    assert "GMT+25»" in done.stdout and "«uke 54»" in done.stdout
    assert "ø" * 100 not in done.stdout and "\x1b" not in done.stdout and "\u202e" not in done.stdout
    assert "Neste for Agder fylkeskommune" in done.stdout  # the last line is still answered
