"""Schema 2 (a partition's tables as text, not JSONB): a database written under schema 1 keeps every partition
through the migration, and a replica still on schema 1's statements mid-deploy writes what the new code reads."""

from __future__ import annotations

import psycopg
import pytest

import storage.pg_schema
from storage.fragments import encode_partition
from storage.postgres import PostgresStore, migrate_url
from tests import pgserver

PARTITION = "cycle/agder/2027"
TABLES = {
    "meetings": {"1": {"title": "Årsmøte i «AU»", "at": "2027-04-24T10:00:00+02:00", "tags": ["øst", "vest"]}},
    "_default": {},
    "notes": {"7": {"text": 'sitat "her" og \\ skråstrek', "n": 1.5, "ok": True, "none": None}},
}


def _stored(tables: dict[str, object]) -> str:
    """The partition's JSON as the bot writes it (TinyDB-shaped)."""
    return encode_partition(tables, before=None)[0].decode("ascii")  # type: ignore[arg-type]


def _fresh(server: pgserver.PgServer, name: str) -> str:
    with psycopg.connect(server.url(), autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name}")
        conn.execute(f"CREATE DATABASE {name}")
    return server.url(name)


def _column(url: str) -> tuple[str, str]:
    with psycopg.connect(url, autocommit=True) as conn:
        found = conn.execute(
            "SELECT format_type(atttypid, atttypmod), attcompression::text FROM pg_attribute"
            " WHERE attrelid = 'partitions'::regclass AND attname = 'tables'"
        ).fetchone()
    assert found is not None
    return str(found[0]), str(found[1])


def _has_lz4(url: str) -> bool:
    with psycopg.connect(url, autocommit=True) as conn:
        try:
            conn.execute("CREATE TEMP TABLE probe (x text COMPRESSION lz4)")
        except psycopg.errors.FeatureNotSupported:
            return False
    return True


def test_a_schema_1_database_keeps_its_partitions_through_the_migration(
    pg_server: pgserver.PgServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = _fresh(pg_server, "schema_one")
    with monkeypatch.context() as patched:
        patched.setattr(storage.pg_schema, "MIGRATIONS", storage.pg_schema.MIGRATIONS[:1])
        assert migrate_url(url) == [1]
    assert _column(url)[0] == "jsonb"
    with psycopg.connect(url, autocommit=True) as conn:  # as schema 1's code wrote a partition
        conn.execute("INSERT INTO partitions (name, tables) VALUES (%s, %s::jsonb)", (PARTITION, _stored(TABLES)))
        conn.execute("INSERT INTO partitions (name, tables) VALUES ('store/empty', '{}'::jsonb)")

    assert migrate_url(url) == [2]
    assert migrate_url(url) == []
    kind, compression = _column(url)
    assert kind == "text"
    assert compression == ("l" if _has_lz4(url) else "")  # else the default (pglz)
    with PostgresStore(url) as store:
        store.verify()
        assert store.read(PARTITION) == TABLES
        assert store.read("store/empty") == {}
        with store.update(PARTITION) as tables:
            tables["notes"]["8"] = {"text": "ny"}
    with PostgresStore(url) as other:  # another replica: read from the database, not a cache
        assert other.read(PARTITION) == {**TABLES, "notes": {**TABLES["notes"], "8": {"text": "ny"}}}
    with psycopg.connect(url, autocommit=True) as conn:  # stored as the bot wrote it, not re-rendered
        (raw,) = conn.execute("SELECT tables FROM partitions WHERE name = %s", (PARTITION,)).fetchone()  # type: ignore[misc]
    assert '"text":"ny"' in raw and '": ' not in raw  # JSONB rendered it with spaces


def test_a_schema_1_writer_mid_deploy_writes_what_schema_2_reads(pg_url: str) -> None:
    with PostgresStore(pg_url) as store:
        with store.update(PARTITION) as tables:
            tables.update({"notes": {"1": {"text": "før"}}})
        with psycopg.connect(pg_url, autocommit=True) as conn:  # schema 1's UPDATE, cast and all
            conn.execute(
                "UPDATE partitions SET tables = %s::jsonb, version = nextval('partition_version') WHERE name = %s",
                (_stored(TABLES), PARTITION),
            )
        assert store.read(PARTITION) == TABLES
        with store.update(PARTITION) as tables:
            assert tables == TABLES
