"""Every Teams reply fits the connector's size limit, or is cut with a pointer to the whole text.

The Bot Framework connector refuses an activity over about 28 KB with 413, and the person hears nothing.
It counts the serialised activity as UTF-16 (two bytes per character: Norwegian minutes of 14,000
characters are already 28 KB), so `activity_bytes` measures exactly that. `fit_card` first shortens very
long text blocks and facts, then keeps as many body elements as fit (a binary search, so a huge reply
costs a few serialisations, not one per element) and adds a line saying where to read the rest; the
block that mentions people (`msteams.entities`) is always kept, so a cut card still notifies them.
"""

from __future__ import annotations

import copy
import json
import logging
from collections.abc import Callable
from typing import Any

from bot.i18n import _, using

from .markdown import escape

logger = logging.getLogger(__name__)

MAX_ACTIVITY_BYTES = 28 * 1024
BUDGET_BYTES = MAX_ACTIVITY_BYTES - 2 * 1024
"""Room for what the SDK and the connector add around our payload (ids, conversation, from, recipient)."""

LONG_TEXT = 1500
LONG_FACT = 400


def activity_bytes(payload: Any) -> int:
    """The size the connector counts: the JSON as UTF-16."""
    return len(json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-16-le"))


def cut_notice(pointer: str | None, *, more: str | None = None, lang: str = "nb") -> str:
    """The line under a cut reply, in its written form: where to read it all (`pointer`, the command asked)
    and, when the cut fell in a text that has its own command (`more`: the minutes' `referat vis …`), where
    to read that whole, since asking again would cut it again."""
    with using("nn" if lang == "nn" else "nb"):
        notice = _("Svaret er forkortet for Teams. Se hele: «{command}»").format(command=pointer) if pointer else None
        notice = notice or _("Svaret er forkortet for Teams.")
        if more:
            notice += " " + _("Hele teksten: «{command}»").format(command=more)
        return notice


def fit_card(
    card: dict[str, Any],
    *,
    measure: Callable[[dict[str, Any]], int],
    pointer: str | None,
    budget: int = BUDGET_BYTES,
    more: str | None = None,
    lang: str = "nb",
) -> dict[str, Any]:
    """``card`` itself when ``measure(card)`` is within ``budget``, else a shortened copy that is."""
    if measure(card) <= budget:
        return card
    fitted = copy.deepcopy(card)
    said = cut_notice(pointer, more=more, lang=lang)
    notice = {"type": "TextBlock", "text": escape(said), "wrap": True, "color": "Attention"}
    for element in fitted["body"]:
        _shorten(element)
    fitted["fallbackText"] = fitted.get("fallbackText", "")[:500]
    calls = _mention_blocks(fitted)
    body = [element for element in fitted["body"] if not any(element is call for call in calls)]
    # the reply's closing line (its context: «Skriv «neste» for alt som venter her») says where the rest is
    tail = [body.pop()] if len(body) > 1 and body[-1].get("isSubtle") else []
    low, high = 1, len(body)  # keep at least the title
    while low < high:
        middle = (low + high + 1) // 2
        fitted["body"] = [*body[:middle], *tail, notice, *calls]
        if measure(fitted) <= budget:
            low = middle
        else:
            high = middle - 1
    kept = body[:low]
    if low < len(body):  # the first element that does not fit whole: as many of its lines as fit (walk 35 F2)
        whole = len(_lines(body[low]))
        rest = _rest_line(whole, lang=lang)  # the longest it can be, while measuring
        part = _part_of(
            body[low],
            lambda element: measure({**fitted, "body": [*kept, element, rest, *tail, notice, *calls]}) <= budget,
        )
        if part is not None:
            kept += [part, _rest_line(whole - len(_lines(part)), lang=lang)]
    fitted["body"] = [*kept, *tail, notice, *calls]
    if measure(fitted) > budget:
        fitted["body"] = [*kept, notice, *calls]
    if measure(fitted) > budget:
        fitted.pop("actions", None)  # a form that alone is too big: the notice still reaches the person
        fitted["body"] = [body[0], notice, *calls]
    logger.info("Teams: cut a card from %d to %d body elements to fit", len(body), low)
    return fitted


def _part_of(element: dict[str, Any], fits: Callable[[dict[str, Any]], bool]) -> dict[str, Any] | None:
    """The first lines of a list element (a FactSet's facts, a Container's items) that fit, at least one; None
    when the element is no list or not even its first line fits. A digest's «Denne uken (50)» is one FactSet:
    cut whole, the reminder named none of its 50 items."""
    key = _list_key(element)
    if key is None:
        return None
    lines = element[key]
    low, high = 0, len(lines) - 1
    while low < high:
        middle = (low + high + 1) // 2
        if fits({**element, key: lines[:middle]}):
            low = middle
        else:
            high = middle - 1
    return {**element, key: lines[:low]} if low else None


def _list_key(element: dict[str, Any]) -> str | None:
    return "facts" if element.get("facts") else "items" if element.get("items") else None


def _lines(element: dict[str, Any]) -> list[Any]:
    key = _list_key(element)
    return list(element[key]) if key else []


def _rest_line(left: int, *, lang: str) -> dict[str, Any]:
    """«… og 12 til.» under a list cut to fit, in the reply's written form."""
    with using("nn" if lang == "nn" else "nb"):
        text = _("… og {n} til.").format(n=left)
    return {"type": "TextBlock", "text": escape(text), "wrap": True, "isSubtle": True, "spacing": "Small"}


def _mention_blocks(card: dict[str, Any]) -> list[Any]:
    """The body's text blocks that carry the card's mentions («Til: <at>Aud Vik</at>»): a cut card keeps
    them, so every `msteams.entities` mention still has its `<at>` text in the card and the people it calls
    on are notified (an entity whose text is gone is no mention, and Teams may refuse the card)."""
    tags = [
        entity.get("text") for entity in card.get("msteams", {}).get("entities", []) if entity.get("type") == "mention"
    ]
    return [
        element
        for element in card["body"]
        if element.get("type") == "TextBlock" and any(tag and tag in str(element.get("text", "")) for tag in tags)
    ]


def _shorten(element: Any) -> None:
    if not isinstance(element, dict):
        return
    text = element.get("text")
    if element.get("type") == "TextBlock" and isinstance(text, str) and len(text) > LONG_TEXT:
        element["text"] = text[:LONG_TEXT].rstrip("\\") + " …"
    for fact in element.get("facts") or []:
        if isinstance(fact.get("value"), str) and len(fact["value"]) > LONG_FACT:
            fact["value"] = fact["value"][:LONG_FACT].rstrip("\\") + " …"
    for key in ("items", "columns"):
        for child in element.get(key) or []:
            _shorten(child)
