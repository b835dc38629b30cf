"""The question before new minutes replace recorded ones, worded for how they came (walk 10, X9/X10).

Typed on a line, «the same with `bekreft`» is the way on. From the form (or a bare `referat vår` that
would open it) there is no line to type again: the reply offers the form opened with `bekreft` (a button,
and the command that does the same), whose submit replaces the minutes. Either way it names the command
that reads the replaced minutes afterwards (`referat vis … tidligere`), where the history keeps them.
"""

from __future__ import annotations

import logging

from bot.actions.minutes import ReplaceAsked
from bot.actions.rules import replace_question
from bot.i18n import _
from bot.messages import Button
from bot.model.order import confirm_word
from bot.state.store import DomainError
from handlers.minutes_read import read_command

logger = logging.getLogger(__name__)


def form_command(asked: ReplaceAsked) -> str:
    """The command that opens the minutes' form with `bekreft`, so its submit replaces them."""
    item = asked.item
    return " ".join(part for part in ("referat", item.key, item.region, str(item.year), confirm_word()) if part)


def replace_refusal(asked: ReplaceAsked, *, from_form: bool) -> DomainError:
    """The question as the person can answer it: from a form, a button that opens the form with `bekreft`."""
    kept = _("det forrige beholdes i «logg» og kan leses med «{command}»").format(
        command=read_command(asked.item, earlier=True)
    )
    if not from_form:
        question = str(replace_question(what=asked.what, kept=kept))
        return DomainError(question + (" " + asked.dropped if asked.dropped else ""), again=_("Erstatt referatet"))
    command = form_command(asked)
    again = _("Åpne skjemaet med «{command}» (knappen under) og send det inn for å erstatte det").format(
        command=command
    )
    question = str(replace_question(what=asked.what, again=again, kept=kept))
    return DomainError(
        question + (" " + asked.dropped if asked.dropped else ""),
        buttons=(Button(label=_("Erstatt referatet"), command=command),),
    )
