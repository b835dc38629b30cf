"""What one process knows about its own reminder passes, kept per core: why reminders are stopped (for
/healthz, `Core.reminder_fault`) and the digests it posted whose ledger write failed.

Kept apart from the pass (`bot.reminders.passes`) so that /healthz reads the fault without importing the
pass, the planner and the digests: `serve`'s first /healthz paid for them before any pass had run (issue 21,
`python -m bench.serve_startup`).
"""

from __future__ import annotations

import logging
import weakref
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.core import Core

logger = logging.getLogger(__name__)


@dataclass
class Guard:
    """What one process knows about its own passes (kept per core)."""

    fault: str | None = None
    posted: set[str] = field(default_factory=set)
    """Keys of digests this process posted whose ledger write failed (so no lookup is needed)."""


_GUARDS: weakref.WeakKeyDictionary[object, Guard] = weakref.WeakKeyDictionary()


def guard_of(core: Core) -> Guard:
    """The core's guard, made at its first pass."""
    guard = _GUARDS.get(core)
    if guard is None:
        guard = _GUARDS[core] = Guard()
    return guard


def ledger_fault(core: Core) -> str | None:
    """Why reminders are stopped in this process (for /healthz), or None when all is well."""
    guard = _GUARDS.get(core)
    return guard.fault if guard else None
