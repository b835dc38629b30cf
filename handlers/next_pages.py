"""`neste side N`: the party's own items a page at a time, and the words that say a list was cut (walk 14b
F10: «15 ting du kan gjøre nå» over eight lines, with nothing saying the other seven were left out)."""

from __future__ import annotations

import logging
from typing import TypeVar

from bot.i18n import _
from bot.messages import Button

logger = logging.getLogger(__name__)

MINE = 8
"""The party's own items per page (`neste side 2` for the next)."""

T = TypeVar("T")


def page_of(items: list[T], *, page: int) -> tuple[list[T], int, int]:
    """The items of `page` (past the last page: the last, never an empty list), that page and the count of
    pages."""
    pages = max(1, -(-len(items) // MINE))
    page = min(page, pages)
    return items[(page - 1) * MINE : page * MINE], page, pages


def more_text(*, words: list[str], page: int, pages: int, total: int) -> tuple[str, Button | None]:
    """«Viser 1–8 av 15 – skriv «neste side 2» for resten.» and its «Side 2» button; the next page's command is
    the asker's own words (`neste rff side 2`). On the last page, «Viser 9–15 av 15.» and no button."""
    first = (page - 1) * MINE + 1
    shown = _("Viser {shown} av {total}").format(shown=f"{first}–{min(page * MINE, total)}", total=total)
    if page == pages:
        return shown + ".", None
    command = " ".join([_("neste"), *words, "side", str(page + 1)])
    button = Button(label=_("Side {page}").format(page=page + 1), command=command)
    return shown + " – " + _("skriv «{command}» for resten.").format(command=command), button
