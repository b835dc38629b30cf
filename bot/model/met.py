"""The organisation of each person the core has met, so a mention of them reads them as their organisation's
(walk 28 F9: an adviser known through her organisation signed for IN, but «oppfølging: … @Inga» was refused
with «Jeg kjenner ikke personen»). A mention carries only the person's id; what organisation they come from
is known from their own requests.

Kept in the store (`PARTITION`, bookkeeping: no history, not model state), so a restart, or another process
on the same store, still knows who was met: in memory it was lost on restart, and a point's owner named by
mention was refused until that person spoke again. Written only when someone is met anew or what their
request says of them changed (a read that writes was issue 21's complaint); read once per process, and
again for a person not known here (another process may have met them)."""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict

from bot.messages import Request
from storage.base import Store

logger = logging.getLogger(__name__)

MAX_MET = 5000
"""People a process keeps (a few hundred in a national deployment)."""
PARTITION, TABLE = "people/met", "met"
"""Where the people met are kept: one row per (platform, user id), keyed «platform:user id»."""

Met = tuple[str | None, str | None, str | None]
"""(organisation, e-mail domain, name as the platform gave it)."""
NOBODY: Met = (None, None, None)


class MetPeople:
    """(platform, user id) -> (organisation, e-mail domain, name) of each person met with an organisation."""

    def __init__(self, *, store: Store | None = None) -> None:
        self._met: OrderedDict[tuple[str, str], Met] = OrderedDict()
        self._lock = threading.Lock()
        self._store = store
        self._loaded = store is None
        self._in_store: set[tuple[str, str]] = set()  # the people the store holds a row for

    def note(self, request: Request, *, bound: bool) -> None:
        """What the person's latest request says: a request with no organisation forgets the one met before
        (a Teams guest, a roster not read: unknown is unknown, walk 28 F6). The store is written only when
        that changes what is kept, and only for a person whose organisation is `bound` to a party: only then
        does it name them (every Slack request carries its workspace, so keeping every person met would make
        each new person's first read a durable write: issue 21's «no read writes»)."""
        if not request.user_id:
            return
        key = (request.platform, request.user_id)
        met: Met | None = (
            (request.organisation, request.email_domain, request.user_name)
            if request.organisation or request.email_domain
            else None
        )
        with self._lock:
            self._load()
            before = self._met.get(key)
            if met is None:
                self._met.pop(key, None)
            else:
                self._met[key] = met
                self._met.move_to_end(key)
                while len(self._met) > MAX_MET:
                    self._met.popitem(last=False)
        if before != met and (bound if met is not None else key in self._in_store):
            self._keep(key, met)

    def of(self, *, platform: str, user_id: str) -> Met:
        """(organisation, e-mail domain, name as the platform gave it); Nones for a person not met."""
        key = (platform, user_id)
        with self._lock:
            self._load()
            found = self._met.get(key)
        if found is None and self._store is not None:  # met by another process since this one read them
            found = _stored(self._read().get(_row_key(key)))
            if found is not None:
                with self._lock:
                    self._met[key] = found
        return found or NOBODY

    def _load(self) -> None:
        """The people kept in the store, once per process (under the lock)."""
        if self._loaded:
            return
        self._loaded = True
        for row, doc in self._read().items():
            platform, _sep, user_id = row.partition(":")
            met = _stored(doc)
            if user_id and met is not None:
                self._met[(platform, user_id)] = met
                self._in_store.add((platform, user_id))

    def _read(self) -> dict[str, object]:
        if self._store is None:
            return {}
        try:
            return dict(self._store.read(PARTITION).get(TABLE, {}))
        except Exception:  # who was met is a help for mentions, never a reason a request fails
            logger.exception("could not read the people met")
            return {}

    def _keep(self, key: tuple[str, str], met: Met | None) -> None:
        if self._store is None:
            return
        try:
            with self._store.update(PARTITION) as tables:
                rows = tables.setdefault(TABLE, {})
                if met is None:
                    rows.pop(_row_key(key), None)
                else:
                    organisation, email_domain, name = met
                    rows[_row_key(key)] = {"organisation": organisation, "email_domain": email_domain, "name": name}
            with self._lock:
                if met is None:
                    self._in_store.discard(key)
                else:
                    self._in_store.add(key)
        except Exception:
            logger.exception("could not keep who was met on %s", key[0])


def _row_key(key: tuple[str, str]) -> str:
    return f"{key[0]}:{key[1]}"


def _stored(doc: object) -> Met | None:
    """A kept row as (organisation, e-mail domain, name); None for one that is not a row of ours."""
    if not isinstance(doc, dict):
        return None
    values = tuple(value if isinstance(value, str) else None for value in (doc.get(name) for name in FIELDS))
    organisation, email_domain, name = values
    return (organisation, email_domain, name) if organisation or email_domain else None


FIELDS = ("organisation", "email_domain", "name")
