"""The history proves the state (bot/state/replay.py): a version's checksum, a signature, a date or a minutes text
edited in the store outside the bot (the tinydb JSON file, the PostgreSQL row) is named by `verify` with its
partition and record; a store written before entries said what they changed verifies clean and its chain
continues; the receipt never calls the chain in order over a forged version."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from adapters.cli import main
from bot.state import chain, replay
from bot.state.store import StateStore
from storage import Store, TinyDBStore
from tests.driver import TEXT_SHA, make_bot, oslo, record_all_preconditions

ROOT = Path(__file__).resolve().parents[2]
AGDER = "cycle/agder/2027"
FORGED = "0" * 64

Rows = dict[str, dict[str, Any]]
"""A table as a store keeps it on disk / in its row: TinyDB's {"1": {"_key": key, ...fields}}."""


@dataclass
class Backend:
    """One store kind, and how an operator would edit it by hand."""

    name: str
    open: Callable[[], Store]
    edit_tables: Callable[[str, Callable[[dict[str, Rows]], None]], None]
    edit_history: Callable[[str, Callable[[list[dict[str, Any]]], None]], None]
    env: dict[str, str]


def _doc(db: dict[str, Rows], table: str, key: str) -> dict[str, Any]:
    return next(doc for doc in db[table].values() if doc["_key"] == key)


def _tinydb(tmp_path: Path) -> Backend:
    folder = tmp_path / "db"

    def edit_tables(partition: str, change: Callable[[dict[str, Rows]], None]) -> None:
        path = folder / f"{partition}.json"
        db = json.loads(path.read_text())
        change(db)
        path.write_text(json.dumps(db))

    def edit_history(partition: str, change: Callable[[list[dict[str, Any]]], None]) -> None:
        def rewrite(db: dict[str, Rows]) -> None:
            entries = [doc for _id, doc in sorted(db["history"].items(), key=lambda pair: int(pair[0]))]
            change(entries)

        edit_tables(partition, rewrite)

    return Backend("tinydb", lambda: TinyDBStore(folder), edit_tables, edit_history, {"SAMHANDLING_DB": str(folder)})


def _postgres(url: str) -> Backend:
    import psycopg

    from storage.postgres import PostgresStore

    def edit_tables(partition: str, change: Callable[[dict[str, Rows]], None]) -> None:
        with psycopg.connect(url, autocommit=True) as conn:
            (raw,) = conn.execute("SELECT tables::text FROM partitions WHERE name = %s", (partition,)).fetchone()
            db = json.loads(raw)
            change(db)
            conn.execute("UPDATE partitions SET tables = %s::jsonb WHERE name = %s", (json.dumps(db), partition))

    def edit_history(partition: str, change: Callable[[list[dict[str, Any]]], None]) -> None:
        with psycopg.connect(url, autocommit=True) as conn:
            found = conn.execute(
                "SELECT key, doc FROM rows WHERE partition = %s AND tbl = 'history' ORDER BY pos", (partition,)
            ).fetchall()
            entries = [doc for _key, doc in found]
            change(entries)
            # The rows are append-only for the bot; an operator who owns the database can still rewrite them.
            conn.execute("ALTER TABLE rows DISABLE TRIGGER history_append_only")
            try:
                for (key, _old), doc in zip(found, entries, strict=True):
                    conn.execute(
                        "UPDATE rows SET doc = %s::jsonb WHERE partition = %s AND tbl = 'history' AND key = %s",
                        (json.dumps(doc), partition, key),
                    )
            finally:
                conn.execute("ALTER TABLE rows ENABLE TRIGGER history_append_only")

    return Backend("postgres", lambda: PostgresStore(url), edit_tables, edit_history, {"DATABASE_URL": url})


@pytest.fixture(params=["tinydb", "postgres"])
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Backend:
    return _tinydb(tmp_path) if request.param == "tinydb" else _postgres(request.getfixturevalue("pg_url"))


@pytest.fixture
def cli(backend: Backend, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    for name, value in backend.env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("SAMHANDLING_CONFIG", str(ROOT / "app.yaml"))

    def run(*args: str) -> tuple[int, str]:
        code = main(list(args))
        return code, capsys.readouterr().out

    return run


def busy(backend: Backend) -> None:
    """A cycle with a registered text, a signature, a date and minutes, all through the bot."""
    store = backend.open()
    bot = make_bot(at=oslo(2027, 1, 12, 9), store=store)
    record_all_preconditions(bot, year=2027)
    assert bot.say("signer", as_="kari").ok
    bot.set_time(2027, 1, 20, 9)
    assert bot.say("dato vår 22. april kl 10", as_="kari").ok
    store.close()


def verify(backend: Backend) -> chain.ChainReport:
    with backend.open() as store:
        return StateStore(store=store).verify_history(AGDER)


def _set(table: str, key: str, field: str, value: Any) -> Callable[[dict[str, Rows]], None]:
    return lambda db: _doc(db, table, key).__setitem__(field, value)


HAND_EDITS = {
    "a version's sha256": ("versions", "1", "sha256", _set("versions", "1", "sha256", FORGED)),
    "a signature": ("signatures", "agder", "at", _set("signatures", "agder", "at", "2027-01-02T09:00:00+01:00")),
    "a date": ("milestones", "regional-spring", "planned", _set("milestones", "regional-spring", "planned", "x")),
    "a minutes text": (
        "milestones",
        "draft-political",
        "outcome",
        lambda db: _doc(db, "milestones", "draft-political")["outcome"].__setitem__("summary", "Forkastet"),
    ),
}


@pytest.mark.parametrize("what", list(HAND_EDITS))
def test_a_hand_edit_is_named_by_partition_and_record(backend: Backend, cli, what: str) -> None:
    busy(backend)
    assert verify(backend).ok and cli("verify")[0] == 0
    table, key, field, edit = HAND_EDITS[what]
    backend.edit_tables(AGDER, edit)
    report = verify(backend)
    assert report.links_ok and not report.ok, "the history itself is untouched: only the state shows it"
    assert [(d.table, d.key, d.problem, d.fields) for d in report.differences] == [(table, key, "changed", (field,))]
    assert f"{AGDER}: {table}/{key} differs from what the history produces (fields: {field})" in report.describe()
    code, out = cli("verify")
    assert code == 1
    assert (
        f"BRUTT {AGDER}: «{table}/{key}» er ikke slik historikken gir den – endret utenom boten (felt: {field})." in out
    )
    assert "1 av 2 historikker er brutt" in out


def test_a_record_added_or_removed_by_hand_is_named(backend: Backend) -> None:
    busy(backend)

    def add_and_remove(db: dict[str, Rows]) -> None:
        db["signatures"]["9"] = {"_key": "IN", "person": "ola", "version": 1}
        db["preconditions"] = {n: doc for n, doc in db["preconditions"].items() if doc["_key"] != "budsjett"}

    backend.edit_tables(AGDER, add_and_remove)
    found = {(d.table, d.key, d.problem) for d in verify(backend).differences}
    assert found == {("signatures", "IN", "added"), ("preconditions", "budsjett", "removed")}


def test_the_receipt_over_a_forged_version_does_not_say_the_chain_is_in_order(backend: Backend) -> None:
    busy(backend)
    backend.edit_tables(AGDER, HAND_EDITS["a version's sha256"][3])
    with backend.open() as store:
        bot = make_bot(at=oslo(2027, 1, 21, 9), store=store)
        receipt = bot.say("kvittering", as_="kari")
    assert f"SHA-256: {FORGED}" in receipt.text
    assert "Kjeden: i orden" not in receipt.text and "Kjeden: BRUTT – si fra til administrator" in receipt.text


def _as_today(entries: list[dict[str, Any]]) -> None:
    """History as stores written before this change hold it: no replay data, sealed all the same."""
    previous = None
    for entry in entries:
        key = entry.pop("_key", None)  # tinydb's own field in the file, not part of the entry
        entry.pop(replay.CHANGES, None), entry.pop(replay.BASE, None)
        previous = dict(chain.seal(entry, previous=previous))
        if key is not None:
            entry["_key"] = key


def test_a_store_written_before_replay_data_verifies_and_its_chain_continues(backend: Backend, cli) -> None:
    busy(backend)
    backend.edit_history(AGDER, _as_today)
    report = verify(backend)
    assert report.ok and report.replayed_from is None and report.entries == 5
    code, out = cli("verify")
    assert code == 0 and "Historikken er i orden: 2 partisjoner" in out
    assert f"{AGDER}: lagret før historikken førte hva hver endring gjorde" in out
    with backend.open() as store:
        bot = make_bot(at=oslo(2027, 4, 23, 9), store=store)
        # the national meeting it follows is dated first (its year typed: in April, with the 2026 one never held,
        # a date for 2027's is asked about, walk 8 N7)
        assert bot.say("dato høstmøte 2027 5. oktober kl 10", as_="aud").ok
        assert bot.say("dato høst 12. oktober kl 10", as_="kari").ok
        receipt = bot.say("kvittering", as_="kari")
        [entry] = StateStore(store=store).latest(AGDER, limit=1)
    assert "Kjeden: i orden" in receipt.text
    assert entry[replay.BASE]["versions"]["1"]["sha256"] == TEXT_SHA, "the state as it was, whole"
    report = verify(backend)
    assert report.ok and report.replayed_from == 5 and report.entries == 6
    backend.edit_tables(AGDER, HAND_EDITS["a signature"][3])
    assert [(d.table, d.key) for d in verify(backend).differences] == [("signatures", "agder")]


@pytest.fixture
def tiny_backend(tmp_path: Path) -> Iterator[Backend]:
    yield _tinydb(tmp_path)


def test_a_legacy_partition_before_the_fix_keeps_saying_so_on_the_receipt(tiny_backend: Backend) -> None:
    busy(tiny_backend)
    tiny_backend.edit_history(AGDER, _as_today)
    with tiny_backend.open() as store:
        receipt = make_bot(at=oslo(2027, 1, 21, 9), store=store).say("kvittering", as_="kari")
    assert "Kjeden: i orden" not in receipt.text
    assert "Kjeden: hel, men den viser ennå ikke at det lagrede er uendret" in receipt.text
