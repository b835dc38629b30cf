"""Core benchmark: command latency, reminder passes, start-up time and memory, with 1 and 10 years of history.

History is made the way production makes it: a real `TinyDBStore` in a temporary folder and the real
`Core`, driven through its Norwegian commands under a `FixedClock` (dates, minutes, preconditions,
signatures, assignment agreements, runtime person bindings), interleaved with a reminder pass at 09:00
on every working day through a fake sender, so the ledger fills up as it does in production. Nothing is
written to the store directly.

    python -m bench.core_bench            # 1 and 10 years, 300 runs per command
    python -m bench.core_bench --quick    # 1 and 3 years, 60 runs, passes on Mondays only

See docs/benchmarks.md for the figures and the machine they were taken on.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from bench.history import (
    ACTOR_CHANNEL,
    ACTOR_PEOPLE,
    CONFIG,
    FIRST_CYCLE,
    ROOT,
    Bench,
    History,
    at_hour,
    build_history,
    cycle_steps,
    open_bench,
    working_days,
)

# -- measuring ------------------------------------------------------------------------------------------


@dataclass
class Stats:
    name: str
    runs: int
    median: float
    p95: float
    p99: float
    max: float
    note: str = ""

    @classmethod
    def of(cls, name: str, samples: list[float], note: str = "") -> Stats:
        ms = sorted(s * 1000 for s in samples)
        cuts = statistics.quantiles(ms, n=100, method="inclusive") if len(ms) > 1 else [ms[0]] * 99
        return cls(name, len(ms), statistics.median(ms), cuts[94], cuts[98], ms[-1], note)


def timed(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> tuple[float, Any]:
    """(seconds, result) of one call."""
    started = time.perf_counter()
    result = fn(*args, **kwargs)
    return time.perf_counter() - started, result


def measure(history: History, *, runs: int, seed: int = 7) -> list[Stats]:
    rng = random.Random(seed)
    year = history.now.year
    results: list[Stats] = []
    # Work on a copy, so the history can be measured again (and the signatures restored between rounds).
    work = Path(tempfile.mkdtemp(prefix="core-bench-work-"))
    try:
        shutil.copytree(history.folder, work, dirs_exist_ok=True)
        bench = open_bench(work, at=history.now)
        bench.counter = 10**6  # request ids after the history's ("bench-N" again would be a retry of those)
        regions = list(bench.coordinators)
        _warm(bench)

        def run(text: str, *, user: str, channel: str, request_id: bool = False) -> tuple[float, Any]:
            seconds, outcome = timed(bench.say, text, user=user, channel=channel, request_id=request_id)
            if not outcome.reply.ok:
                raise SystemExit(f"benchmark command {text!r} refused: {outcome.reply.text[:300]}")
            return seconds, outcome

        for command in ("neste", "status"):
            samples = [
                run(command, user=bench.coordinators[region], channel=region)[0]
                for region in (regions[index % len(regions)] for index in range(runs))
            ]
            note = "rotating over the 15 region channels" + (
                ", region from the channel, year picked" if command == "status" else ""
            )
            results.append(Stats.of(f"`{command}` (region channel)", samples, note))
        samples = [run("neste", user="aud", channel="nasjonal")[0] for _ in range(runs)]
        results.append(Stats.of("`neste` (national channel)", samples, "AU: national items and every actor's letters"))

        # The signing of agreement `year`: 15 regions x 5 parties = 75 real writes per round, shuffled.
        pairs = [(region, party) for region in regions for party in (region, *ACTOR_PEOPLE)]
        writes: list[float] = []
        already: list[float] = []
        rounds = max(1, -(-runs // len(pairs)))
        for _ in range(rounds):
            rng.shuffle(pairs)
            for region, party in pairs:
                user = bench.coordinators[region] if party == region else ACTOR_PEOPLE[party]
                channel = region if party == region else ACTOR_CHANNEL[party]
                text = f"signer {year}" if party == region else f"signer {party} {region} {year}"
                seconds, outcome = run(text, user=user, channel=channel, request_id=True)
                writes.append(seconds)
                if not outcome.reply.title.startswith(("Signert for", "Samarbeidsavtalen")):
                    raise SystemExit(f"expected a recorded signature, got {outcome.reply.title!r}")
            for region, party in pairs:
                user = bench.coordinators[region] if party == region else ACTOR_PEOPLE[party]
                channel = region if party == region else ACTOR_CHANNEL[party]
                text = f"signer {year}" if party == region else f"signer {party} {region} {year}"
                seconds, outcome = run(text, user=user, channel=channel, request_id=True)
                if outcome.reply.title not in ("Allerede signert", "Allereie signert"):  # nynorsk regions too
                    raise SystemExit(f"expected «Allerede signert», got {outcome.reply.title!r}")
                already.append(seconds)
            # Put the unsigned folder back for the next round (a new store: the files are new inodes).
            bench.core.store.close()
            shutil.rmtree(work)
            shutil.copytree(history.folder, work)
            counter = bench.counter
            bench = open_bench(work, at=history.now)
            bench.counter = counter
            _warm(bench)
        writes, already = writes[:runs], already[:runs]
        results.append(
            Stats.of(
                "`signer` (records)",
                writes,
                f"{len(pairs)} signatures (15 regions x 5 parties) of the agreement open at `now`, shuffled; data restored between rounds",
            )
        )
        results.append(Stats.of("`signer` (already signed)", already))

        # Reminder passes, going on from `now` as production does: a pass at 09:00 on each working day for
        # four months, with the people's commands of those months (signatures, assignment agreements, the
        # spring meetings) in between. Only the passes are timed. On the first day, the pass is repeated:
        # nothing new is due then, so that is the planner and the ledger reads alone.
        end = history.now + timedelta(days=120)
        steps = [(step.at, step) for step in cycle_steps(bench, year=year) if history.now <= step.at < end]
        days = [(at_hour(day, 9), None) for day in working_days(history.now.date(), end.date(), mondays_only=False)]
        posting, idle, sent = [], [], 0
        for at, step in sorted(steps + days, key=lambda entry: entry[0]):
            if step is not None:
                bench.must(step)
                continue
            seconds, report = timed(bench.run_pass, at)
            posting.append(seconds)
            sent += report.sent
            if not idle:
                idle = [timed(bench.run_pass, at)[0] for _ in range(max(20, runs // 5))]
        if bench.failures:
            raise SystemExit("commands after `now` failed:\n" + "\n".join(bench.failures[:20]))
        results.append(
            Stats.of(
                "reminder pass, nothing new due",
                idle,
                "planner over all regions + ledger reads (repeat of the first day's pass)",
            )
        )
        results.append(
            Stats.of(
                "reminder pass, posting",
                posting,
                f"one per working day for 4 months from `now`, with that period's commands; {sent} posts; per pass one write of its intents and one ledger write per partition",
            )
        )
        bench.core.store.close()
        bench.loop.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return results


def measure_empty(*, runs: int) -> Stats:
    """The planner's worst case: nothing recorded at all on 20 January 2027, so every item is open and
    hundreds of reminders are due. `planner.due` only (a pass would write the ledger and change the case)."""
    folder = Path(tempfile.mkdtemp(prefix="core-bench-empty-"))
    try:
        at = at_hour(date(FIRST_CYCLE, 1, 20), 9)
        bench = open_bench(folder, at=at)
        due = bench.core.planner.due(now=at)
        samples = [timed(bench.core.planner.due, now=at)[0] for _ in range(max(20, runs // 5))]
        bench.core.store.close()
        bench.loop.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return Stats.of("`planner.due`, empty store", samples, f"{at:%Y-%m-%d}, nothing recorded: {len(due)} reminders due")


def _warm(bench: Bench) -> None:
    """What a running bot has already done: dateparser loaded, the recent partitions in the cache."""
    from bot.dates.grammar import warm_up

    warm_up()
    for region in bench.coordinators:
        bench.say("neste", user=bench.coordinators[region], channel=region)
        bench.say("status", user=bench.coordinators[region], channel=region)
    bench.core.planner.due(now=bench.clock.now())  # reads only: the ledger is left as it was


def measure_startup(history: History, *, repeats: int) -> dict[str, float]:
    """Start-up in a fresh interpreter: imports, `build_core`, `warm_up`, then the first command."""
    results: list[dict[str, float]] = []
    for _ in range(repeats):
        work = Path(tempfile.mkdtemp(prefix="core-bench-start-"))
        try:
            shutil.copytree(history.folder, work, dirs_exist_ok=True)
            started = time.perf_counter()
            out = subprocess.run(
                [sys.executable, "-m", "bench.core_bench", "--startup-probe", str(work), history.now.isoformat()],
                cwd=ROOT,
                check=True,
                capture_output=True,
                text=True,
            ).stdout
            wall = time.perf_counter() - started
        finally:
            shutil.rmtree(work, ignore_errors=True)
        probe = json.loads(out.strip().splitlines()[-1])
        probe["process_wall_ms"] = wall * 1000
        results.append(probe)
    return {key: statistics.median(r[key] for r in results) for key in results[0]}


def startup_probe(folder: str, now: str) -> None:
    """Runs in the fresh interpreter. Prints one JSON line."""
    import resource

    t0 = time.perf_counter()
    from adapters.compose import build_core
    from bot.clock import FixedClock
    from bot.dates.grammar import warm_up

    t1 = time.perf_counter()
    core = build_core(config_path=str(CONFIG), db_path=folder, clock=FixedClock(datetime.fromisoformat(now)))
    t2 = time.perf_counter()
    warm_up()
    t3 = time.perf_counter()
    rss_ready = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    hwm_ready = _vm_hwm_kib()
    from bot.dates.workdays import is_working_day
    from bot.messages import Request

    # `holidays` loads its Norwegian tables on first use, i.e. in the first reminder pass: this is what
    # warming them at start-up would cost (and what the first pass no longer pays then).
    holidays_started = time.perf_counter()
    is_working_day(core.clock.now().date())
    holidays_ms = (time.perf_counter() - holidays_started) * 1000

    def first(text: str, channel: str, user: str) -> float:
        started = time.perf_counter()
        core.handle(Request(platform="terminal", user_id=user, channel_id=channel, text=text))
        return (time.perf_counter() - started) * 1000

    first_neste = first("neste", "agder", "kari")
    first_status = first("status", "vestland", "per")
    pass_started = time.perf_counter()
    core.planner.due(now=core.clock.now())
    first_due = (time.perf_counter() - pass_started) * 1000
    rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    hwm_after = _vm_hwm_kib()
    print(
        json.dumps(
            {
                "imports_ms": (t1 - t0) * 1000,
                "build_core_ms": (t2 - t1) * 1000,
                "warm_up_ms": (t3 - t2) * 1000,
                "ready_ms": (t3 - t0) * 1000,
                "holidays_first_use_ms": holidays_ms,
                "first_neste_ms": first_neste,
                "first_status_ms": first_status,
                "first_due_ms": first_due,
                "peak_rss_ready_mib": hwm_ready / 1024,
                "peak_rss_after_commands_mib": hwm_after / 1024,
                "ru_maxrss_after_commands_mib": rss_after / 1024,
                "ru_maxrss_ready_mib": rss_ready / 1024,
            }
        )
    )


def _vm_hwm_kib() -> float:
    """This process's peak RSS since its exec (Linux VmHWM). `ru_maxrss` is kept across exec on Linux, so
    in a child it can show the parent's peak from before the exec (here: the bench holding 10 years)."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return float(line.split()[1])
    except OSError:
        pass
    import resource

    return float(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


# -- report ---------------------------------------------------------------------------------------------


def table(per_years: dict[int, list[Stats]]) -> str:
    years = sorted(per_years)
    head = "| Measurement | " + " | ".join(f"{y} yr: median / p95 / p99 / max (ms)" for y in years) + " | Runs | Note |"
    lines = [head, "|" + "---|" * (len(years) + 3)]
    for index, first in enumerate(per_years[years[0]]):
        cells = []
        for y in years:
            s = per_years[y][index]
            cells.append(f"{s.median:.2f} / {s.p95:.2f} / {s.p99:.2f} / {s.max:.2f}")
        lines.append(f"| {first.name} | " + " | ".join(cells) + f" | {first.runs} | {first.note} |")
    return "\n".join(lines)


def startup_table(per_years: dict[int, dict[str, float]]) -> str:
    years = sorted(per_years)
    lines = [
        "| Start-up (median of runs) | " + " | ".join(f"{y} yr" for y in years) + " |",
        "|" + "---|" * (len(years) + 1),
    ]
    for key in per_years[years[0]]:
        unit = "MiB" if key.endswith("mib") else "ms"
        label = key.removesuffix("_mib").removesuffix("_ms").replace("_", " ")
        lines.append(f"| {label} ({unit}) | " + " | ".join(f"{per_years[y][key]:.1f}" for y in years) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="1 and 3 years, 60 runs, passes on Mondays only")
    parser.add_argument("--years", type=int, nargs="+", help="history lengths (default 1 10)")
    parser.add_argument("--runs", type=int, help="runs per command (default 300)")
    parser.add_argument("--startup-repeats", type=int, default=5)
    parser.add_argument("--keep", action="store_true", help="keep the generated data folders and print where")
    parser.add_argument("--startup-probe", nargs=2, metavar=("FOLDER", "NOW"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.startup_probe:
        startup_probe(*args.startup_probe)
        return
    sys.path.insert(0, str(ROOT))
    import logging

    logging.disable(logging.INFO)  # one log line per write would dominate what we measure
    years_list = args.years or ([1, 3] if args.quick else [1, 10])
    runs = args.runs or (60 if args.quick else 300)
    startup_repeats = 2 if args.quick else args.startup_repeats
    per_years: dict[int, list[Stats]] = {}
    startups: dict[int, dict[str, float]] = {}
    histories: list[History] = []
    for years in years_list:
        folder = Path(tempfile.mkdtemp(prefix=f"core-bench-{years}y-"))
        try:
            history = build_history(folder, years=years, mondays_only=args.quick)
            histories.append(history)
            print(
                f"# {years} yr: {history.commands} commands, {history.passes} passes ({history.reminders_sent} posts), "
                f"{history.partitions} partitions, {history.bytes_on_disk / 1024:.0f} KiB, {history.history_entries} "
                f"history entries, {history.ledger_entries} ledger entries; built in {history.seconds:.1f} s; now = {history.now:%Y-%m-%d %H:%M}",
                flush=True,
            )
            per_years[years] = measure(history, runs=runs)
            startups[years] = measure_startup(history, repeats=startup_repeats)
        finally:
            if args.keep:
                print(f"# kept {folder}")
            else:
                shutil.rmtree(folder, ignore_errors=True)
    print()
    print(table(per_years))
    empty = measure_empty(runs=runs)
    print()
    print(table({0: [empty]}).replace("0 yr: ", "").replace("| Measurement |", "| Worst case |"))
    print()
    print(startup_table(startups))


if __name__ == "__main__":
    main()
