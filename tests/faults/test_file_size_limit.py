"""A file-size limit met from outside the process (walk 34 F5): the terminal under `ulimit -f`, a write that
would pass it is told as a full store, «Lagringen er full …» (nynorsk «Lagringa er full …»), never «prøv igjen om
litt» (trying again cannot help), and nothing of it is written."""

from __future__ import annotations

import resource
from pathlib import Path

import pytest

from tests.faults.cli_run import chat

LIMIT = 4096


def _limited() -> None:
    resource.setrlimit(resource.RLIMIT_FSIZE, (LIMIT, LIMIT))


@pytest.mark.parametrize(
    ("person", "region", "full", "again"),
    [
        ("kari", "agder", "Lagringen er full", "Prøv igjen om litt"),
        ("per", "vestland", "Lagringa er full", "Prøv igjen om litt"),
    ],
)
def test_a_write_past_the_file_size_limit_is_a_full_store(
    tmp_path: Path, person: str, region: str, full: str, again: str
) -> None:
    db = tmp_path / "db"
    long = "referat politisk 2027 Vedtak i fylkesutvalget. " + "Lang saksutgreiing. " * 150 + " bekreft"
    done = chat(
        db,
        person=person,
        channel=region,
        preexec_fn=_limited,
        lines=["dato vår 2027 20. april kl 10", long, long, "status"],
    )
    assert full in done.stdout, done.stdout[-2000:]
    assert again not in done.stdout and "Noe gikk galt" not in done.stdout
    assert "file-size limit" in done.stderr and "Traceback" not in done.stderr
    assert "Dato satt" in done.stdout or "Dato sett" in done.stdout  # the small write before it went through
    stored = (db / "cycle" / region / "2027.json").read_text()
    assert "Lang saksutgreiing" not in stored  # nothing of the refused write
