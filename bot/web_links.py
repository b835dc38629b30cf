"""Secret links to the calendar feeds and the status pages: which feeds exist, and their tokens in the state.

A token is random, one per feed or page, stored in the `meta` partition (table `links`) so every process
serves the same one, and replaced by an admin (`kalender ny-lenke`), which stops the old link at once.
Creating one is a state change like any other (handlers/links.py records it); checking one is a constant-
time compare that answers the same for a wrong token as for a feed that does not exist.
"""

from __future__ import annotations

import hmac
import logging
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal
from urllib.parse import quote

from bot.config import AppConfig
from bot.state import META, StateStore
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


def token_of(state: StateStore, link_id: str) -> str | None:
    entry = state.doc(META, LINKS_TABLE, link_id)
    token = entry.get("token") if entry else None
    return token if isinstance(token, str) else None


_DUMMY = secrets.token_urlsafe(24)


def token_matches(state: StateStore, link_ids: tuple[str, ...], given: str | None) -> bool:
    """Whether `given` is the token of one of `link_ids`. Every id is compared, in constant time, also
    when one has no token yet, so neither a wrong token nor a missing feed is told apart by timing."""
    offered = (given or "").encode()
    found = False
    for link_id in link_ids:
        stored = token_of(state, link_id)
        found |= hmac.compare_digest(offered, (stored or _DUMMY).encode()) and stored is not None
    return found and bool(given)


def new_token() -> str:
    return secrets.token_urlsafe(24)


def put_token(link_id: str, token: str, *, replace: bool) -> Callable[[Tables], str]:
    """The mutation that stores a token (or keeps an existing one unless `replace`); returns the token."""

    def mutate(tables: Tables) -> str:
        links = tables.setdefault(LINKS_TABLE, {})
        current = links.get(link_id, {}).get("token")
        if current and not replace:
            return str(current)
        links[link_id] = {"token": token}
        return token

    return mutate


def address(base: str | None, path: str, token: str) -> str:
    """A link as people use it: absolute under PUBLIC_URL, otherwise the path alone."""
    return f"{(base or '').rstrip('/')}{path}?token={quote(token)}"
