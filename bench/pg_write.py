"""PostgreSQL writes against a one-row commit on the same server (issue 21: "≤ 3× a one-row commit").

A throwaway PostgreSQL 15 on a Unix socket in a temporary folder (`tests/pgserver.py`, fsync and
synchronous_commit on), holding the Slack bench's state (`bench.slack_setup`: 15 regions, a year of history)
through the project's own import (`storage.transfer.copy_store`). Then, alternately, request by request:
- *one-row commit*: ``UPDATE one SET n = n + 1 WHERE id = 1`` in its own transaction on a psycopg
  connection of its own: the least a durable write can cost on this server;
- `dato vår <region> 2028 <day> 10:00` by each region's coordinator over `Core.handle` (platform Slack, with
  a request id), alternating two days so each one writes: the change, its history entry, its request id and
  its announcements, one transaction (in their order: until the tenth pass the whole work was shuffled, so
  about 40 % of the `dato`s asked for the day the region had and wrote nothing); then `Core.deliver`, as
  `serve` does after every request (until `pgw3` a `dato`'s announcements were never delivered: each
  region's outbox only grew, to ~65 KB of pending posts a partition by the 300th `dato`, and every write
  sent it all back to the server, a partition no user's region has);
- `signer` for the 75 signatures of agreement 2028 (shuffled), each followed by `Core.deliver`.
Both deliver to a Slack sender that accepts every post (no Teams sender, as in the Slack bench); what became
of the posts is a mark noted beside the partition (`storage.pg_noted`, no wait for the disk).
Each kind is timed twice over: the write alone (`Core.handle`: the transaction and the reply, what the person
waits for) and with its delivery (the server's whole work for the request). Until `pgw3` a `dato` was the
write alone and a `signer` the write with its delivery. CPU is this process's, the bot's own work (the
database's is in the wall time). Ratios are of medians, taken in one interleaved run.

    python -m bench.pg_write [--runs 300] [--statements]

With ``--statements`` the server also counts its statements (pg_stat_statements, loaded by a restart) and
the bench prints, for the timed work only, each statement's count per write, mean time and WAL: where a
write's time goes on the server's side, and how many round trips it makes.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from types import MappingProxyType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.history import FakeSender  # noqa: E402 - after the path is set
from bench.slack_roundtrip import groups  # noqa: E402
from bench.slack_setup import build  # noqa: E402


def _timed(work: Callable[[], Any]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of this process) of one call."""
    wall, cpu = time.perf_counter(), time.process_time()
    work()
    return time.perf_counter() - wall, time.process_time() - cpu


def _line(name: str, samples: list[tuple[float, ...]], base: tuple[float, float]) -> str:
    wall, cpu = statistics.median(s[0] for s in samples), statistics.median(s[1] for s in samples)
    over = statistics.median(s[2] for s in samples) if len(samples[0]) > 2 else 0.0
    return (
        f"| {name} | {len(samples)} | {wall * 1000:.2f} ms | {cpu * 1000:.2f} ms | **{wall / base[0]:.2f}** "
        f"| {cpu / base[1]:.1f} | {over * 1000:.2f} ms |"
    )


def measure(url: str, folder: Path, *, runs: int, statements: bool = False) -> str:
    import psycopg

    from adapters.compose import make_core
    from bot.clock import FixedClock
    from bot.messages import Request
    from bot.model.config import load_config
    from storage.postgres import PostgresStore
    from storage.tinydb_store import TinyDBStore
    from storage.transfer import copy_store

    served = build(folder)
    store = PostgresStore(url)
    with TinyDBStore(served.data) as source:
        copied = copy_store(source=source, target=store)
    with psycopg.connect(url, autocommit=True) as fresh:
        # As autovacuum does within a minute of an import: without statistics the planner took the lock's
        # request-id lookup through `rows_by_position` and filtered every request id of the partition
        # (the primary key once analysed; until `pgw3` the bench ran on an unanalysed import).
        fresh.execute("ANALYZE")
    core = make_core(config=load_config(str(served.config)), store=store, clock=FixedClock(served.now))
    asked = groups(served.regions, per_group=runs, year=served.now.year)
    slack = FakeSender("slack")
    slack.looks_up = True  # as Slack's sender: a post can be found again, so none is marked before
    senders = {"slack": slack}  # as the Slack bench's server, which has no Teams sender
    loop = asyncio.new_event_loop()
    count = iter(range(10**9))

    def ask(user: str, channel: str, text: str, *, write: list[tuple[float, float]] | None = None) -> None:
        """Handle one request (its time alone appended to `write`), then deliver what it announced."""
        rid = f"slack:cmd:T0:pg.{next(count)}"
        request = Request(
            platform="slack", user_id=user, channel_id=channel, text=text, fields=MappingProxyType({}), request_id=rid
        )
        start = (time.perf_counter(), time.process_time())
        outcome = core.handle(request)
        if write is not None:
            write.append((time.perf_counter() - start[0], time.process_time() - start[1]))
        if not outcome.reply.ok:
            raise SystemExit(f"{text!r} refused: {outcome.reply.text[:300]}")
        loop.run_until_complete(core.deliver(outcome, senders=senders, already_shown=None))

    with psycopg.connect(url) as one:
        one.execute("CREATE TABLE IF NOT EXISTS one (id int PRIMARY KEY, n bigint NOT NULL)")
        one.execute("INSERT INTO one VALUES (1, 0) ON CONFLICT (id) DO NOTHING")
        one.commit()

        def commit() -> None:
            with one.transaction():
                one.execute("UPDATE one SET n = n + 1 WHERE id = 1")

        for _ in range(20):  # warm both: connections, caches, the date grammar
            commit()
        for warm in asked["dato (a write)"][:15]:
            ask(warm.user, warm.channel, warm.text.replace(" 10:00", " 09:00"))
        if statements:  # what follows is the timed work only
            one.execute("SELECT pg_stat_statements_reset()")
            one.commit()
        base: list[tuple[float, float]] = []
        found: dict[str, list[tuple[float, ...]]] = {}
        # The signatures fall at random among the `dato`s, which keep their order: each region's `dato`
        # alternates between two days, so each one changes the date (shuffled, a region could be asked
        # for the day it already has, a write that changes nothing).
        signatures = list(asked["signer (a write and its announcements)"])
        random.Random(7).shuffle(signatures)
        kinds = ["dato"] * len(asked["dato (a write)"]) + ["signer"] * len(signatures)
        random.Random(7).shuffle(kinds)
        datos, signed = iter(asked["dato (a write)"]), iter(signatures)
        work = [(kind, next(datos) if kind == "dato" else next(signed)) for kind in kinds]
        for name, one_ask in work:
            bare = _timed(commit)
            base.append(bare)
            alone: list[tuple[float, float]] = []
            wall, cpu = _timed(lambda a=one_ask, w=alone: ask(a.user, a.channel, a.text, write=w))
            # Each with its wall over the commit just before it: the disk's time moves from run to run
            # (0.4-3.4 ms in one sitting), a write's own cost over it does not.
            found.setdefault(f"{name}: the write (`Core.handle`)", []).append((*alone[0], alone[0][0] - bare[0]))
            found.setdefault(f"{name}: the write, then delivered", []).append((wall, cpu, wall - bare[0]))
        spent = _statements(one, writes=len(work)) if statements else []
    loop.close()
    store.close()
    reference = (statistics.median(s[0] for s in base), statistics.median(s[1] for s in base))
    lines = [
        f"# {copied.partitions} partitions, {copied.rows} rows imported; now {served.now:%Y-%m-%d %H:%M}",
        "| write | n | wall median | CPU median (this process) | wall ratio | CPU ratio | wall over its commit |",
        "| --- | --- | --- | --- | --- | --- | --- |",
        _line("one-row commit", base, reference),
        *(_line(name, samples, reference) for name, samples in sorted(found.items())),
        *spent,
    ]
    return "\n".join(lines)


_STATEMENTS = (
    "SELECT calls, mean_exec_time, plans, mean_plan_time, wal_bytes, regexp_replace(query, '\\s+', ' ', 'g') FROM pg_stat_statements"
    " WHERE query NOT LIKE '%%pg_stat_statements%%' ORDER BY calls DESC, total_exec_time DESC LIMIT 16"
)


def _statements(conn: Any, *, writes: int) -> list[str]:
    """The server's side of the timed work (`--statements`): each statement's count per write (the bot's
    and the one-row commits' BEGIN and COMMIT together), its mean execution time on the server, how
    often it was planned (a prepared statement is planned anew while its generic plan looks dearer) and its WAL
    per call (a commit's wait for the disk falls after its COMMIT statement, so not in its time)."""
    found = conn.execute(_STATEMENTS).fetchall()
    conn.commit()
    lines = ["", f"# the server's statements over the {writes} writes and their one-row commits (pg_stat_statements)"]
    lines += [
        "| per write | mean on the server | planned, mean planning | WAL per call | statement |",
        "| --- | --- | --- | --- | --- |",
    ]
    for calls, mean_ms, plans, plan_ms, wal, query in found:
        lines.append(
            f"| {calls / writes:.2f} | {mean_ms * 1000:.0f} µs | {plans / max(calls, 1):.0%}, {plan_ms * 1000:.0f} µs"
            f" | {int(wal) // max(calls, 1)} B | {query[:100]} |"
        )
    return lines


def _count_statements(server: Any) -> None:
    """Load pg_stat_statements into the bench's server (a restart; `--statements` only)."""
    import psycopg

    with psycopg.connect(server.url(), autocommit=True) as conn:
        conn.execute("ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'")
    server.stop()
    server.start()
    with psycopg.connect(server.url(), autocommit=True) as conn:
        conn.execute("CREATE EXTENSION pg_stat_statements")
        conn.execute("ALTER SYSTEM SET pg_stat_statements.track_planning = on")
        conn.execute("SELECT pg_reload_conf()")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=300, help="dato writes (the 75 signatures come on top)")
    parser.add_argument(
        "--statements", action="store_true", help="also the server's time and WAL per statement (pg_stat_statements)"
    )
    args = parser.parse_args()
    from storage.postgres import migrate_url

    def work(server: Any) -> str:
        if args.statements:
            _count_statements(server)
        with tempfile.TemporaryDirectory(prefix="pg-write-") as folder:
            migrate_url(server.url())
            return measure(server.url(), Path(folder), runs=args.runs, statements=args.statements)

    print(on_server(work))


def on_server(work: Callable[[Any], str]) -> str:
    """`work(server)` on a throwaway PostgreSQL 15 (`tests.pgserver`), stopped after; exits where none can start."""
    from tests import pgserver

    reason = pgserver.unavailable()
    if reason:
        raise SystemExit(f"skipped: {reason}")
    server = pgserver.start_server()
    try:
        return work(server)
    finally:
        pgserver.stop_server(server)


if __name__ == "__main__":
    main()
