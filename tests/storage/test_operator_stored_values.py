"""Stored values of the wrong type, met as an operator meets them: a tinydb folder with a version number
«abc», a signature time 5 or a meeting's outcome as plain text, then real `python -m bot chat` and `serve`
processes. The person gets the store-fault reply (never «Noe gikk galt»), the log names the partition and
the field once, /healthz says «degraded» and names it, and another region works as ever."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bench.faults_outage import serving
from storage import TinyDBStore
from tests.driver import make_bot, oslo, record_all_preconditions, register_text

ROOT = Path(__file__).resolve().parents[2]
PARTITION = "cycle/agder/2027"
DAMAGED = "En del av lagringen kan ikke brukes"
CRASHED = "Noe gikk galt"

CASES = {
    "version number": ("versions", "1", "number", "abc", "field 'number'"),
    "signature time": ("signatures", "IN", "at", 5, "field 'at'"),
    "outcome as text": ("milestones", "draft-political", "outcome", "Vedtatt", "field 'outcome'"),
}


def _store(folder: Path, *, table: str, key: str, field: str, value: object) -> None:
    with TinyDBStore(folder) as store:
        bot = make_bot(at=oslo(2027, 1, 5, 9), store=store)
        record_all_preconditions(bot, year=2027)
        register_text(bot, year=2027)
        for party, who in (("agder", "kari"), ("IN", "ola")):
            assert bot.say(f"signer {party} agder 2027", as_=who).ok
        with store.update(PARTITION) as tables:
            tables[table][key][field] = value


def _chat(folder: Path, *, person: str, lines: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("SLACK_BOT_TOKEN", "MICROSOFT_APP_ID", "DATABASE_URL")}
    env["SAMHANDLING_DB"] = str(folder)
    return subprocess.run(
        [sys.executable, "-m", "bot", "chat", "--as", person, "--now", "2027-01-06T09:00"],
        cwd=ROOT,
        env=env,
        input=lines,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize("case", list(CASES))
def test_a_wrong_type_is_a_named_fault_in_chat(case: str, tmp_path: Path) -> None:
    table, key, field, value, named = CASES[case]
    folder = tmp_path / "data"
    _store(folder, table=table, key=key, field=field, value=value)
    kari = _chat(folder, person="kari", lines="neste\nstatus\navtale\nstatus agder 2027\n")
    assert CRASHED not in kari.stdout and "Traceback" not in kari.stderr, kari.stdout + kari.stderr
    assert kari.stdout.count(DAMAGED) == 4, kari.stdout
    assert kari.stderr.count(named) == 1 and PARTITION in kari.stderr, kari.stderr  # once, however often met
    per = _chat(folder, person="per", lines="neste\nstatus\n")  # Vestland: another partition, as ever
    assert DAMAGED not in per.stdout and CRASHED not in per.stdout and "Vestland" in per.stdout, per.stdout


def test_healthz_names_the_damaged_partition(tmp_path: Path) -> None:
    table, key, field, value, named = CASES["version number"]
    folder = tmp_path / "data"
    _store(folder, table=table, key=key, field=field, value=value)
    with serving(url=None, folder=tmp_path, extra_env={"SAMHANDLING_DB": str(folder)}) as served:
        answer, _ = served.command("status agder 2027")
        assert DAMAGED in answer and CRASHED not in answer, answer
        _, health, took = served.get("/healthz")
        _, stranger, _ = served.get("/healthz", headers={"X-Forwarded-For": "203.0.113.9"})
    assert health["status"] == "degraded" and named in str(health["store"]) and took < 1.0, health  # type: ignore[index]
    assert stranger == {"status": "degraded"}
