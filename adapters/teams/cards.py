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

from bot.i18n import _, using
from bot.messages import Button, Form, Mention, Reply, Visibility
from bot.pipeline.parse import MAX_COMMAND_LENGTH

from .markdown import angle_brackets, escape
from .sections import render_sections, text_blocks

CARD_CONTENT_TYPE = "application/vnd.microsoft.card.adaptive"
CARD_VERSION = "1.4"
DATA_KEY = "samhandling"
"""Our namespace inside ``Action.Submit.data``; everything else in a submit's value is a form input."""

FALLBACK_CHARS = 2000
MAX_LINE = 300
MAX_MULTILINE = MAX_COMMAND_LENGTH
"""Input lengths: what the core takes in one command, so a form can hold what typing can."""

FIELD_PREFIX = "f_"
"""Input ids are prefixed so a form field can never collide with DATA_KEY or Teams' own keys."""


def render_card(reply: Reply, *, new_id: Any = None, origin: str | None = None) -> dict[str, Any]:
    """The Adaptive Card for a reply (`_card`), with the card's own few words in the reply's written form."""
    with using("nn" if reply.lang == "nn" else "nb"):
        return _card(reply, new_id=new_id, origin=origin)


def _below_title(reply: Reply) -> str:
    """The reply's text under its title: a text that opens with the title sentence (an announcement is one
    sentence, title and text alike) does not say it twice on the card (walk15b N8)."""
    title, text = reply.title.strip(), reply.text.strip()
    if title and text.startswith(title) and text[len(title) : len(title) + 1] in ("", "\n"):
        return text[len(title) :].strip()
    return reply.text


def _card(reply: Reply, *, new_id: Any = None, origin: str | None = None) -> dict[str, Any]:
    """The Adaptive Card for a reply: title, sections (facts, lines, tables), buttons and the form's inputs.

    Each submit action gets a fresh ``submit_id``; a second click on the same button, or Teams delivering
    the same submit twice, carries the same id, which becomes part of ``Request.request_id``. ``origin`` is
    the read command that produced the reply; a click on the card refreshes the card by running it again.
    A card that tells the channel of a recorded change (a digest, minutes recorded: `ok` and `CHANNEL`)
    marks its buttons `keep`: a click on one is answered below it and the card stays what the channel was
    told (walk 35: «Ferdig» on the minutes' card replaced the minutes with «Oppfølgingspunkt ferdig»).
    A button that answers the card itself (`Button.answers`: a request to join's «Slipp inn») is not kept:
    the answer replaces the request, so its buttons are gone once it is answered (walk 37).
    """
    make_id = new_id or (lambda: uuid.uuid4().hex)
    body: list[dict[str, Any]] = []
    if reply.title.strip():
        body.append(
            {
                "type": "TextBlock",
                "text": escape(reply.title),
                "weight": "Bolder",
                "size": "Medium",
                "wrap": True,
                **({} if reply.ok else {"color": "Attention"}),
            }
        )
    if not reply.sections and not reply.form:
        body.extend(text_blocks(_below_title(reply), first_spacing="Small"))
    body.extend(render_sections(reply.sections))
    actions: list[dict[str, Any]] = []
    buttons = list(reply.buttons)
    if buttons:
        keep = reply.ok and reply.visibility is Visibility.CHANNEL
        rows = _button_actions(buttons, make_id=make_id, origin=origin, keep=keep)
        if _fits_in_one_row(buttons):
            actions.extend(rows)
        else:
            # One full-width button per row, so each label is read whole at 320 px.
            body.extend({"type": "ActionSet", "actions": [action], "spacing": "Small"} for action in rows)
    if reply.form is not None:
        body.extend(_form_inputs(reply.form))
        actions.append(_form_action(reply.form, submit_id=make_id()))
    if reply.picture is not None:
        body.extend(picture_elements(reply))
    if reply.context:
        body.append(
            {"type": "TextBlock", "text": escape(reply.context), "isSubtle": True, "size": "Small", "wrap": True}
        )
    mention_block, entities = mention_parts(reply.mentions)
    if mention_block:
        body.append(mention_block)
    card: dict[str, Any] = {
        "type": "AdaptiveCard",
        "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
        "version": CARD_VERSION,
        "fallbackText": angle_brackets(reply.text[:FALLBACK_CHARS]),
        "body": body,
    }
    if actions:
        card["actions"] = actions
    if entities:
        card["msteams"] = {"entities": entities}
    return card


def _fits_in_one_row(buttons: list[Button]) -> bool:
    """Whether the buttons share one row at 320 px without cutting a label (about 30 characters)."""
    return len(buttons) == 1 or (len(buttons) == 2 and sum(len(b.label) for b in buttons) <= 24)


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


def _button_actions(
    buttons: list[Button], *, make_id: Any, origin: str | None, keep: bool = False
) -> list[dict[str, Any]]:
    """One primary button per set: the first one marked primary by the core."""
    primary_seen = False
    actions = []
    for button in buttons:
        primary = button.primary and not primary_seen
        primary_seen = primary_seen or primary
        keeps = keep and not button.answers  # a click that answers the card itself takes its place
        actions.append(_button_action(button, submit_id=make_id(), primary=primary, origin=origin, keep=keeps))
    return actions


def _submit_data(
    *,
    command: str,
    kind: str,
    submit_id: str,
    origin: str | None = None,
    fields: tuple[str, ...] = (),
    keep: bool = False,
) -> dict[str, Any]:
    data: dict[str, Any] = {"command": command, "kind": kind, "submit_id": submit_id}
    if origin:
        data["origin"] = origin
    if keep:
        data["keep"] = True
    if fields:
        data["fields"] = list(fields)
    return {DATA_KEY: data}


def _button_action(
    button: Button, *, submit_id: str, primary: bool = True, origin: str | None = None, keep: bool = False
) -> dict[str, Any]:
    submit = {
        "type": "Action.Submit",
        "title": button.label,
        "data": _submit_data(command=button.command, kind="button", submit_id=submit_id, origin=origin, keep=keep),
        **({"style": "positive"} if primary else {}),
    }
    if not button.confirm:
        return submit
    # Adaptive Cards have no confirm dialog; a ShowCard with the question and the real submit is the idiom.
    # Its button is the written form's confirm word («Bekreft», nynorsk «Stadfest»): render_card sets the form.
    # Imported here, not at the top: bot.model.order brings babel's dates, which `serve` loads after it listens.
    from bot.model.order import confirm_word

    confirm = dict(submit, title=confirm_word().capitalize(), style="positive")
    return {
        "type": "Action.ShowCard",
        "title": button.label,
        **({"style": "positive"} if primary else {}),
        "card": {
            "type": "AdaptiveCard",
            "body": [{"type": "TextBlock", "text": escape(button.confirm), "wrap": True}],
            "actions": [confirm],
        },
    }


def _form_inputs(form: Form) -> list[dict[str, Any]]:
    inputs: list[dict[str, Any]] = [
        {"type": "TextBlock", "text": escape(form.title), "weight": "Bolder", "wrap": True, "spacing": "Medium"}
    ]
    for field in form.fields:
        item: dict[str, Any] = {
            "type": "Input.Text",
            "id": FIELD_PREFIX + field.name,
            "label": field.label,
            "isMultiline": field.multiline,
            "isRequired": not field.optional,
            "maxLength": MAX_MULTILINE if field.multiline else MAX_LINE,
        }
        if field.hint:
            item["placeholder"] = field.hint
        if not field.optional:
            item["errorMessage"] = _("{label} må fylles ut.").format(label=field.label)
        inputs.append(item)
    return inputs


def _form_action(form: Form, *, submit_id: str) -> dict[str, Any]:
    return {
        "type": "Action.Submit",
        "title": form.submit_label,
        "style": "positive",
        "data": _submit_data(
            command=form.submit_command,
            kind="form",
            submit_id=submit_id,
            fields=tuple(field.name for field in form.fields),
        ),
    }


def submit_origin(value: Any) -> str | None:
    """The read command whose card was clicked (to refresh it in place), if the card carried one."""
    data = value.get(DATA_KEY) if isinstance(value, Mapping) else None
    origin = data.get("origin") if isinstance(data, Mapping) else None
    return origin if isinstance(origin, str) and origin.strip() else None


def submit_keeps(value: Any) -> bool:
    """Whether the clicked card told the channel of a recorded change, so it stays as it is (`_card`)."""
    data = value.get(DATA_KEY) if isinstance(value, Mapping) else None
    return isinstance(data, Mapping) and data.get("keep") is True


def parse_submit(value: Any) -> tuple[str, dict[str, str], str | None] | None:
    """(command, fields, submit_id) from a card submit's ``value``, or None if it is not one of ours.

    Teams leaves an input that was never touched out of the value, so an empty form would arrive with no
    fields at all and read as the bare command (which only opens the form again, saying nothing). The form's
    own field names ride in its submit data, and an absent one is read as empty: the core then says what
    is missing."""
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
    names = data.get("fields")
    for name in names if isinstance(names, list) else ():
        if isinstance(name, str):
            fields.setdefault(name, "")
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
