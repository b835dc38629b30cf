"""What this process found it cannot deliver, one line each, for /healthz (`Core.undelivered`).

Kept apart from the posting (`bot.delivery.announcements`, which writes the lines) so that /healthz reads
them without importing the posting and the digests behind it: a `serve` answered its first /healthz only
after ~45 ms of imports nothing had noted anything in yet (issue 21, `python -m bench.serve_startup`).
"""

from __future__ import annotations

import logging
import weakref
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.core import Core

logger = logging.getLogger(__name__)

KEEP_NOTES = 50
"""Undelivered announcements shown on /healthz (the newest); the log has every one."""

_NOTES: weakref.WeakKeyDictionary[object, list[str]] = weakref.WeakKeyDictionary()


def undelivered(core: Core) -> list[str]:
    """What this process found it cannot deliver, one line each (for /healthz)."""
    return list(_NOTES.get(core, ()))


def note_undelivered(core: Core, line: str) -> None:
    """One line for /healthz about a post that did not arrive, or may have (a digest, an announcement)."""
    notes = _NOTES.setdefault(core, [])
    notes.append(line[:300])
    del notes[:-KEEP_NOTES]
