"""Answers to repeated reads (`neste`, `status`), kept until what they read changes.

Such a command's reply follows from the request (who asks, where, what they typed), the day, the
configuration and the partitions it read, and from nothing else (its `Command.same_all_day`). So the reply
is kept with the partitions it read and the version of each (`Store.version`, taken with the tables it
read), and a repeat of the request on the same day is answered with it once the store says every one of
them is at that version still: a version changes with every write, whoever made it (this process, another
process on the TinyDB folder, another replica on PostgreSQL). A hit costs one `Store.versions` (a stat per
partition on tinydb, one round trip on PostgreSQL); anything else (another day, a change, a request that
used more than `read`, one with form fields or files) is worked out as ever.

Why: a `neste` is a few dozen items described and laid out, and the same person opening the App Home or
asking again gets the same answer; the reads it saves are the cheap part.

A reply whose making read nothing of the person but their party, role and written form
(`bot.pipeline.personal`) is also kept under a `SharedKey`, which names those instead of the person: the
next person of that part asking the same in the same channel that day gets it, checked as above. So a
channel's new readers cost one `Store.versions`, not a `neste` each.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from contextlib import AbstractContextManager
from dataclasses import dataclass, fields
from datetime import date
from typing import NamedTuple

from bot.messages import Outcome, Request
from storage.base import Store

MAX_KEPT = 256
"""Replies kept at most (least recently asked out first). A kept reply holds its outcome and the names and
versions of what it read, not the tables, so an outdated one holds no old partition in memory."""


PER_DELIVERY = frozenset({"text", "fields", "attachments", "request_id", "delivery"})
"""What of a `Request` is not in a `Key` as it is: the text (cleaned, in `Key.text`), what makes a request one
never kept (form fields, files), and what differs per delivery of the same request."""
_ASKER = ("platform", "user_id", "user_name", "channel_id")
_REST = tuple(field.name for field in fields(Request) if field.name not in PER_DELIVERY and field.name not in _ASKER)
"""Every other field of a request, taken from the dataclass itself, so a field added to `Request` is in the key
without anyone remembering to add it: the organisation the person spoke from (which party she is, walk 38 F1),
her e-mail domain, whether she is external, her client's locale (her written form), a one-to-one chat."""


class Key(NamedTuple):
    """What a reply may depend on besides the state it read: everything the request says of who asks, where
    and how, so a reply kept for the person speaking from one organisation (or as no one known, while a
    Teams roster read failed) is never served to her speaking from another."""

    command: str
    text: str
    """The request's text, cleaned."""
    platform: str
    user_id: str
    user_name: str | None
    channel_id: str
    day: date
    rest: tuple[object, ...] = ()
    """The request's other fields (`_REST`): organisation, e-mail domain, external, locale, personal, mentions."""


class SharedKey(NamedTuple):
    """What a reply that read nothing personal (`bot.pipeline.personal`) may depend on: the asker's part
    in place of the asker."""

    command: str
    text: str
    platform: str
    channel_id: str
    personal: bool
    """A one-to-one chat (`Request.personal`)."""
    party: str | None
    role: str | None
    lang: str
    day: date


@dataclass(frozen=True)
class _Kept:
    day: date
    outcome: Outcome
    partitions: tuple[str, ...]
    """The partitions read."""
    versions: tuple[int, ...]
    """The version of each, as read (`Store.version`: 0 for one never written)."""


class _Shelf:
    """Kept replies under one kind of key, least recently asked out first."""

    def __init__(self, *, maxsize: int) -> None:
        self._maxsize = maxsize
        self._kept: OrderedDict[tuple[object, ...], _Kept] = OrderedDict()
        self._lock = threading.Lock()

    def find(self, key: tuple[object, ...]) -> _Kept | None:
        with self._lock:
            return self._kept.get(key)

    def keep(self, key: tuple[object, ...], kept: _Kept) -> None:
        with self._lock:
            self._kept[key] = kept
            self._kept.move_to_end(key)
            while len(self._kept) > self._maxsize:
                self._kept.popitem(last=False)
            while self._kept and next(iter(self._kept.values())).day < kept.day:  # yesterday's: never asked again
                self._kept.popitem(last=False)

    def used(self, key: tuple[object, ...], kept: _Kept) -> None:
        with self._lock:
            if self._kept.get(key) is kept:
                self._kept.move_to_end(key)

    def drop(self, key: tuple[object, ...], kept: _Kept) -> None:
        with self._lock:
            if self._kept.get(key) is kept:
                del self._kept[key]

    def clear(self) -> None:
        with self._lock:
            self._kept.clear()


class ReplyCache:
    def __init__(self, *, store: Store, maxsize: int = MAX_KEPT) -> None:
        self._store = store
        self._own = _Shelf(maxsize=maxsize)
        self._shared = _Shelf(maxsize=maxsize)

    def one_look(self) -> AbstractContextManager[None]:
        """The store's `one_look`: a request's checks and reads look at each partition once."""
        return self._store.one_look()

    @staticmethod
    def key(request: Request, *, text: str, command: str, today: date) -> Key | None:
        """The request's key (`text`: its text, cleaned), or None when it is not one to keep."""
        if request.fields or request.attachments:
            return None
        rest = tuple(getattr(request, name) for name in _REST)
        return Key(command, text, request.platform, request.user_id, request.user_name, request.channel_id, today, rest)

    @staticmethod
    def shared_key(key: Key, *, personal: bool, party: str | None, role: str | None, lang: str) -> SharedKey:
        """The key of `key`'s reply for everyone of the asker's part (party, role, written form)."""
        return SharedKey(key.command, key.text, key.platform, key.channel_id, personal, party, role, lang, key.day)

    def get(self, key: Key) -> Outcome | None:
        """The kept reply when every partition it read is as it was; None otherwise (and it is dropped)."""
        return self._get(self._own, key)

    def get_shared(self, key: SharedKey) -> Outcome | None:
        """As `get`, for everyone of a part."""
        return self._get(self._shared, key)

    def _get(self, shelf: _Shelf, key: tuple[object, ...]) -> Outcome | None:
        kept = shelf.find(key)
        if kept is None:
            return None
        if self._store.versions(kept.partitions) != kept.versions:  # a store fault propagates: answered as ever
            shelf.drop(key, kept)
            return None
        shelf.used(key, kept)
        return kept.outcome

    def put(
        self,
        key: Key,
        outcome: Outcome,
        *,
        read: tuple[tuple[str, int], ...],
        shared: SharedKey | None = None,
    ) -> None:
        """Keep `outcome` under `key` (and `shared`, when its making read nothing personal), made from the
        partitions `read` at those versions (`StateStore.reads_alone`)."""
        partitions = tuple(partition for partition, _ in read)
        versions = tuple(version for _, version in read)
        kept = _Kept(day=key.day, outcome=outcome, partitions=partitions, versions=versions)
        self._own.keep(key, kept)
        if shared is not None:
            self._shared.keep(shared, kept)

    def keep_own(self, key: Key, outcome: Outcome, *, shared: SharedKey) -> None:
        """After a hit under `shared`: the asker's own repeat is answered by `get` from now on."""
        kept = self._shared.find(shared)
        if kept is not None and kept.outcome is outcome:
            self._own.keep(key, kept)

    def clear(self) -> None:
        self._own.clear()
        self._shared.clear()
