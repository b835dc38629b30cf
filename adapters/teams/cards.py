"""Reply -> Adaptive Card (a plain dict), and a card submit's value -> command and fields.

Pure functions without the SDK, so they are tested without a network. Version 1.4 is what every Teams
client (desktop, web, mobile) renders. Buttons are ``Action.Submit``: Teams sends the click back as a
message activity whose ``value`` is the action's ``data`` merged with the card's input values, from the
person who clicked, so the command runs as that person with the same rules as when typed.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Mapping, Sequence
from typing import Any

from bot.messages import Button, Form, Mention, Reply

CARD_CONTENT_TYPE = "application/vnd.microsoft.card.adaptive"
CARD_VERSION = "1.4"
DATA_KEY = "samhandling"
"""Our namespace inside ``Action.Submit.data``; everything else in a submit's value is a form input."""

FIELD_PREFIX = "f_"
"""Input ids are prefixed so a form field can never collide with DATA_KEY or Teams' own keys."""


def render_card(reply: Reply, *, new_id: Any = None) -> dict[str, Any]:
    """The Adaptive Card for a reply: title, facts, buttons and the form's inputs.

    Each submit action gets a fresh ``submit_id``; a second click on the same button, or Teams delivering
    the same submit twice, carries the same id, which becomes part of ``Request.request_id``.
    """
    make_id = new_id or (lambda: uuid.uuid4().hex)
    body: list[dict[str, Any]] = [
        {
            "type": "TextBlock",
            "text": reply.title,
            "weight": "Bolder",
            "size": "Medium",
            "wrap": True,
            **({} if reply.ok else {"color": "Attention"}),
        }
    ]
    if not reply.sections and not reply.form:
        body.append({"type": "TextBlock", "text": reply.text, "wrap": True})
    for section in reply.sections:
        body.append({"type": "TextBlock", "text": section.title, "weight": "Bolder", "wrap": True, "spacing": "Medium"})
        if section.text:
            body.append({"type": "TextBlock", "text": section.text, "wrap": True, "spacing": "Small"})
        if section.facts:
            body.append({"type": "FactSet", "facts": [{"title": f.label, "value": f.value} for f in section.facts]})
    actions = [_button_action(button, submit_id=make_id()) for button in reply.buttons]
    if reply.form is not None:
        body.extend(_form_inputs(reply.form))
        actions.append(_form_action(reply.form, submit_id=make_id()))
    if reply.picture is not None:
        body.extend(picture_elements(reply))
    if reply.context:
        body.append({"type": "TextBlock", "text": reply.context, "isSubtle": True, "size": "Small", "wrap": True})
    mention_block, entities = mention_parts(reply.mentions)
    if mention_block:
        body.append(mention_block)
    card: dict[str, Any] = {
        "type": "AdaptiveCard",
        "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
        "version": CARD_VERSION,
        "fallbackText": reply.text,
        "body": body,
    }
    if actions:
        card["actions"] = actions
    if entities:
        card["msteams"] = {"entities": entities}
    return card


def mention_parts(mentions: Sequence[Mention]) -> tuple[dict[str, Any] | None, list[dict[str, Any]]]:
    """The people a card calls on: a TextBlock with `<at>Name</at>` and the matching `msteams.entities`
    where their Teams id is known (Teams notifies them), the plain name otherwise."""
    if not mentions:
        return None, []
    entities: list[dict[str, Any]] = []
    names: list[str] = []
    for mention in mentions:
        user_id = mention.ids.get("teams")
        if user_id:
            tag = f"<at>{mention.name}</at>"
            names.append(tag)
            entities.append({"type": "mention", "text": tag, "mentioned": {"id": user_id, "name": mention.name}})
        else:
            names.append(mention.name)
    block = {"type": "TextBlock", "text": "Til: " + ", ".join(names), "wrap": True, "size": "Small"}
    return block, entities


def _submit_data(*, command: str, kind: str, submit_id: str) -> dict[str, Any]:
    return {DATA_KEY: {"command": command, "kind": kind, "submit_id": submit_id}}


def _button_action(button: Button, *, submit_id: str) -> dict[str, Any]:
    submit = {
        "type": "Action.Submit",
        "title": button.label,
        "data": _submit_data(command=button.command, kind="button", submit_id=submit_id),
        **({"style": "positive"} if button.primary else {}),
    }
    if not button.confirm:
        return submit
    # Adaptive Cards have no confirm dialog; a ShowCard with the question and the real submit is the idiom.
    confirm = dict(submit, title="Bekreft")
    return {
        "type": "Action.ShowCard",
        "title": button.label,
        "card": {
            "type": "AdaptiveCard",
            "body": [{"type": "TextBlock", "text": button.confirm, "wrap": True}],
            "actions": [confirm],
        },
    }


def _form_inputs(form: Form) -> list[dict[str, Any]]:
    inputs: list[dict[str, Any]] = [
        {"type": "TextBlock", "text": form.title, "weight": "Bolder", "wrap": True, "spacing": "Medium"}
    ]
    for field in form.fields:
        item: dict[str, Any] = {
            "type": "Input.Text",
            "id": FIELD_PREFIX + field.name,
            "label": field.label,
            "isMultiline": field.multiline,
            "isRequired": not field.optional,
        }
        if field.hint:
            item["placeholder"] = field.hint
        if not field.optional:
            item["errorMessage"] = f"{field.label} må fylles ut."
        inputs.append(item)
    return inputs


def _form_action(form: Form, *, submit_id: str) -> dict[str, Any]:
    return {
        "type": "Action.Submit",
        "title": form.submit_label,
        "style": "positive",
        "data": _submit_data(command=form.submit_command, kind="form", submit_id=submit_id),
    }


def parse_submit(value: Any) -> tuple[str, dict[str, str], str | None] | None:
    """(command, fields, submit_id) from a card submit's ``value``, or None if it is not one of ours."""
    if not isinstance(value, Mapping):
        return None
    data = value.get(DATA_KEY)
    if not isinstance(data, Mapping) or not isinstance(data.get("command"), str):
        return None
    fields = {
        key[len(FIELD_PREFIX) :]: str(raw).strip()
        for key, raw in value.items()
        if isinstance(key, str) and key.startswith(FIELD_PREFIX) and raw is not None
    }
    submit_id = data.get("submit_id")
    return data["command"].strip(), fields, submit_id if isinstance(submit_id, str) else None


def submit_request_id(
    *, submit_id: str | None, activity_id: str | None, user_id: str, fields: Mapping[str, str]
) -> str | None:
    """The idempotency key of a card submit.

    The card's submit id makes a double click or a redelivered submit the same request; the clicker's id
    keeps two people's clicks on one "Signer" button apart; a digest of the values lets a person correct
    a form and submit it again. Without a submit id (an older card) the activity id is the key.
    """
    if not submit_id:
        return f"teams:activity:{activity_id}" if activity_id else None
    digest = ""
    if fields:
        canonical = "\x1f".join(f"{k}\x1e{fields[k]}" for k in sorted(fields))
        digest = ":" + hashlib.sha256(canonical.encode()).hexdigest()[:16]
    return f"teams:submit:{submit_id}:{user_id}{digest}"


def picture_elements(reply: Reply) -> list[dict[str, Any]]:
    """A reply's picture as an Image, fetched by Teams from our own server at a signed, expiring address
    (none without PUBLIC_URL: Teams cannot reach a loopback address; the text stays in the card)."""
    from adapters.web.draw import PICTURE_LINKS

    if reply.picture is None or (url := PICTURE_LINKS.address(reply.picture)) is None:
        return []
    return [{"type": "Image", "url": url, "altText": reply.picture.alt, "size": "Stretch", "spacing": "Medium"}]
