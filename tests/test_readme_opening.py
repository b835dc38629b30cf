"""The README's opening block («What it looks like») is what the terminal answers: each command it shows is
run through `python -m bot chat --now …` on a fresh store, and every quoted passage (the README cuts with «…»
and wraps long lines) appears in the output in the README's order. Guards the first page a new coordinator
reads from drifting away from the bot (issues 18/21: done means documented)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROMPT = "kari@agder> "


def _opening_block() -> tuple[str, list[str]]:
    """The `--now` of the README's first terminal block and its lines after the command line."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## What it looks like", 1)[1]
    block = section.split("```text\n", 1)[1].split("\n```", 1)[0]
    first, *lines = block.splitlines()
    now = re.search(r"--now (\S+)", first)
    assert now, first
    return now.group(1), lines


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_the_readme_opening_block_is_what_the_terminal_answers() -> None:
    now, lines = _opening_block()
    commands = [line.removeprefix(PROMPT) for line in lines if line.startswith(PROMPT)]
    assert commands[0] == "neste", commands
    passages: list[str] = []
    current: list[str] = []
    for line in [*lines, "…"]:
        if line.startswith(PROMPT) or line.strip() == "…":
            if current:
                passages.append(_flat("\n".join(current)))
            current = []
        else:
            current.append(line)
    with tempfile.TemporaryDirectory() as folder:
        done = subprocess.run(
            [sys.executable, "-m", "bot", "chat", "--now", now],
            input="".join(f"{command}\n" for command in commands),
            capture_output=True,
            text=True,
            check=True,
            cwd=ROOT,
            env={**os.environ, "SAMHANDLING_DB": str(Path(folder) / "db")},
        )
    output = _flat(done.stdout)
    position = 0
    for passage in passages:
        found = output.find(passage, position)
        assert found >= 0, f"README passage not in the terminal's answer:\n{passage}\n\n{done.stdout}"
        position = found + len(passage)
