"""No password in any output: each malformed DATABASE_URL through a real `python -m bot` command.

The full matrix (every URL through every command) is `python bench/faults_secrets.py`; here each URL goes
through one command, so that every command and every URL is covered once in a few seconds.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.faults_secrets import COMMANDS, MALFORMED, REFUSED, WRONG_PASSWORD, password_server, run
from storage.base import StoreError
from storage.pg_url import check_url, redact

CASES = [(*case, COMMANDS[n % len(COMMANDS)]) for n, case in enumerate((*MALFORMED, REFUSED))]


@pytest.mark.parametrize(("what", "url", "secret", "command"), CASES, ids=[case[0] for case in CASES])
def test_a_malformed_url_is_one_line_without_its_password(
    what: str, url: str, secret: str, command: tuple[str, ...], tmp_path: Path
) -> None:
    result = run(what=what, url=url, secret=secret, command=command, tmp=tmp_path)
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert not result.leaked, result.output
    assert result.code == 3, result.output
    assert len(lines) == 1 and lines[0].startswith("Lagringen kan ikke brukes: "), result.output


def test_a_refused_connection_names_the_real_reason(tmp_path: Path) -> None:
    what, url, secret = REFUSED
    result = run(what=what, url=url, secret=secret, command=("verify",), tmp=tmp_path)
    assert "Connection refused" in result.output and "127.0.0.1:1" in result.output
    assert "within" not in result.output  # not "cannot connect within 10 s" with the reason elsewhere


def test_a_wrong_password_is_one_line_with_the_reason(pg_server: object, tmp_path: Path) -> None:
    # `pg_server` only so this skips (or fails on CI) where the session's PostgreSQL cannot run.
    with password_server() as url:
        result = run(what="wrong password", url=url, secret=WRONG_PASSWORD, command=("serve",), tmp=tmp_path)
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert not result.leaked and result.code == 3 and len(lines) == 1, result.output
    assert 'password authentication failed for user "postgres"' in lines[0], lines


@pytest.mark.parametrize(
    "url",
    [
        "postgresql://u:Pw0rdx/db",
        "postgresql://u:Pw0rdx@h:x/db",
        "postgres://u:%Pw0rdx@h/db",
        "host=db password='Pw0rdx",
    ],
)
def test_check_url_never_quotes_a_password(url: str) -> None:
    with pytest.raises(StoreError) as caught:
        check_url(url)
    assert "Pw0rdx" not in str(caught.value)


def test_a_key_value_string_is_read_and_its_quoted_password_redacted() -> None:
    url = "host=db user=bot password='Pw0 rdx' dbname=samhandling"
    assert check_url(url)["password"] == "Pw0 rdx"
    assert "Pw0" not in redact(f"failed: {url} Pw0 rdx", url=url)


def test_redact_hides_both_spellings_of_a_password() -> None:
    url = "postgresql://kari:p%40ss@h/db?password=other"
    text = f"failed for {url}: p@ss p%40ss other"
    assert redact(text, url=url) == "failed for <DATABASE_URL>: *** *** ***"
