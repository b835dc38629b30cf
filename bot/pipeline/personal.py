"""What singles the asker out, watched while a reply to keep is made (`bot.pipeline.kept`).

A `neste` follows from the channel, the words, the day, the state it read and, of the person, mostly only
their part: their party and role, and the written form they read. A reply whose making never looked at
more of the person than that (their key, name or how they are known; the request's user id, name,
organisation or mentions) is the same for everyone of that part asking the same in that channel, so it is
kept for them all (`bot.reply_cache.SharedKey`), and a new person of a known part is answered without
working it out again. Nothing is declared: what was read is seen, so a handler that starts reading the
person's key simply stops being shared.
"""

from __future__ import annotations

from dataclasses import fields
from typing import Any

from bot.messages import Request
from bot.model.identity import Caller

CALLER_PERSONAL = frozenset({"key", "name", "via"})
"""What of a `Caller` names the person rather than their part (`party`, `role`)."""
REQUEST_PERSONAL = frozenset(
    {"user_id", "user_name", "organisation", "email_domain", "external", "mentions", "request_id", "delivery"}
)
"""What of a `Request` is the person's own or this delivery's (its words, channel and platform are in the key)."""


class Watch:
    """Whether anything personal was read while the watch was armed."""

    __slots__ = ("armed", "seen")

    def __init__(self) -> None:
        self.armed = False
        self.seen = False

    def note(self) -> None:
        if self.armed:
            self.seen = True


class _WatchedCaller(Caller):
    _watch: Watch | None = None

    def __getattribute__(self, name: str) -> Any:
        if name in CALLER_PERSONAL:
            watch = object.__getattribute__(self, "_watch")
            if watch is not None:
                watch.note()
        return object.__getattribute__(self, name)


class _WatchedRequest(Request):
    _watch: Watch | None = None

    def __getattribute__(self, name: str) -> Any:
        if name in REQUEST_PERSONAL:
            watch = object.__getattribute__(self, "_watch")
            if watch is not None:
                watch.note()
        return object.__getattribute__(self, name)


_CALLER_FIELDS = tuple(f.name for f in fields(Caller))
_REQUEST_FIELDS = tuple(f.name for f in fields(Request))


def watched_caller(caller: Caller, *, watch: Watch) -> Caller:
    """The same caller (equal in every field), noting on `watch` each read of what names the person."""
    copy = _WatchedCaller(**{name: getattr(caller, name) for name in _CALLER_FIELDS})
    object.__setattr__(copy, "_watch", watch)
    return copy


def watched_request(request: Request, *, watch: Watch) -> Request:
    """The same request (equal in every field), noting on `watch` each read of what is the person's own."""
    copy = _WatchedRequest(**{name: getattr(request, name) for name in _REQUEST_FIELDS})
    object.__setattr__(copy, "_watch", watch)
    return copy
