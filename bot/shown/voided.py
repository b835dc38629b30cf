"""Whether a history entry is a signature a later text made void: one note for every surface that lists the
history (the status page's «Siste endringer», chat `logg`), so they never disagree (walk 14b F9)."""

from __future__ import annotations

import logging

from bot.actions.signing import ACTION as SIGN_ACTION
from bot.agreement.versions import Version, binds, current_version
from bot.i18n import _
from bot.state.store import StateStore
from storage.base import Document

logger = logging.getLogger(__name__)


def void_note(entry: Document, *, state: StateStore, current: Version | None = None) -> str:
    """« (ugyldig: avtaleteksten er endret)» after a signature entry whose signature was on an older text of
    its agreement, else "". `current` is the agreement's current version when the caller has it (one page,
    one agreement); else it is read for the entry's region and year."""
    if entry.get("action") != SIGN_ACTION:
        return ""
    if current is None:
        region, year = entry.get("region"), entry.get("year")
        if not isinstance(region, str) or not isinstance(year, int):
            return ""
        current = current_version(state, region=region, year=year)
    return " " + _("(ugyldig: avtaleteksten er endret)") if _void(entry, current) else ""


def _void(entry: Document, current: Version | None) -> bool:
    """A new version voided the signature: the page and `logg` mark it (walk 4, m4) rather than list it beside
    the valid ones as if it held."""
    if current is None:
        return False
    for change in entry.get("changes") or ():
        after = change.get("after") if isinstance(change, dict) else None
        if isinstance(change, dict) and change.get("table") == "signatures" and isinstance(after, dict):
            return not binds(after, current)
    return False
