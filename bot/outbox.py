"""The durable outbox for announcements (a signature made in Teams, told in Slack …).

An announcement is written to the ``outbox`` partition before it is posted; a post the platform accepted
goes into the same partition's ledger and leaves the outbox, so it is posted once. A failed one stays and
is retried by the next reminder pass (which holds the pass lease, so two processes never retry the same
one). After `MAX_ATTEMPTS` tries it is given up: written to the history of ``meta`` (so `logg` shows it)
and told to the admins in the national channel.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import asdict, replace
from datetime import datetime
from types import MappingProxyType
from typing import Any

from bot.messages import (
    Announcement,
    Button,
    ChannelAddress,
    Fact,
    Form,
    FormField,
    ItemState,
    Mention,
    Reply,
    Section,
    Visibility,
)
from bot.state import META, Author, StateStore
from storage.base import Document, Tables

logger = logging.getLogger(__name__)

PARTITION = "outbox"
PENDING = "pending"
MAX_ATTEMPTS = 5
SYSTEM = Author(person=None, name="Samhandlingsbot", platform="system", channel="")


def reply_to_doc(reply: Reply) -> Document:
    """A reply as plain data. Mentions are written by hand: their `ids` is a read-only mapping, which
    `asdict` cannot copy (it deep-copies, and a mappingproxy does not pickle)."""
    doc = asdict(replace(reply, mentions=()))
    doc["visibility"] = str(reply.visibility)
    doc["mentions"] = [{"person": m.person, "name": m.name, "ids": dict(m.ids)} for m in reply.mentions]
    return doc


def _item_state(value: object) -> ItemState | None:
    """A stored item state (`Section.state`, `Fact.state`); an unknown one (a hand edit) is left out."""
    try:
        return ItemState(value) if isinstance(value, str) else None
    except ValueError:
        return None


def reply_from_doc(doc: Document) -> Reply:
    form = doc.get("form")
    return Reply(
        title=doc["title"],
        text=doc["text"],
        sections=tuple(
            Section(
                title=s["title"],
                facts=tuple(
                    Fact(label=f["label"], value=f["value"], state=_item_state(f.get("state")))
                    for f in s.get("facts", ())
                ),
                text=s.get("text"),
                state=_item_state(s.get("state")),
            )
            for s in doc.get("sections", ())
        ),
        buttons=tuple(Button(**b) for b in doc.get("buttons", ())),
        context=doc.get("context"),
        visibility=Visibility(doc.get("visibility", Visibility.CHANNEL)),
        ok=doc.get("ok", True),
        form=Form(
            title=form["title"],
            submit_command=form["submit_command"],
            fields=tuple(FormField(**f) for f in form.get("fields", ())),
            submit_label=form.get("submit_label", "Lagre"),
        )
        if form
        else None,
        mentions=tuple(
            Mention(person=m["person"], name=m["name"], ids=MappingProxyType(dict(m.get("ids", {}))))
            for m in doc.get("mentions", ())
        ),
        lang=str(doc.get("lang", "nb")),
    )


class Outbox:
    def __init__(self, *, state: StateStore) -> None:
        self.state = state

    def put(self, announcement: Announcement, *, at: datetime) -> str:
        """Write the announcement durably before anyone tries to post it; returns its id."""
        entry_id = uuid.uuid4().hex
        doc = {
            "platform": announcement.to.platform,
            "channel": announcement.to.channel_id,
            "reply": reply_to_doc(announcement.reply),
            "created_at": at.isoformat(),
            "attempts": 0,
            "last_error": "",
        }
        with self.state.store.update(PARTITION) as tables:
            tables.setdefault(PENDING, {})[entry_id] = doc
        return entry_id

    def pending(self) -> dict[str, tuple[Announcement, Document]]:
        found: dict[str, tuple[Announcement, Document]] = {}
        for entry_id, doc in self.state.tables(PARTITION).get(PENDING, {}).items():
            to = ChannelAddress(platform=doc["platform"], channel_id=doc["channel"])
            found[entry_id] = (Announcement(to=to, reply=reply_from_doc(doc["reply"])), doc)
        return found

    def delivered(self, entry_id: str, *, at: datetime) -> None:
        """The platform accepted it: into the ledger, out of the outbox (one write)."""

        store = self.state.store

        def move(tables: Tables) -> None:
            doc = tables.get(PENDING, {}).pop(entry_id, None)
            if doc is not None:  # the ledger through the store's row methods (rows of their own in PostgreSQL)
                store.put_row(
                    tables,
                    partition=PARTITION,
                    table="ledger",
                    key=f"announcement:{entry_id}",
                    doc={
                        "sent_at": at.isoformat(),
                        "platform": doc["platform"],
                        "channel": doc["channel"],
                        "attempts": doc["attempts"] + 1,
                    },
                )

        with self.state.store.update(PARTITION) as tables:
            move(tables)

    def failed(self, entry_id: str, *, at: datetime, error: str) -> Document | None:
        """Count a failed try; returns the entry when it has now been given up."""
        given_up: Document | None = None
        with self.state.store.update(PARTITION) as tables:
            doc = tables.get(PENDING, {}).get(entry_id)
            if doc is None:
                return None
            doc["attempts"] += 1
            doc["last_error"] = error[:300]
            doc["last_try"] = at.isoformat()
            if doc["attempts"] >= MAX_ATTEMPTS:
                given_up = tables[PENDING].pop(entry_id)
                tables.setdefault("undelivered", {})[entry_id] = given_up
        if given_up is not None:
            title = given_up["reply"].get("title", "")
            self.state.change(
                partition=META,
                author=SYSTEM,
                at=at,
                summary=(
                    f"Kunngjøringen «{title}» kom ikke fram til {given_up['platform']}-kanal {given_up['channel']} "
                    f"etter {given_up['attempts']} forsøk ({given_up['last_error']})"
                ),
                mutate=lambda tables: None,
            )
            logger.error(
                "announcement %s to %s:%s given up after %d attempts: %s",
                entry_id,
                given_up["platform"],
                given_up["channel"],
                given_up["attempts"],
                given_up["last_error"],
            )
        return given_up


def describe_undelivered(doc: Document) -> str:
    """One Norwegian line for the admins about an announcement that did not arrive."""
    reply: dict[str, Any] = doc.get("reply", {})
    return (
        f"Kunngjøringen «{reply.get('title', '')}» kom ikke fram til {doc.get('platform')}-kanal "
        f"{doc.get('channel')} etter {doc.get('attempts')} forsøk. Sjekk at boten er med i kanalen."
    )
