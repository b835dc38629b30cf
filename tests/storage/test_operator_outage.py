"""PostgreSQL stopped under a running `python -m bot serve` (``pg_ctl -m immediate``), as an operator meets it:
/healthz answers «degraded» in under a second, a Slack command gets the bot's «prøv igjen» inside Slack's
3 s, the first write after the database returns goes through, SIGTERM ends the process in under 5 s, the
URL's password is nowhere in the log, and /healthz tells a stranger only «degraded». Repeated rounds with timings: `python bench/faults_outage.py`.
"""

from __future__ import annotations

import json
from pathlib import Path

import psycopg

from bench.faults_outage import one_round, url_with_password
from storage.postgres import migrate_url
from tests import pgserver


def test_the_server_stays_responsive_while_postgres_is_down(pg_server: pgserver.PgServer, tmp_path: Path) -> None:
    with psycopg.connect(pg_server.url(), autocommit=True) as conn:
        conn.execute("DROP DATABASE IF EXISTS outage")
        conn.execute("CREATE DATABASE outage")
    url = url_with_password(pg_server, "outage")
    migrate_url(url)
    result = one_round(server=pg_server, url=url, folder=tmp_path)
    log = (tmp_path / "serve.log").read_text()
    assert not result.notes, (result.notes, log[-3000:])
    assert result.healthz_slowest < 1.0
    assert result.degraded_after is not None and result.degraded_after < 5.0, log[-3000:]
    assert "Prøv igjen" in result.read_text and result.read_down < 3.0, result.read_text
    assert "Prøv igjen" in result.write_text and result.write_down < 3.0, result.write_text
    assert result.first_write_back is not None and result.first_write_back < 5.0, log[-3000:]
    assert result.sigterm is not None and result.sigterm < 5.0
    assert not result.leaked
    # /healthz: a stranger (through a proxy) learns only the status; the token (or the loopback) the details.
    assert result.stranger_sees == {"status": "degraded"}
    assert result.token_sees["status"] == "degraded" and "database" in result.token_sees["store"]  # type: ignore[operator]
    assert "Hemmelig8x" not in json.dumps(result.token_sees)
