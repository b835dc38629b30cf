"""An announcement the outbox gave up on, beside `bot.delivery.outbox`: the line kept in `meta`'s history
(in both written forms, so `logg` shows it) and the line told to the admins. Kept apart from the outbox's
rows and marks, which say nothing in Norwegian: this is what a person reads of a post that never arrived."""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any

from bot.i18n import _, using
from bot.state.store import META, Author, StateStore
from storage.base import Document

logger = logging.getLogger(__name__)

SYSTEM = Author(person=None, name="Samhandlingsbot", platform="system", channel="")


def note_given_up(state: StateStore, given_up: Document, *, at: datetime) -> None:
    title = given_up["reply"].get("title", "")
    state.change(
        partition=META,
        author=SYSTEM,
        at=at,
        summary=_given_up_summary(given_up, title=title, lang="nb"),
        summary_nn=_given_up_summary(given_up, title=title, lang="nn"),
        mutate=lambda tables: None,
    )
    logger.error(
        "announcement to %s:%s given up after %d attempts: %s",
        given_up["platform"],
        given_up["channel"],
        given_up["attempts"],
        given_up["last_error"],
    )


def _given_up_summary(doc: Document, *, title: str, lang: str) -> str:
    """The history's line for an announcement given up, in one written form (the history keeps both)."""
    with using(lang):  # type: ignore[arg-type]
        return _(
            "Kunngjøringen «{title}» kom ikke fram til {platform}-kanal {channel} etter {attempts} forsøk ({error})"
        ).format(
            title=title,
            platform=doc["platform"],
            channel=doc["channel"],
            attempts=doc["attempts"],
            error=doc["last_error"],
        )


def describe_undelivered(doc: Document) -> str:
    """One Norwegian line for the admins about an announcement that did not arrive."""
    reply: dict[str, Any] = doc.get("reply", {})
    return _(
        "Kunngjøringen «{title}» kom ikke fram til {platform}-kanal {channel} etter {attempts} forsøk. "
        "Sjekk at boten er med i kanalen."
    ).format(
        title=reply.get("title", ""),
        platform=doc.get("platform"),
        channel=doc.get("channel"),
        attempts=doc.get("attempts"),
    )
