"""How soon does `python -m bot chat` answer its first command? Process start to the reply's first line.

``python -m bench.chat_startup [--runs 9] [--command neste]``

Each run starts a fresh ``python -m bot chat`` (no tokens, a fresh store in a temporary folder, so the
start-up reminder digest is the one a new installation shows), writes one command to its stdin, and times
from just before the process is started until the first line of that command's reply is read (the digest
printed at start-up is skipped: its lines are counted once by a run with no command). Reports the median and the range,
and beside each run a reference process that only imports Slack's and Teams' frameworks (the ratio to it
is what a loaded, shared machine leaves readable; the aim, 0.35 s, is an absolute figure on a quiet one).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time


def _env(data: str) -> dict[str, str]:
    env = {**os.environ, "SAMHANDLING_DB": data}
    # As deployed: bytecode cached (pip compiles packages; our modules are cached by the probe run).
    for name in ("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "MICROSOFT_APP_ID", "DATABASE_URL", "PYTHONDONTWRITEBYTECODE"):
        env.pop(name, None)
    return env


def digest_lines(*, data: str) -> int:
    """How many lines chat prints before reading a command (the start-up digest): run it with no command."""
    done = subprocess.run(
        [sys.executable, "-m", "bot", "chat"], input="", capture_output=True, text=True, env=_env(data), check=True
    )
    return len(done.stdout.splitlines())


def first_reply_seconds(*, command: str, data: str, skip: int) -> tuple[float, str]:
    env = _env(data)
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "bot", "chat"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=env,
        text=True,
    )
    assert proc.stdin is not None and proc.stdout is not None
    proc.stdin.write(command + "\n")
    proc.stdin.close()
    line = ""
    for number, line in enumerate(proc.stdout):
        if number >= skip and line.strip():
            break
    elapsed = time.perf_counter() - start
    proc.stdout.read()
    proc.wait()
    return elapsed, line.strip()


FRAMEWORKS = "import slack_bolt.app.async_app, botbuilder.core, botbuilder.integration.aiohttp"
"""The reference run beside each of ours: a process that only imports the platform frameworks (what any
Slack + Teams bot pays before its first answer), so a loaded machine shows in both."""


def frameworks_seconds() -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", FRAMEWORKS], check=True, env=_env(""))
    return time.perf_counter() - start


def _line(name: str, samples: list[float]) -> str:
    ms = [s * 1000 for s in samples]
    return f"  {name:<40} median {statistics.median(ms):4.0f} ms   min {min(ms):4.0f} ms   max {max(ms):4.0f} ms"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--command", default="neste")
    args = parser.parse_args()
    samples: list[float] = []
    reference: list[float] = []
    with tempfile.TemporaryDirectory() as folder:
        skip = digest_lines(data=os.path.join(folder, "probe"))
        frameworks_seconds()  # bytecode compiled, as deployed
        for n in range(args.runs):
            data = os.path.join(folder, f"data{n}")
            seconds, line = first_reply_seconds(command=args.command, data=data, skip=skip)
            samples.append(seconds)
            reference.append(frameworks_seconds())
    print(
        f"python -m bot chat, '{args.command}': first reply line after start, {args.runs} runs, each beside a reference"
    )
    print(_line("python -m bot chat", samples))
    print(_line("importing slack_bolt and botbuilder", reference))
    paired = sorted(ours / bare for ours, bare in zip(samples, reference, strict=True))
    print(
        f"  ratio to the reference run beside it: median {statistics.median(paired):.2f}x ({paired[0]:.2f}-{paired[-1]:.2f})"
    )
    print(f"  first reply line: {line[:100]}")


if __name__ == "__main__":
    main()
