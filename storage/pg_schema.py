"""The PostgreSQL schema, as numbered migrations, and the one function that applies them.

`python -m bot migrate` calls `migrate`: it takes a transaction-scoped advisory lock (two replicas
starting a deploy at once apply each step once), creates ``schema_version`` if missing and applies every
step above the recorded version, each in its own transaction. Running it again changes nothing. A new
step is appended to `MIGRATIONS`; an applied step is never edited.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import psycopg

logger = logging.getLogger(__name__)

MIGRATION_LOCK = 0x5A_4D_48_44  # pg_advisory_xact_lock key for `migrate` ("SMHD")

MIGRATIONS: tuple[tuple[int, str], ...] = (
    (
        1,
        """
        CREATE SEQUENCE partition_version;
        -- One row per partition: the TinyDB-shaped tables as JSONB, locked with FOR UPDATE for a write.
        CREATE TABLE partitions (
            name text COLLATE "C" PRIMARY KEY,
            tables jsonb NOT NULL,
            version bigint NOT NULL DEFAULT nextval('partition_version'),
            updated_at timestamptz NOT NULL DEFAULT now()
        );
        -- History (append-only), reminder ledger and applied request ids: one row each, so a write costs
        -- the same at 10 or 10,000 entries, and the primary key makes a ledger entry once-only.
        CREATE TABLE rows (
            partition text COLLATE "C" NOT NULL,
            tbl text NOT NULL,
            key text NOT NULL,
            pos bigint NOT NULL,
            doc jsonb NOT NULL,
            created_at timestamptz NOT NULL DEFAULT now(),
            PRIMARY KEY (partition, tbl, key)
        );
        CREATE UNIQUE INDEX rows_by_position ON rows (partition, tbl, pos);
        CREATE FUNCTION history_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF OLD.tbl = 'history' THEN
                RAISE EXCEPTION 'history rows are append-only (partition %, key %)', OLD.partition, OLD.key;
            END IF;
            RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
        END $$;
        CREATE TRIGGER history_append_only BEFORE UPDATE OR DELETE ON rows
            FOR EACH ROW EXECUTE FUNCTION history_is_append_only();
        -- Named leases (one reminder pass at a time across replicas); an expired lease is free.
        CREATE TABLE leases (
            name text PRIMARY KEY,
            holder text NOT NULL,
            expires_at timestamptz NOT NULL
        );
        """,
    ),
    (
        2,
        # A partition's tables as text, not JSONB (issue 21, PostgreSQL writes): the bot writes and reads the
        # whole document and never queries inside it, yet JSONB had the server parse, re-render and pglz
        # every write (a 4 KB partition's UPDATE ~80-100 us against ~36 us as text; the 230 KB
        # `reminder-pass` 3.1 ms against 0.37 ms) and render it again for every read (43 -> 25 us; 1.07 ->
        # 0.29 ms). The text is the JSON the bot wrote (the file store's bytes), decoded on read as ever. A
        # rewrite of the small table under its lock. lz4 on PostgreSQL 14+ built with it (the packages
        # are), else pglz as before (13 has no per-column compression). A replica still running schema 1's
        # code mid-deploy writes `%s::jsonb`, which the column takes as text (an assignment cast).
        """
        ALTER TABLE partitions ALTER COLUMN tables TYPE text USING tables::text;
        DO $$
        BEGIN
            IF current_setting('server_version_num')::int >= 140000 THEN
                EXECUTE 'ALTER TABLE partitions ALTER COLUMN tables SET COMPRESSION lz4';
            END IF;
        EXCEPTION WHEN feature_not_supported OR invalid_parameter_value THEN
            RAISE NOTICE 'no lz4 in this server: partitions stay compressed with pglz';
        END $$;
        """,
    ),
)
LATEST = MIGRATIONS[-1][0]


def current_version(conn: psycopg.Connection) -> int:
    """The applied schema version; 0 for an empty database."""
    exists = conn.execute("SELECT to_regclass('schema_version') IS NOT NULL").fetchone()
    if not exists or not exists[0]:
        return 0
    row = conn.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchone()
    return int(row[0]) if row else 0


def migrate(conn: psycopg.Connection) -> list[int]:
    """Bring the schema to `LATEST`; returns the versions applied now (empty when it was current)."""
    applied: list[int] = []
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (MIGRATION_LOCK,))
        conn.execute(
            "CREATE TABLE IF NOT EXISTS schema_version ("
            " version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())"
        )
        have = current_version(conn)
        for version, sql in MIGRATIONS:
            if version <= have:
                continue
            with conn.transaction():
                conn.execute(sql)  # type: ignore[arg-type]  # our own constant SQL, no parameters
                conn.execute("INSERT INTO schema_version (version) VALUES (%s)", (version,))
            logger.info("applied schema migration %d", version)
            applied.append(version)
    return applied
