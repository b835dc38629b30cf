"""Secret links to the calendar feeds and the status pages: which feeds exist, and their tokens in the state.

A token is secret and per feed or page: an HMAC of the link's name and its generation with a key stored
in the `meta` partition (table `links`, written once at start-up) or given as $SAMHANDLING_LINK_SECRET.
So every process serves the same tokens, a read command never writes, and an admin replaces one link's
token (`kalender ny-lenke`, a recorded change of its generation), which stops the old address at once.
Checking is a constant-time compare that answers the same for a wrong token as for a missing feed.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import logging
import os
import secrets
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Literal
from urllib.parse import quote

from bot.model.config import AppConfig
from bot.state.store import META, Author, StateStore
from storage.base import Tables

logger = logging.getLogger(__name__)

LINKS_TABLE = "links"
STATUS_NATIONAL = "status:national"
NATIONAL_FEED = "nasjonal"

FeedKind = Literal["region", "actor", "national"]


@dataclass(frozen=True)
class Feed:
    """A calendar feed: one region's wheel, one actor's (all its regions), or the national wheel."""

    kind: FeedKind
    key: str | None

    @property
    def name(self) -> str:
        """The feed's name in its address: `agder`, `in`, `nasjonal`."""
        if self.kind == "national" or self.key is None:
            return NATIONAL_FEED
        return self.key.lower()

    @property
    def link_id(self) -> str:
        return f"kalender:{self.kind}:{self.key}" if self.key else "kalender:national"

    @property
    def path(self) -> str:
        return f"/kalender/{quote(self.name)}.ics"


def feed_by_name(config: AppConfig, name: str) -> Feed | None:
    """The feed an address names; None for anything else (the route then answers 404)."""
    if name == NATIONAL_FEED:
        return Feed(kind="national", key=None)
    if config.region(name) is not None:
        return Feed(kind="region", key=name)
    actor = next((a for a in config.enabled_actors if a.key.lower() == name), None)
    return Feed(kind="actor", key=actor.key) if actor else None


def status_link_id(region: str | None) -> str:
    return f"status:region:{region}" if region else STATUS_NATIONAL


def status_path(region: str | None) -> str:
    return f"/status/{quote(region)}" if region else "/status"


SECRET_ENV = "SAMHANDLING_LINK_SECRET"
SECRET_KEY = "secret"
_PROCESS_KEY = secrets.token_urlsafe(32)


def _key(state: StateStore, environ: Mapping[str, str]) -> bytes:
    """The key tokens are derived with: $SAMHANDLING_LINK_SECRET, else the one stored in the state at
    start-up (`ensure_secret`), else a random one for this process (tests, a core without a start-up)."""
    env = environ.get(SECRET_ENV, "")
    if env:
        return env.encode()
    stored = state.doc(META, LINKS_TABLE, SECRET_KEY).get("key")
    return str(stored or _PROCESS_KEY).encode()


def generation(state: StateStore, link_id: str) -> int:
    value = state.doc(META, LINKS_TABLE, link_id).get("generation", 0)
    return value if isinstance(value, int) else 0


def token_of(state: StateStore, link_id: str, *, environ: Mapping[str, str] | None = None) -> str:
    """A link's token: an HMAC of the link and its generation, so reading a link writes nothing, each
    feed and page has its own, and `kalender ny-lenke` (a new generation) replaces one alone."""
    env = os.environ if environ is None else environ
    message = f"{link_id}:{generation(state, link_id)}".encode()
    digest = hmac.new(_key(state, env), message, hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest[:24]).decode()


def token_matches(
    state: StateStore, link_ids: tuple[str, ...], given: str | None, *, environ: Mapping[str, str] | None = None
) -> bool:
    """Whether `given` is the token of one of `link_ids`, compared in constant time for every id."""
    offered = (given or "").encode()
    found = False
    for link_id in link_ids:
        found |= hmac.compare_digest(offered, token_of(state, link_id, environ=environ).encode())
    return found and bool(given)


def renew(link_id: str) -> Callable[[Tables], int]:
    """The mutation that replaces a link's token (its next generation); the old address stops working."""

    def mutate(tables: Tables) -> int:
        entry = tables.setdefault(LINKS_TABLE, {}).setdefault(link_id, {})
        entry["generation"] = int(entry.get("generation", 0)) + 1
        return int(entry["generation"])

    return mutate


def ensure_secret(state: StateStore, *, at: datetime, environ: Mapping[str, str] | None = None) -> None:
    """At start-up: store a random key for the tokens unless the environment gives one, so links stay the
    same across restarts and processes. Never done by a command, so reading never writes."""
    env = os.environ if environ is None else environ
    if env.get(SECRET_ENV) or state.doc(META, LINKS_TABLE, SECRET_KEY).get("key"):
        return

    def mutate(tables: Tables) -> None:
        tables.setdefault(LINKS_TABLE, {}).setdefault(SECRET_KEY, {"key": secrets.token_urlsafe(32)})

    state.change(
        partition=META,
        author=Author(person=None, name="Samhandlingsbot", platform="system", channel=""),
        at=at,
        summary="Nøkkel for de hemmelige lenkene (kalender, statusside) opprettet",
        mutate=mutate,
    )


def address(base: str | None, path: str, token: str) -> str:
    """A link as people use it: absolute under PUBLIC_URL, otherwise the path alone."""
    return f"{(base or '').rstrip('/')}{path}?token={quote(token)}"
