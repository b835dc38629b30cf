"""A separate process that writes through `TinyDBStore`; driven by test_processes.py.

``python -m tests.storage._worker count DIR N``: after a line on stdin, increments a counter N times.
``python -m tests.storage._worker crash DIR``: increments forever, printing each value once `update`
has returned (i.e. once the write is durable), until it is killed.
"""

from __future__ import annotations

import sys

from storage import TinyDBStore

PARTITION = "cycle/agder/2027"
PADDING_DOCS = 300


def count(directory: str, times: int) -> None:
    with TinyDBStore(directory) as store:
        sys.stdin.readline()  # start together with the other worker
        for _ in range(times):
            with store.update(PARTITION) as tables:
                doc = tables.setdefault("counter", {}).setdefault("c", {"n": 0})
                doc["n"] += 1


def crash(directory: str) -> None:
    with TinyDBStore(directory) as store:
        n = store.read(PARTITION).get("counter", {}).get("c", {}).get("n", 0)
        print(f"start {n}", flush=True)
        while True:
            with store.update(PARTITION) as tables:
                # Enough bytes that a write spans several pages and takes a while.
                padding = tables.setdefault("padding", {})
                for i in range(PADDING_DOCS):
                    padding[f"doc-{i}"] = {
                        "text": f"Samhandlingsavtale for Agder, punkt {i}: å ø æ",
                        "rev": n,
                    }
                n += 1
                tables.setdefault("counter", {})["c"] = {"n": n}
            print(n, flush=True)


if __name__ == "__main__":
    if sys.argv[1] == "count":
        count(sys.argv[2], int(sys.argv[3]))
    elif sys.argv[1] == "crash":
        crash(sys.argv[2])
    else:
        raise SystemExit(f"unknown mode {sys.argv[1]!r}")
