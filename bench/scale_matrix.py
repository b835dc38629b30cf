"""Is a command's cost flat over the store's age and the number of organisations? On tinydb and PostgreSQL.

History is built through the real core (`bench.history`: the commands of every cycle plus a reminder pass
on each Monday, as `core_bench --quick`), once per organisation count: the longest history is built and
the shorter ones are copied on the way, as the store stood at their `now` (the same data a separate build
gives). PostgreSQL gets each data set through the project's own import (`storage.transfer.copy_store`,
what `python -m bot import` runs) on a throwaway local server (`tests/pgserver.py`, fsync on).

Then every data set is open at once, each with its own core, and measured *interleaved*: in each round
every data set, in a shuffled order, gets one write, one `neste` and one `logg` for the next of its regions
(the coordinator in the region's channel). Drift of the machine (other work, disk flushes) so hits every
data set alike. Per request: wall time, and the process's CPU time (`time.process_time`).

- write: `dato vår <region> <year> <day> 10:00` of the cycle open at `now`, alternating between two
  valid days, so every run is a real change (the milestone and its history entry, through
  `StateStore.change`), durable on return;
- `neste` and `logg` in the region's channel.

    python -m bench.scale_matrix                 # tinydb and postgres, 1/10/30 years x 15/100 organisations
    python -m bench.scale_matrix --quick         # 150 rounds; 100 organisations at 1 and 10 years only
    python -m bench.scale_matrix --keep /tmp/sm  # keep (and next time reuse) the built tinydb data there

See docs/benchmarks.md ("Flat over age and size") for the figures.
"""

from __future__ import annotations

import argparse
import json
import logging
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from bench.history import (
    ROOT,
    Bench,
    build_history,
    history_now,
    open_bench,
    organisations_text,
    without_fsync,
    workday,
)

COMMANDS = ("write", "neste", "logg")


@dataclass
class DataSet:
    store: str
    organisations: int
    years: int
    bench: Bench
    regions: list[str]
    days: tuple[str, str]
    wall: dict[str, list[float]] = field(default_factory=lambda: {name: [] for name in COMMANDS})
    cpu: dict[str, list[float]] = field(default_factory=lambda: {name: [] for name in COMMANDS})
    flip: dict[str, int] = field(default_factory=dict)

    @property
    def key(self) -> tuple[str, int, int]:
        return (self.store, self.organisations, self.years)

    def text(self, command: str, region: str) -> str:
        if command != "write":
            return command
        turn = self.flip[region] = 1 - self.flip.get(region, 1)
        return f"dato vår {region} {history_now(self.years).year} {self.days[turn]} 10:00"

    def run(self, command: str, region: str) -> None:
        text = self.text(command, region)
        user = self.bench.coordinators[region]
        wall0, cpu0 = time.perf_counter(), time.process_time()
        outcome = self.bench.say(text, user=user, channel=region, request_id=command == "write")
        cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
        reply = outcome.reply
        if not reply.ok or reply.title in ("Bekreft datoen", "Allerede registrert"):
            raise SystemExit(f"{self.key} {text!r} refused: {reply.title} {reply.text[:300]}")
        self.wall[command].append(wall)
        self.cpu[command].append(cpu)


# -- building -------------------------------------------------------------------------------------------


QUICK_LARGE_YEARS = 10
"""With --quick, more than 15 organisations are built up to this many years (100 x 30 years takes ~5 min)."""


def build(
    root: Path, *, organisations: list[int], years: list[int], quick: bool = False
) -> dict[tuple[int, int], Path]:
    """The tinydb folder of every (organisations, years), built where missing (a `built-*.json` beside
    each says it is complete, so `--keep` reuses it)."""
    from bot.model.config import parse_config

    folders: dict[tuple[int, int], Path] = {}
    every = years
    for count in organisations:
        years = [y for y in every if not (quick and count > 15 and y > QUICK_LARGE_YEARS)] or [min(every)]
        wanted = {y: root / f"o{count}-y{y}" for y in years}
        folders.update({(count, y): folder for y, folder in wanted.items()})
        missing = [y for y in years if not (root / f"built-o{count}-y{y}.json").exists()]
        if not missing:
            print(f"# {count} organisations: reusing {root}", flush=True)
            continue
        for y in years:
            shutil.rmtree(wanted[y], ignore_errors=True)
        longest = max(years)
        config = parse_config(organisations_text(count))
        with without_fsync():
            history = build_history(
                wanted[longest],
                years=longest,
                mondays_only=True,
                config=config,
                copies={y: wanted[y] for y in years if y != longest},
            )
        print(
            f"# {count} organisations, {longest} yr: {history.commands} commands, {history.passes} passes "
            f"({history.reminders_sent} posts), {history.partitions} partitions, "
            f"{history.bytes_on_disk / 2**20:.1f} MiB, {history.history_entries} history and "
            f"{history.ledger_entries} ledger entries; built in {history.seconds:.0f} s (shorter ones copied on the way)",
            flush=True,
        )
        for y in years:
            (root / f"built-o{count}-y{y}.json").write_text(json.dumps({"organisations": count, "years": y}))
    return folders


@contextmanager
def postgres_databases(names: list[str]) -> Iterator[dict[str, str]]:
    """A throwaway server with one migrated, empty database per name: name -> URL."""
    import psycopg

    from storage.postgres import migrate_url
    from tests import pgserver

    server = pgserver.start_server()
    try:
        with psycopg.connect(server.url(), autocommit=True) as conn:
            for name in names:
                conn.execute(f'CREATE DATABASE "{name}"')
        urls = {name: server.url(name) for name in names}
        for url in urls.values():
            migrate_url(url)
        yield urls
    finally:
        pgserver.stop_server(server)


def open_sets(
    stack: ExitStack, *, folders: dict[tuple[int, int], Path], stores: list[str], work: Path
) -> list[DataSet]:
    """Every data set open with its own core: tinydb on a work copy (the writes must not touch the kept
    data), PostgreSQL imported from the same tinydb data."""
    from bot.model.config import parse_config
    from storage.tinydb_store import TinyDBStore
    from storage.transfer import copy_store

    urls: dict[str, str] = {}
    if "postgres" in stores:
        from tests import pgserver

        reason = pgserver.unavailable()
        if reason:
            raise SystemExit(f"postgres: cannot run ({reason}); use --stores tinydb")
        urls = stack.enter_context(postgres_databases([f"o{o}y{y}" for o, y in folders]))
    sets: list[DataSet] = []
    configs = {count: parse_config(organisations_text(count)) for count, _ in folders}
    for (count, years), folder in sorted(folders.items()):
        now = history_now(years)
        year = now.year
        days = (workday(date(year, 4, 20)).isoformat(), workday(date(year, 4, 27)).isoformat())
        for kind in stores:
            if kind == "tinydb":
                copy = work / f"o{count}-y{years}"
                shutil.copytree(folder, copy)
                bench = open_bench(copy, at=now, config=configs[count])
            else:
                from storage.postgres import PostgresStore

                started = time.perf_counter()
                target = PostgresStore(urls[f"o{count}y{years}"])
                with TinyDBStore(folder) as source:
                    copied = copy_store(source=source, target=target)
                print(
                    f"# imported {count} organisations, {years} yr into PostgreSQL: {copied.partitions} partitions, "
                    f"{copied.rows} rows in {time.perf_counter() - started:.0f} s",
                    flush=True,
                )
                bench = open_bench(folder, at=now, config=configs[count], store=target)
            bench.counter = 10**6  # request ids after the history's ("bench-N" again would be a retry)
            stack.callback(bench.loop.close)
            stack.callback(bench.core.store.close)
            regions = [region.key for region in configs[count].parties.regions]
            sets.append(DataSet(kind, count, years, bench, regions, days))
    return sets


# -- measuring ------------------------------------------------------------------------------------------


def measure(sets: list[DataSet], *, runs: int, seed: int = 7) -> None:
    """`runs` rounds; each round visits every data set once in a shuffled order (interleaved)."""
    from bot.dates.grammar import warm_up

    warm_up()
    rng = random.Random(seed)
    for data in sets:  # what a running bot has done: its regions' partitions read once
        for region in data.regions:
            for command in ("neste", "logg"):
                data.run(command, region)
        data.wall = {name: [] for name in COMMANDS}
        data.cpu = {name: [] for name in COMMANDS}
    order = list(sets)
    for index in range(runs):
        rng.shuffle(order)
        for data in order:
            region = data.regions[index % len(data.regions)]
            for command in COMMANDS:
                data.run(command, region)


def ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def report(sets: list[DataSet]) -> str:
    """One line per data set: medians in ms, and each against the 15-organisation, 1-year data set of its
    store (the baseline; 1.00 = the same cost)."""
    base = {
        data.store: data
        for data in sets
        if (data.organisations, data.years) == min((d.organisations, d.years) for d in sets)
    }
    head = (
        "| store | orgs | years | write wall | write CPU | neste wall | neste CPU | logg wall | logg CPU |"
        " ratio write wall / CPU | ratio neste wall / CPU | ratio logg wall / CPU |"
    )
    lines = [head, "|" + "---|" * 12]
    for data in sets:
        first = base[data.store]
        cells = [data.store, str(data.organisations), str(data.years)]
        ratios = []
        for command in COMMANDS:
            wall, cpu = ms(data.wall[command]), ms(data.cpu[command])
            cells += [f"{wall:.3f}", f"{cpu:.3f}"]
            ratios.append(f"{wall / ms(first.wall[command]):.2f} / {cpu / ms(first.cpu[command]):.2f}")
        lines.append("| " + " | ".join(cells + ratios) + " |")
    return "\n".join(lines)


def verdict(sets: list[DataSet]) -> str:
    """The largest deviation from the baseline per store and command (aim: within 20 %)."""
    lines = []
    for store in dict.fromkeys(data.store for data in sets):
        mine = [data for data in sets if data.store == store]
        first = min(mine, key=lambda d: (d.organisations, d.years))
        for command in COMMANDS:
            for label, series in (("wall", "wall"), ("CPU", "cpu")):
                base = ms(getattr(first, series)[command])
                ratios = [ms(getattr(data, series)[command]) / base for data in mine]
                worst = max(ratios, key=lambda r: abs(r - 1))
                mark = "ok" if abs(worst - 1) <= 0.2 else "NOT within 20 %"
                lines.append(f"{store:8} {command:5} {label:4}: worst {worst:.2f}x of the baseline  {mark}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--stores", nargs="+", default=["tinydb", "postgres"], choices=["tinydb", "postgres"])
    parser.add_argument("--years", type=int, nargs="+", default=[1, 10, 30])
    parser.add_argument("--organisations", type=int, nargs="+", default=[15, 100])
    parser.add_argument("--runs", type=int, help="rounds (each: every data set x write, neste, logg); default 400")
    parser.add_argument(
        "--quick", action="store_true", help=f"150 rounds; more than 15 organisations up to {QUICK_LARGE_YEARS} years"
    )
    parser.add_argument("--keep", type=Path, help="build the tinydb data here and keep it (reused when present)")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    logging.disable(logging.INFO)  # one log line per write would dominate what we measure
    runs = args.runs or (150 if args.quick else 400)
    root = args.keep or Path(tempfile.mkdtemp(prefix="scale-matrix-"))
    root.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="scale-matrix-work-"))
    try:
        folders = build(root, organisations=args.organisations, years=args.years, quick=args.quick)
        with ExitStack() as stack:
            sets = open_sets(stack, folders=folders, stores=args.stores, work=work)
            started = time.perf_counter()
            measure(sets, runs=runs)
            print(f"# {runs} interleaved rounds over {len(sets)} data sets in {time.perf_counter() - started:.0f} s")
            print()
            print(report(sets))
            print()
            print(verdict(sets))
    finally:
        logging.disable(logging.NOTSET)
        shutil.rmtree(work, ignore_errors=True)
        if args.keep:
            print(f"# kept the built data in {root}")
        else:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
