"""Real processes against one data folder: no lost updates, and no broken file after SIGKILL."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import tinydb

from storage import TinyDBStore
from tests.storage._worker import PARTITION

REPO_ROOT = Path(__file__).resolve().parents[2]
HANG_GUARD_S = 60  # only so a broken lock fails the run instead of hanging it


def _spawn(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.storage._worker", *args],
        cwd=REPO_ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )


def test_two_processes_never_lose_an_update(data_dir: Path) -> None:
    workers = [_spawn("count", str(data_dir), "200") for _ in range(2)]
    for proc in workers:
        assert proc.stdin is not None
        proc.stdin.write("go\n")
        proc.stdin.close()
    for proc in workers:
        assert proc.wait(timeout=HANG_GUARD_S) == 0
    with TinyDBStore(data_dir) as store:
        assert store.read(PARTITION)["counter"]["c"]["n"] == 400


def _counter_in_file(path: Path) -> int:
    json.loads(path.read_bytes())  # a broken file fails here, with the JSON error in the report
    with tinydb.TinyDB(path, access_mode="r") as db:
        (doc,) = db.table("counter").all()
    return doc["n"]


def test_sigkill_leaves_old_or_new_file(data_dir: Path) -> None:
    rng = random.Random(20270101)
    path = data_dir / "cycle" / "agder" / "2027.json"
    for _ in range(20):
        proc = _spawn("crash", str(data_dir))
        assert proc.stdout is not None
        first = proc.stdout.readline().split()
        assert first[0] == "start"
        acknowledged = int(first[1])
        # Let it complete a random number of writes (0 = kill during the first one), then kill it at a
        # random point of the next ones. The jitter spans about two write cycles (~1.5 ms each here):
        # without it the kill lands at the same point of the loop every time, never inside a write.
        for _ in range(rng.randint(0, 12)):
            acknowledged = int(proc.stdout.readline())
        time.sleep(rng.uniform(0, 0.003))
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=HANG_GUARD_S)
        # Values printed before the kill but not yet read were acknowledged too.
        for line in proc.stdout.read().split():
            acknowledged = int(line)
        proc.stdout.close()
        assert proc.stdin is not None
        proc.stdin.close()

        if not path.exists():
            assert acknowledged == 0  # killed before the very first write finished
            continue
        on_disk = _counter_in_file(path)
        # Every acknowledged write is there; at most the one in flight got further.
        assert on_disk in (acknowledged, acknowledged + 1)
        with TinyDBStore(data_dir) as store:
            assert store.read(PARTITION)["counter"]["c"]["n"] == on_disk
            assert store.partitions() == [PARTITION]
        # Opening the store removed what a killed writer left behind.
        assert not list(path.parent.glob(".*.tmp"))
