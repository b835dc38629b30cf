"""What singles the asker out, watched while the handler of a reply to keep runs (`bot.pipeline.kept`).

A `neste` follows from the channel, the words, the day, the state it read and, of the person, mostly only
their part: their party and role, and the written form they read. A reply whose making never looked at
more of the person than that (their key, name or how they are known; the request's user id, name,
organisation or mentions) is the same for everyone of that part asking the same in that channel, so it is
kept for them all (`bot.reply_cache.SharedKey`), and a new person of a known part is answered without
working it out again. Nothing is declared: what was read is seen, so a handler that starts reading the
person's key simply stops being shared.
"""

from __future__ import annotations

from typing import Any, TypeVar

from bot.messages import Request
from bot.model.identity import Caller

CALLER_PERSONAL = frozenset({"key", "name", "via"})
"""What of a `Caller` names the person rather than their part (`party`, `role`)."""
REQUEST_PERSONAL = frozenset(
    {"user_id", "user_name", "organisation", "email_domain", "external", "mentions", "request_id", "delivery"}
)
"""What of a `Request` is the person's own or this delivery's (its words, channel and platform are in the key)."""


class Watch:
    """Whether anything personal was read while the watch was armed (while the handler ran: dispatch)."""

    __slots__ = ("armed", "seen")

    def __init__(self) -> None:
        self.armed = False
        self.seen = False

    def note(self) -> None:
        if self.armed:
            self.seen = True


T = TypeVar("T", Caller, Request)


def _watching(base: type[T], personal: frozenset[str]) -> type[T]:
    """`base` with each read of a name in `personal` noted on the instance's watch."""

    def __getattribute__(self: T, name: str) -> Any:
        if name in personal:
            watch = object.__getattribute__(self, "_watch")
            if watch is not None:
                watch.note()
        return object.__getattribute__(self, name)

    return type(f"Watched{base.__name__}", (base,), {"__getattribute__": __getattribute__, "_watch": None})


_WATCHED: dict[type, type] = {
    base: _watching(base, personal) for base, personal in ((Caller, CALLER_PERSONAL), (Request, REQUEST_PERSONAL))
}
_WATCHED.update({cls: cls for cls in list(_WATCHED.values())})  # watched again: the same kind


def watched(value: T, *, watch: Watch) -> T:
    """The same caller or request (equal in every field), noting on `watch` each read of what names the
    person (`CALLER_PERSONAL`, `REQUEST_PERSONAL`)."""
    cls = _WATCHED[type(value)]
    # The fields copied as they are (the value was checked when it was made), not through `__init__` again:
    # a `neste` worked out anew makes two of these, and a frozen dataclass's `__init__` sets field by field.
    copy = object.__new__(cls)
    object.__getattribute__(copy, "__dict__").update(object.__getattribute__(value, "__dict__"))
    object.__setattr__(copy, "_watch", watch)
    return copy  # type: ignore[no-any-return]
