"""One region's partition file damaged when the bot starts (walk 34 F3: a truncated file after a crash stopped
every region and the reminders): the terminal, as an operator starts it, comes up; that region's commands
are refused as when a file goes bad while it runs («En del av lagringen …», nynorsk «Ein del av lagringa …»),
every other region works, the file is named once in the log and never overwritten. A damaged `meta` (the
bindings, the links' key) still stops start-up."""

from __future__ import annotations

from pathlib import Path

import pytest

from storage.tinydb_store import TinyDBStore
from tests.driver import make_bot, oslo
from tests.faults.cli_run import chat

FORMS = {
    "nb": ("kari", "agder", "per", "vestland", "En del av lagringen kan ikke brukes", "bekreft"),
    "nn": ("per", "vestland", "kari", "agder", "Ein del av lagringa kan ikkje brukast", "stadfest"),
}


def _store(db: Path) -> None:
    with TinyDBStore(db) as store:
        bot = make_bot(store=store, at=oslo(2026, 11, 2, 9))
        for person, region, confirm in (("kari", "agder", "bekreft"), ("per", "vestland", "stadfest")):
            assert bot.say(f"dato høst {region} 2026 2026-11-12 10:00 {confirm}", as_=person, channel=region).ok


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_a_damaged_partition_at_start_up_refuses_its_region_alone(tmp_path: Path, lang: str) -> None:
    person, region, other, other_region, refused, confirm = FORMS[lang]
    db = tmp_path / "db"
    _store(db)
    damaged = db / "cycle" / region / "2026.json"
    kept = damaged.read_bytes()[:300]
    damaged.write_bytes(kept)  # truncated, as a crash on a file system without fsync can leave it
    done = chat(
        db,
        person=person,
        channel=region,
        lines=[
            f"status {region} 2026",
            f"dato høst {region} 2026 2026-11-19 10:00 {confirm}",
            f"status {other_region} 2026",
        ],
    )
    assert done.returncode == 0, done.stderr[-1500:]
    assert done.stdout.count(refused) == 2, done.stdout[-3000:]  # its status and its write
    assert "12. november 2026" in done.stdout  # the other region's meeting, read as before
    assert "Noe gikk galt" not in done.stdout and "Traceback" not in done.stderr
    assert sum(str(damaged) in line for line in done.stderr.splitlines() if "adapters.compose" in line) == 1
    assert damaged.read_bytes() == kept  # never overwritten
    other_done = chat(db, person=other, channel=other_region, lines=["neste"])
    assert other_done.returncode == 0 and refused not in other_done.stdout


def test_a_damaged_meta_still_stops_start_up(tmp_path: Path) -> None:
    db = tmp_path / "db"
    _store(db)
    (db / "meta.json").write_bytes(b"{ broken")
    done = chat(db, person="kari", channel="agder", lines=["status"])
    assert done.returncode == 3 and "Lagringen kan ikke brukes" in done.stderr and "meta.json" in done.stderr
