"""A reply as a stored document and back: announcements in the outbox (`bot.delivery.outbox`) and a reminder
pass's intents (`bot.reminders.ledger`) keep the reply they will post, so a process that died can post it."""

from __future__ import annotations

import logging
from types import MappingProxyType

from bot.messages import Button, Fact, Form, FormField, ItemState, Mention, Reply, Section, Visibility
from storage.base import Document

logger = logging.getLogger(__name__)


def reply_to_doc(reply: Reply) -> Document:
    """The reply as a stored document: what `dataclasses.asdict` gives (same keys, same order, so the same
    JSON text), written out field by field because `asdict` deep-copies through every nested dataclass
    and was ~15 % of a `signer`'s CPU (each announcement is stored with its change, issue 21). A new
    field of `Reply` or of a part must be added here (tests/test_outbox_doc.py compares with `asdict`)."""
    form = reply.form
    picture = reply.picture
    return {
        "title": reply.title,
        "text": reply.text,
        "sections": tuple(
            {
                "title": s.title,
                "facts": tuple({"label": f.label, "value": f.value, "state": f.state, "more": f.more} for f in s.facts),
                "text": s.text,
                "state": s.state,
            }
            for s in reply.sections
        ),
        "buttons": tuple(
            {"label": b.label, "command": b.command, "confirm": b.confirm, "primary": b.primary, "answers": b.answers}
            for b in reply.buttons
        ),
        "context": reply.context,
        "visibility": str(reply.visibility),
        "ok": reply.ok,
        "form": None
        if form is None
        else {
            "title": form.title,
            "submit_command": form.submit_command,
            "fields": tuple(
                {"name": f.name, "label": f.label, "multiline": f.multiline, "optional": f.optional, "hint": f.hint}
                for f in form.fields
            ),
            "submit_label": form.submit_label,
            "context": form.context,
        },
        "mentions": [{"person": m.person, "name": m.name, "ids": dict(m.ids)} for m in reply.mentions],
        "picture": None
        if picture is None
        else {"params": dict(picture.params), "name": picture.name, "alt": picture.alt},
        "lang": reply.lang,
    }


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
