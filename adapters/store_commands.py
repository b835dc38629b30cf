"""`python -m bot migrate | export | import`: the operator's commands for the store.

- ``migrate``: create or upgrade the PostgreSQL schema at $DATABASE_URL (safe to repeat; run it before a
  rolling deploy's new replicas start).
- ``export --out FOLDER``: copy the store in use ($DATABASE_URL, else $SAMHANDLING_DB) into a new tinydb
  folder, then compare both.
- ``import --from FOLDER``: copy a tinydb folder into the store in use (an empty one), then compare both.

The copy is verified by reading back every partition of both stores; a difference exits with 1. It is all
or nothing to the bot: a copy that was stopped half-way leaves a store the bot refuses to start on, with
a message that says to empty it and import again (`storage.transfer.refuse_half_copy`).
"""

from __future__ import annotations

import argparse
import logging
import os
import sys

from bot.clock import SystemClock
from storage.base import Store, StoreError

logger = logging.getLogger(__name__)

COMMANDS = ("migrate", "export", "import")


def add_parsers(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    sub.add_parser("migrate", help="create or upgrade the PostgreSQL schema at $DATABASE_URL (idempotent)")
    export = sub.add_parser("export", help="copy the store in use into a new tinydb folder, verified")
    export.add_argument("--out", required=True, help="a new (or empty) folder for the tinydb copy")
    imp = sub.add_parser("import", help="copy a tinydb folder into the (empty) store in use, verified")
    imp.add_argument("--from", dest="from_", required=True, help="the tinydb folder to read")


def run(args: argparse.Namespace) -> int:
    """Run one of `COMMANDS`; StoreError goes up to the caller, which prints it."""
    if args.command == "migrate":
        return _migrate()
    from storage import open_configured_store
    from storage.tinydb_store import TinyDBStore

    in_use = open_configured_store(
        database_url=os.environ.get("DATABASE_URL"),
        db_path=os.environ.get("SAMHANDLING_DB") or None,
        default_path="data/samhandling",
    )
    try:
        in_use.verify()
        if args.command == "export":
            folder = os.path.abspath(args.out)
            if os.path.isdir(folder) and os.listdir(folder):
                raise StoreError(f"{folder} is not empty. Export into a new folder.")
            with TinyDBStore(folder) as target:
                return _copy(source=in_use, target=target, what=f"{_name(in_use)} -> {folder}")
        folder = os.path.abspath(args.from_)
        if not os.path.isdir(folder):
            raise StoreError(f"{folder} is not a folder. Give the tinydb store's folder (SAMHANDLING_DB).")
        with TinyDBStore(folder) as source:
            source.verify()
            return _copy(source=source, target=in_use, what=f"{folder} -> {_name(in_use)}")
    finally:
        in_use.close()


def _migrate() -> int:
    url = os.environ.get("DATABASE_URL")
    if not url:
        print("DATABASE_URL er ikke satt: migrate gjelder bare PostgreSQL (tinydb trenger ingen).", file=sys.stderr)
        return 2
    from storage.pg_schema import LATEST
    from storage.postgres import describe_url, migrate_url

    applied = migrate_url(url)
    done = f"versjon {', '.join(map(str, applied))} lagt inn" if applied else "allerede oppdatert"
    print(f"Skjemaet i {describe_url(url)}: {done} (versjon {LATEST}).")
    return 0


def _copy(*, source: Store, target: Store, what: str) -> int:
    from bot.delivery.outbox import fold_all
    from storage.transfer import copy_store, differences

    fold_all(source)  # what became of announcements, noted beside a partition (tinydb), goes with the copy
    print(f"Kopierer {what}. Blir kopien avbrutt, starter ikke boten på en halv kopi: tøm målet og kjør igjen.")
    started = SystemClock().now().isoformat(timespec="seconds")
    copied = copy_store(source=source, target=target, source_name=what.split(" -> ")[0], started=started)
    problems = differences(source, target)
    if problems:
        print(f"Kopien {what} er IKKE lik kilden:", file=sys.stderr)
        for problem in problems[:20]:
            print(f"  {problem}", file=sys.stderr)
        return 1
    print(f"Kopierte {copied.partitions} partisjoner og {copied.rows} historikk-/loggrader ({what}); begge er like.")
    return 0


def _name(store: Store) -> str:
    return str(getattr(store, "where", None) or getattr(store, "directory", type(store).__name__))
