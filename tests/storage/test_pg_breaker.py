"""The breaker in front of the PostgreSQL pool: while the database is away a call fails at once, one probe a
second looks for it, and the first probe that connects lets every call through again."""

from __future__ import annotations

import pytest

from storage.base import StoreError
from storage.pg_health import PROBE_EVERY, Breaker


class _Database:
    def __init__(self) -> None:
        self.up = False
        self.probes = 0
        self.now = 100.0

    def probe(self) -> None:
        self.probes += 1
        if not self.up:
            raise StoreError("Cannot connect to PostgreSQL (db): Connection refused", kind="unavailable")


def test_calls_fail_at_once_while_away_and_pass_once_a_probe_connects() -> None:
    db = _Database()
    breaker = Breaker(probe=db.probe, where="db", clock=lambda: db.now)
    breaker.before_call()  # closed: nothing probed
    assert db.probes == 0
    breaker.failed()
    with pytest.raises(StoreError, match="Connection refused") as caught:
        breaker.before_call()  # the first call after a failure probes at once (it may be one stale socket)
    assert caught.value.kind == "unavailable" and db.probes == 1
    for _ in range(50):  # within the second: no probe, no wait
        with pytest.raises(StoreError):
            breaker.before_call()
    assert db.probes == 1
    db.up, db.now = True, db.now + PROBE_EVERY
    breaker.before_call()  # back: let through, and the next calls too
    breaker.before_call()
    assert db.probes == 2 and not breaker.down
