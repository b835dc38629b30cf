"""Reading ``DATABASE_URL`` without ever showing its password, and the timeouts a PostgreSQL store uses.

libpq quotes the whole connection string in its parse errors ("missing "=" after "mysql://u:pw@…""), and a
traceback or a pool warning then prints the password to the log. So the URL is checked here before any
library sees it, and every message about it is built from its parts (or passed through `redact`).

Timeouts (seconds, from the environment; see README "Drift"):

- ``SAMHANDLING_DB_TIMEOUT`` (default 2): connecting, and waiting for a free pooled connection. A request
  that cannot get the database within it is answered «prøv igjen» inside Slack's 3 s.
- ``SAMHANDLING_DB_STATEMENT_TIMEOUT`` (default 10): one statement, server side (a stuck lock, a huge read).
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

import psycopg
from psycopg import conninfo as pg_conninfo

from storage.base import StoreError

logger = logging.getLogger(__name__)

SCHEMES = ("postgresql", "postgres")
DEFAULT_TIMEOUT = 2.0
DEFAULT_STATEMENT_TIMEOUT = 10.0
_QUOTED = re.compile(r'"[^"]*"')


@dataclass(frozen=True)
class Timeouts:
    connect: float
    statement: float


def timeouts(*, environ: Mapping[str, str] | None = None) -> Timeouts:
    """The configured timeouts; a value that is not a positive number is named and the default used."""
    env = os.environ if environ is None else environ
    return Timeouts(
        connect=_seconds(env, "SAMHANDLING_DB_TIMEOUT", DEFAULT_TIMEOUT),
        statement=_seconds(env, "SAMHANDLING_DB_STATEMENT_TIMEOUT", DEFAULT_STATEMENT_TIMEOUT),
    )


def _seconds(env: Mapping[str, str], name: str, default: float) -> float:
    raw = env.get(name, "").strip()
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        value = -1.0
    if not 0 < value <= 600:
        logger.warning("%s=%r is not a number of seconds between 0 and 600; using %s", name, raw, default)
        return default
    return value


def secrets_of(url: str) -> list[str]:
    """Every piece of `url` that may be a password, found without a full parse (the URL may be broken):
    the userinfo's password and any ``password=`` value, raw and percent-decoded."""
    found: list[str] = []
    head = url.split("?", 1)[0]
    if "://" in head:
        netloc = head.split("://", 1)[1]
        userinfo, at, _ = netloc.rpartition("@")
        if at and ":" in userinfo:
            found.append(userinfo.split(":", 1)[1])
        elif not at and ":" in netloc:  # "user:password/db" without its "@": the password reads as a port
            found.append(netloc.split(":", 1)[1].split("/", 1)[0])
    found += re.findall(r"password\s*=\s*'((?:[^'\\]|\\.)*)'?", url, flags=re.IGNORECASE)  # key='value'
    found += re.findall(r"password\s*=\s*([^&\s']+)", url, flags=re.IGNORECASE)
    variants = {piece for secret in found for piece in (secret, unquote(secret)) if len(piece) >= 1}
    return sorted(variants, key=len, reverse=True)


def redact(text: str, *, url: str) -> str:
    """`text` with the URL and every possible password in it replaced by ``***``."""
    if url:
        text = text.replace(url, "<DATABASE_URL>")
    for secret in secrets_of(url):
        text = text.replace(secret, "***")
    return text


def check_url(url: str) -> dict[str, str]:
    """The URL's parts, or a `StoreError` that says what is wrong with it and never quotes it."""
    scheme = url.split("://", 1)[0].lower() if "://" in url else ""
    if not scheme:  # a libpq key=value string ("host=db user=bot password=…")
        return _parsed(url)
    if scheme not in SCHEMES:
        raise StoreError(
            "DATABASE_URL is not a PostgreSQL URL: it must start with postgresql:// (e.g. "
            "postgresql://user:password@host:5432/dbname).",
            kind="unavailable",
        )
    try:
        urlsplit(url).port  # noqa: B018 - raises on a broken host or port
    except ValueError:  # its message may quote a password that reads as a port ("u:pw/db")
        raise StoreError(
            "DATABASE_URL cannot be read: its host or port is malformed (an unclosed [ of an IPv6 address, a "
            "port that is not a number, or a password without the @ after it).",
            kind="unavailable",
        ) from None
    return _parsed(url)


def _parsed(url: str) -> dict[str, str]:
    try:
        params = pg_conninfo.conninfo_to_dict(url)
    except psycopg.ProgrammingError as exc:
        reason = _QUOTED.sub('"…"', redact(str(exc).strip(), url=url))  # libpq quotes the URL or a piece of it
        raise StoreError(f"DATABASE_URL cannot be read: {reason}.", kind="unavailable") from None
    port = str(params.get("port") or "5432")
    if not port.isdigit() or not 0 < int(port) < 65536:
        raise StoreError(f"DATABASE_URL has the port {port!r}, which is not a port number.", kind="unavailable")
    return {str(k): str(v) for k, v in params.items()}


def describe_url(url: str) -> str:
    """The database a URL points at, without the password (for logs and messages)."""
    try:
        params = check_url(url)
    except StoreError:
        return "<an unreadable DATABASE_URL>"
    host = params.get("host") or "localhost"
    return f"database {params.get('dbname', '?')} as {params.get('user', '?')} on {host}:{params.get('port', 5432)}"


def connection_reason(exc: BaseException, *, url: str) -> str:
    """libpq's reason for a failed connection as one line (the last line that says something), redacted."""
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    text = "; ".join(lines) or type(exc).__name__
    return redact(text, url=url)


class RedactingFilter(logging.Filter):
    """On the pool's logger: a reconnect warning carries libpq's message; no password gets through."""

    def __init__(self, url: str) -> None:
        super().__init__()
        self.url = url

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact(message, url=self.url)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        if record.exc_info:
            record.exc_info, record.exc_text = None, None  # a traceback would quote the connection string
        return True
