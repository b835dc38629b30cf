"""What the history hash chain costs: sealing one entry on a write, and `verify` over a grown store.

    python bench/chain_bench.py [--regions 15] [--years 10] [--entries 40]

Entries are made through the real `StateStore.change` (so each is sealed as in production) on a real
`TinyDBStore` in a temporary folder; the seal alone is timed in a loop (a write's own time is fsync noise).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.clock import OSLO
from bot.state import chain
from bot.state.store import Author, StateStore, cycle_partition
from storage.tinydb_store import TinyDBStore

AUTHOR = Author(person="kari", name="Kari Nordmann", platform="slack", channel="C0AGDER")


def fill(state: StateStore, *, regions: int, years: int, entries: int) -> float:
    """Writes through StateStore.change; returns the median seconds per write."""
    times: list[float] = []
    at = datetime(2027, 1, 12, 9, tzinfo=OSLO)
    for region in range(regions):
        for year in range(2027, 2027 + years):
            partition = cycle_partition(f"region-{region}", year)
            for number in range(entries):
                start = time.perf_counter()
                state.change(
                    partition=partition,
                    author=AUTHOR,
                    at=at,
                    summary=f"Endring {number}",
                    mutate=lambda tables, n=number: tables.setdefault("milestones", {}).update(
                        {f"m{n}": {"done": True}}
                    ),
                    scope={"region": f"region-{region}", "year": year, "item": f"milestone:m{number}"},
                )
                times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--regions", type=int, default=15)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--entries", type=int, default=40)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        sealed = StateStore(store=TinyDBStore(Path(folder) / "sealed"))
        with_seal = fill(sealed, regions=args.regions, years=args.years, entries=args.entries)
        history = sealed.history(cycle_partition("region-0", 2027))
        rounds = 20000
        start = time.perf_counter()
        for index in range(rounds):
            chain.seal(dict(history[1]), previous=history[index % 1])
        seal = (time.perf_counter() - start) / rounds
        sealed.store.close()
        fresh = StateStore(store=TinyDBStore(Path(folder) / "sealed"))  # cold: every file read from disk
        start = time.perf_counter()
        reports = fresh.verify_all()
        cold = time.perf_counter() - start
        start = time.perf_counter()
        fresh.verify_all()
        warm = time.perf_counter() - start
        entries = sum(r.entries for r in reports)
        assert all(r.ok for r in reports)
    print(f"{args.regions} regions x {args.years} years x {args.entries} entries = {entries} history entries (TinyDB)")
    print(f"write median (fsync included) {with_seal * 1e3:.3f} ms, of which the seal {seal * 1e6:.1f} µs")
    print(f"verify {len(reports)} partitions: cold {cold * 1e3:.0f} ms, warm {warm * 1e3:.0f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
