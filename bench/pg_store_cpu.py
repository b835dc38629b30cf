"""The store's own CPU for a PostgreSQL write, without the core: what `storage/pg_*` costs the bot (issue 21).

A throwaway PostgreSQL 15 (`tests/pgserver.py`) holding one cycle partition about the size of a region's
(six milestones, a text version); then, `--writes` times, what a request's store work is around a `dato`:
the request's first look (the partition and one more, as `Store.one_look`), then a recorded change with a
request id (`StateStore.change`: the lock, the history entry chained to the last, the request id, the
partition written, the commit). Each write's CPU is this process's (`time.process_time`, the driver's
system calls included, the server's and the disk's wait not); the first 100 are dropped (connections,
prepared statements, caches warming). Run it on two checkouts alternately for a before and after (it
imports from the folder it runs in).

    python -m bench.pg_store_cpu [--writes 1500]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PARTITION = "cycle/agder/2028"


def measure(url: str, *, writes: int) -> str:
    from bot.clock import OSLO
    from bot.messages import Request
    from bot.state.store import Author, StateStore
    from storage.postgres import PostgresStore

    author = Author(person=None, name="bench", platform="slack", channel="C1")
    at = datetime(2028, 1, 1, tzinfo=OSLO)
    store = PostgresStore(url)
    try:
        with store.update(PARTITION) as tables:
            tables["milestones"] = {f"m{i}": {"date": "2028-01-01", "note": "x" * 200, "n": i} for i in range(6)}
            tables["versions"] = {"v1": {"text": "y" * 300}}
        state = StateStore(store=store)

        def bump(tables: dict) -> None:
            tables["milestones"]["m1"]["n"] += 1

        cpu: list[float] = []
        wall: list[float] = []
        for i in range(writes):
            request = Request(platform="slack", user_id="U1", channel_id="C1", text="dato", request_id=f"bench.{i}")
            started = (time.perf_counter(), time.process_time())
            with store.one_look():
                store.read(PARTITION)
                store.read("bindings")
                state.change(partition=PARTITION, author=author, at=at, summary="bench", mutate=bump, request=request)
            cpu.append(time.process_time() - started[1])
            wall.append(time.perf_counter() - started[0])
    finally:
        store.close()
    cpu, wall = cpu[100:], wall[100:]
    return (
        f"store CPU per write: median {statistics.median(cpu) * 1e6:.0f} µs, mean {statistics.mean(cpu) * 1e6:.0f} µs;"
        f" wall median {statistics.median(wall) * 1e3:.2f} ms ({len(cpu)} writes)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--writes", type=int, default=1500, help="recorded changes (the first 100 not counted)")
    args = parser.parse_args()
    from bench.pg_write import on_server
    from storage.postgres import migrate_url

    def work(server: Any) -> str:
        migrate_url(server.url())
        return measure(server.url(), writes=max(args.writes, 101))

    print(on_server(work))


if __name__ == "__main__":
    main()
