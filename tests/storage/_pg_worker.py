"""A replica's process against one PostgreSQL database; driven by test_postgres.py.

``python -m tests.storage._pg_worker count URL THREADS N``: after a line on stdin, THREADS threads each
record N changes through `StateStore.change` (a counter plus its history entry), printing "done".
"""

from __future__ import annotations

import sys
import threading
from datetime import datetime

from bot.clock import OSLO
from bot.state.store import Author, StateStore
from storage.postgres import PostgresStore

PARTITION = "cycle/agder/2027"
AUTHOR = Author(person=None, name="replica", platform="terminal", channel="agder")


def _bump(tables: dict) -> None:
    doc = tables.setdefault("counter", {}).setdefault("c", {"n": 0})
    doc["n"] += 1


def count(url: str, threads: int, times: int) -> None:
    store = PostgresStore(url, pool_size=threads + 1)
    state = StateStore(store=store)
    sys.stdin.readline()

    def work() -> None:
        for _ in range(times):
            state.change(
                partition=PARTITION, author=AUTHOR, at=datetime(2027, 1, 1, tzinfo=OSLO), summary="+1", mutate=_bump
            )

    workers = [threading.Thread(target=work) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    store.close()
    print("done", flush=True)


if __name__ == "__main__":
    count(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
