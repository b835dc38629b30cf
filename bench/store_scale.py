"""Does a write cost the same at 10 or 10,000 history entries? The store layer on tinydb and PostgreSQL.

``python -m bench.store_scale [--sizes 10,1000,10000] [--writes 300]``

For each store and each history size N, one partition is filled with N history entries (through
`StateStore.change`, as the commands make them), then timed in one run:
- *write*: `StateStore.change` of one milestone document plus its history entry (what a command writes);
- *read*: `StateStore.tables` of the partition (what `neste`/`status` read);
- *logg*: the newest 10 entries and the count (`StateStore.latest`/`history_count`, what `logg` reads).
Each figure is a median in ms, and the ratio of the largest N to the smallest is the point (flat = ~1.0).
PostgreSQL runs on a throwaway local server (tests/pgserver.py) over its Unix socket, fsync on.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import datetime
from typing import Any

from bot.clock import OSLO
from bot.state.store import Author, StateStore
from storage.base import Store

PARTITION = "cycle/agder/2027"
AUTHOR = Author(person="kari", name="Kari Nordmann", platform="slack", channel="C0AGDER")
AT = datetime(2027, 1, 11, 9, 0, tzinfo=OSLO)


def _mutate(n: int) -> Callable[[Any], None]:
    def mutate(tables: Any) -> None:
        tables.setdefault("milestones", {})["regional-spring"] = {"planned": AT.isoformat(), "rev": n}

    return mutate


def _fill(state: StateStore, *, upto: int) -> None:
    """Add history entries shaped like `StateStore.change` makes them, in one update (fast to set up)."""
    store = state.store
    have = len(state.history(PARTITION))
    with store.update(PARTITION) as tables:
        for n in range(have, upto):
            entry = {
                "at": AT.isoformat(),
                "person": AUTHOR.person,
                "name": AUTHOR.name,
                "platform": AUTHOR.platform,
                "channel": AUTHOR.channel,
                "summary": f"Endring {n}",
                "region": "agder",
                "year": 2027,
                "item": "regional-spring:agder:2027",
            }
            store.append(tables, partition=PARTITION, table="history", entry=entry)


def _median_ms(fn: Callable[[], Any], *, times: int) -> float:
    samples = []
    for _ in range(times):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def measure(store: Store, *, sizes: list[int], writes: int) -> list[dict[str, float]]:
    state = StateStore(store=store)
    rows = []
    for size in sizes:
        _fill(state, upto=size)
        counter = iter(range(10**9))
        write = _median_ms(
            lambda counter=counter: state.change(
                partition=PARTITION, author=AUTHOR, at=AT, summary="bench", mutate=_mutate(next(counter))
            ),
            times=writes,
        )
        read = _median_ms(lambda: state.tables(PARTITION), times=writes)
        logg = _median_ms(
            lambda: (state.latest(PARTITION, limit=10), state.history_count(PARTITION)), times=max(20, writes // 10)
        )
        rows.append({"size": size, "write": write, "read": read, "logg": logg})
        # Measured writes added entries: the next size is filled up to exactly its N again.
    return rows


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="10,1000,10000")
    parser.add_argument("--writes", type=int, default=300)
    parser.add_argument("--stores", default="tinydb,postgres")
    args = parser.parse_args()
    sizes = [int(x) for x in args.sizes.split(",")]
    for kind in args.stores.split(","):
        if kind == "tinydb":
            from storage.tinydb_store import TinyDBStore

            with tempfile.TemporaryDirectory() as folder, TinyDBStore(folder) as store:
                report(kind, measure(store, sizes=sizes, writes=args.writes))
        else:
            from storage.postgres import PostgresStore, migrate_url
            from tests import pgserver

            reason = pgserver.unavailable()
            if reason:
                print(f"postgres: skipped ({reason})")
                continue
            server = pgserver.start_server()
            try:
                migrate_url(server.url())
                with PostgresStore(server.url()) as store:
                    report(kind, measure(store, sizes=sizes, writes=args.writes))
            finally:
                pgserver.stop_server(server)


def report(kind: str, rows: list[dict[str, float]]) -> None:
    print(f"{kind}: median ms per operation, by history entries in the partition")
    print(f"  {'entries':>8} {'write':>8} {'read':>8} {'logg':>8}")
    for row in rows:
        print(f"  {row['size']:>8} {row['write']:>8.3f} {row['read']:>8.3f} {row['logg']:>8.3f}")
    first, last = rows[0], rows[-1]
    print(
        f"  ratio {last['size']}/{first['size']}: write {last['write'] / first['write']:.2f}x, "
        f"read {last['read'] / first['read']:.2f}x, logg {last['logg'] / first['logg']:.2f}x"
    )


if __name__ == "__main__":
    main()
