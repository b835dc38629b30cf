"""`neste side N`: the party's own items a page at a time, and the words that say a list was cut (walk 14b
F10: «15 ting du kan gjøre nå» over eight lines, with nothing saying the other seven were left out)."""

from __future__ import annotations

import logging
from typing import TypeVar

from bot.context import Context
from bot.i18n import _
from bot.messages import Button, Reply
from bot.model.followups import Followup, callers_closable
from bot.model.followups_shown import with_followups
from bot.parsing import fold
from bot.pointers import WEEK_WORDS
from bot.shown.replies import make_reply

logger = logging.getLogger(__name__)

MINE = 8
"""The party's own items per page (`neste side 2` for the next)."""

T = TypeVar("T")


def pages_of(*, mine: list[T], rest: list[T], page: int) -> tuple[list[T], list[T], int, int, int]:
    """The party's own items of `page`, the other open items of it (those page 1's «Ellers» leaves out, on the
    pages after the party's own: walk 16 F4, «Viser 5 av 10 andre åpne» had no way to the other five), the
    page shown (past the last: the last), the pages of own items and the count of pages."""
    own_pages = max(1, -(-len(mine) // MINE))
    pages = own_pages + -(-len(rest) // MINE)
    page = min(page, pages)
    if page <= own_pages:
        return mine[(page - 1) * MINE : page * MINE], [], page, own_pages, pages
    at = (page - own_pages - 1) * MINE
    return [], rest[at : at + MINE], page, own_pages, pages


def page_command(*, words: list[str], page: int) -> str:
    """The command that shows `page`, in the asker's own words (`neste rff side 2`), the week in the reader's
    form («neste veke side 2» for «neste uke» typed in Vestland's channel, walk 36 F11)."""
    words = [_("uke") if fold(word) in WEEK_WORDS else word for word in words]
    return " ".join([_("neste"), *words, "side", str(page)])


def rest_text(*, words: list[str], shown: int, total: int, first_rest_page: int) -> tuple[str, Button]:
    """Page 1's «Viser 5 av 10 andre åpne – skriv «neste side 2» for resten.» and its button."""
    command = page_command(words=words, page=first_rest_page)
    text = _("Viser {shown} av {total} andre åpne").format(shown=shown, total=total)
    button = Button(label=_("Side {page}").format(page=first_rest_page), command=command)
    return text + " – " + _("skriv «{command}» for resten.").format(command=command), button


def onward_text(*, words: list[str], first_rest_page: int) -> tuple[str, Button]:
    """The last page of the party's own items, when others follow: where they are (walk 32 F10: «neste side 2»
    showed the ninth own item and stopped, no word or button for page 3's other open items, overdue ones too)."""
    command = page_command(words=words, page=first_rest_page)
    text = _("Andre åpne står fra side {page}: skriv «{command}».").format(page=first_rest_page, command=command)
    return text, Button(label=_("Side {page}").format(page=first_rest_page), command=command)


def rest_page_text(
    *, words: list[str], page: int, own_pages: int, pages: int, before: int, total: int
) -> tuple[str, Button | None]:
    """A page of the other open items: «Andre åpne: viser 6–10 av 10.» (`before` of them were on page 1), with
    the next page's command if any."""
    first = before + (page - own_pages - 1) * MINE + 1
    shown = _("Andre åpne: viser {shown} av {total}").format(
        shown=f"{first}–{min(first + MINE - 1, total)}", total=total
    )
    if page == pages:
        return shown + ".", None
    command = page_command(words=words, page=page + 1)
    button = Button(label=_("Side {page}").format(page=page + 1), command=command)
    return shown + " – " + _("skriv «{command}» for resten.").format(command=command), button


def past_end_text(*, asked: int, pages: int) -> str:
    """A page past the end says so, before the last page it shows instead (walk 16 F4)."""
    if pages == 1:
        return _("Side {asked} finnes ikke: alt står på én side.").format(asked=asked)
    return _("Side {asked} finnes ikke: lista har {pages} sider, dette er den siste.").format(asked=asked, pages=pages)


def more_text(*, words: list[str], page: int, pages: int, total: int) -> tuple[str, Button | None]:
    """«Viser 1–8 av 15 – skriv «neste side 2» for resten.» and its «Side 2» button; the next page's command is
    the asker's own words (`neste rff side 2`). On the last page, «Viser 9–15 av 15.» and no button."""
    first = (page - 1) * MINE + 1
    shown = _("Viser {shown} av {total}").format(shown=f"{first}–{min(page * MINE, total)}", total=total)
    if page == pages:
        return shown + ".", None
    command = page_command(words=words, page=page + 1)
    button = Button(label=_("Side {page}").format(page=page + 1), command=command)
    return shown + " – " + _("skriv «{command}» for resten.").format(command=command), button


def points_page(ctx: Context, points: list[Followup], *, who: str, page: int, words: list[str]) -> Reply:
    """`neste side N` past the items' pages: the asker's follow-up points of that page, where page 1's
    «… og 3 til (skriv «neste side 2»)» leads (walk 26 F4: «Side 2 finnes ikke» and the same five again)."""
    lead = _("Oppfølgingspunktene dine, side {page}.").format(page=page)
    reply = make_reply(
        title=_("Neste for {who}").format(who=who),
        lead=lead,
        context=_("Samhandlingsmodellen · per {day}").format(day=ctx.now.date().strftime("%d.%m.%Y")),
    )
    today = ctx.now.date()
    return with_followups(
        reply,
        points,
        today=today,
        closable=callers_closable(ctx),
        page=page,
        more_command=lambda n: page_command(words=words, page=n),
    )
