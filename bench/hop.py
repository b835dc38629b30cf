"""What a write's trip from the event loop to the core's pool costs (issue 21): CPU and wall per hop of a call
that does nothing, through the pool's own hop (`DaemonPool.on_loop`, what `bot.off_loop.in_pool` takes), through
`run_in_executor` on the same pool (what it took before), and in place.

    python -m bench.hop [--hops 5000] [--rounds 2]

Process time counts both threads (the loop's and the pool's), so it is the whole hop's CPU.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.off_loop import DaemonPool  # noqa: E402 - after the path is set


def _nothing() -> int:
    return 1


def ways(pool: DaemonPool) -> dict[str, Callable[[], Awaitable[object]]]:
    async def on_loop() -> object:
        return await pool.on_loop(asyncio.get_running_loop(), _nothing)

    async def run_in_executor() -> object:
        return await asyncio.get_running_loop().run_in_executor(pool, _nothing)

    async def in_place() -> object:
        return _nothing()

    return {"pool's own hop (on_loop)": on_loop, "run_in_executor": run_in_executor, "in place": in_place}


async def measure(*, hops: int, rounds: int) -> None:
    pool = DaemonPool(4)
    for _ in range(rounds):
        for name, hop in ways(pool).items():
            for _ in range(200):  # the threads started and warm
                await hop()
            cpu, wall = time.process_time(), time.perf_counter()
            for _ in range(hops):
                await hop()
            cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
            print(f"{name:28} CPU {cpu / hops * 1e6:6.1f} µs  wall {wall / hops * 1e6:6.1f} µs a hop")
    pool.shutdown(wait=False)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--hops", type=int, default=5000)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    asyncio.run(measure(hops=args.hops, rounds=args.rounds))


if __name__ == "__main__":
    main()
