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
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from bot.messages import Outcome, Request
from storage.base import Store

MAX_KEPT = 256
"""Replies kept at most (least recently asked out first). A kept reply holds its outcome and the names and
versions of what it read, not the tables, so an outdated one holds no old partition in memory."""


class Key(NamedTuple):
    """What a reply may depend on besides the state it read."""

    command: str
    text: str
    """The request's text, cleaned."""
    platform: str
    user_id: str
    user_name: str | None
    channel_id: str
    day: date


@dataclass(frozen=True)
class _Kept:
    day: date
    outcome: Outcome
    partitions: tuple[str, ...]
    """The partitions read."""
    versions: tuple[int, ...]
    """The version of each, as read (`Store.version`: 0 for one never written)."""


class ReplyCache:
    def __init__(self, *, store: Store, maxsize: int = MAX_KEPT) -> None:
        self._store = store
        self._maxsize = maxsize
        self._kept: OrderedDict[Key, _Kept] = OrderedDict()
        self._lock = threading.Lock()

    @staticmethod
    def key(request: Request, *, text: str, command: str, today: date) -> Key | None:
        """The request's key (`text`: its text, cleaned), or None when it is not one to keep."""
        if request.fields or request.attachments:
            return None
        return Key(command, text, request.platform, request.user_id, request.user_name, request.channel_id, today)

    def get(self, key: Key) -> Outcome | None:
        """The kept reply when every partition it read is as it was; None otherwise (and it is dropped)."""
        with self._lock:
            kept = self._kept.get(key)
        if kept is None:
            return None
        if self._store.versions(kept.partitions) != kept.versions:  # a store fault propagates: answered as ever
            with self._lock:
                if self._kept.get(key) is kept:
                    del self._kept[key]
            return None
        with self._lock:
            if key in self._kept:
                self._kept.move_to_end(key)
        return kept.outcome

    def put(self, key: Key, outcome: Outcome, *, read: tuple[tuple[str, int], ...]) -> None:
        """Keep `outcome` under `key`, made from the partitions `read` at those versions
        (`StateStore.reads_alone`)."""
        day = key.day
        partitions = tuple(partition for partition, _ in read)
        versions = tuple(version for _, version in read)
        kept = _Kept(day=day, outcome=outcome, partitions=partitions, versions=versions)
        with self._lock:
            self._kept[key] = kept
            self._kept.move_to_end(key)
            while len(self._kept) > self._maxsize:
                self._kept.popitem(last=False)
            while self._kept and next(iter(self._kept.values())).day < day:  # yesterday's are never asked again
                self._kept.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._kept.clear()
