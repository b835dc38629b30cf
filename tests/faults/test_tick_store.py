"""`tick` on a store that cannot be written (a small full file system, a read-only one), run as an operator
runs it: one clear line, no traceback, nothing posted; and the next `tick` once there is room posts each
reminder once (issue 19)."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from storage.tinydb_store import TinyDBStore
from tests.faults.cli_run import run_bot


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 600 KB tmpfs of its own (root only; skipped where mounting is not allowed)."""
    mount = tmp_path / "disk"
    mount.mkdir()
    made = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=600k", "tmpfs", str(mount)], capture_output=True)
    if made.returncode != 0:
        pytest.skip("cannot mount a small file system here")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def tick(db: Path, at: str) -> subprocess.CompletedProcess[str]:
    return run_bot(db, "tick", "--now", at)


def fill(disk: Path) -> None:
    fd = os.open(disk / "filler", os.O_WRONLY | os.O_CREAT)
    try:
        while os.write(fd, b"\0" * 4096):
            pass
    except OSError:
        pass  # full
    finally:
        os.close(fd)


@pytest.mark.parametrize("fault", ["full", "read-only"])
def test_tick_on_a_store_that_cannot_be_written_says_so_in_one_line(small_disk: Path, fault: str) -> None:
    db = small_disk / "db"
    with TinyDBStore(db) as store, store.update("meta") as tables:  # a store in use, nothing posted yet
        tables.setdefault("settings", {})
    if fault == "full":
        fill(small_disk)
    else:
        subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    stopped = tick(db, "2027-01-20T09:00")
    assert stopped.returncode == 1 and "Traceback" not in stopped.stderr + stopped.stdout
    assert not any(line.startswith("[#") for line in stopped.stdout.splitlines())  # nothing posted
    last = stopped.stderr.strip().splitlines()[-1]
    assert last.startswith("Feil: påminnelsene er stoppet fordi lagringen ikke kan skrives") and "Error:" in last
    if fault == "full":
        (small_disk / "filler").unlink()
    else:
        subprocess.run(["mount", "-o", "remount,rw", str(small_disk)], check=True)
    back = tick(db, "2027-01-20T09:05")
    assert back.returncode == 0, back.stderr
    posted = [line.split("]")[0] for line in back.stdout.splitlines() if line.startswith("[#")]
    assert posted and len(posted) == len(set(posted))
    again = tick(db, "2027-01-20T09:10")
    assert not [line for line in again.stdout.splitlines() if line.startswith("[#")]
