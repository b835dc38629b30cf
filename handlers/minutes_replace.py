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
from bot.model.order import OUTSIDE, confirm_word
from bot.state.store import DomainError
from handlers.minutes_read import read_command

logger = logging.getLogger(__name__)


def form_command(asked: ReplaceAsked) -> str:
    """The command that opens the minutes' form with `bekreft`, so its submit replaces them."""
    item = asked.item
    return " ".join(part for part in ("referat", item.key, item.region, str(item.year), confirm_word()) if part)


def replace_refusal(asked: ReplaceAsked, *, from_form: bool, line: str) -> DomainError:
    """The question as the person can answer it: from a form, a button that opens the form with `bekreft`;
    from a line, a button with that line and `bekreft` (or the line itself, when it had `bekreft` and the
    points it drops were not yet named). Out of the model's order, the same question names the order too,
    so one `bekreft` answers all it confirms (walk 14a F11/F12)."""
    kept = _("det forrige beholdes i «logg» og kan leses med «{command}»").format(
        command=read_command(asked.item, earlier=True)
    )
    order = asked.order + " " if asked.order else ""
    dropped = " " + asked.dropped if asked.dropped else ""
    if not from_form:
        label = _("Erstatt referatet")
        if asked.repeat:
            how = _("Send det samme én gang til for å registrere det {outside} og erstatte det").format(
                outside=_(OUTSIDE)
            )
            question = str(replace_question(what=asked.what, again=how, kept=kept))
            return DomainError(order + question + dropped, buttons=(Button(label=label, command=line),))
        how = (
            _(
                "Skriv det samme med «{confirm}» til slutt for å registrere det likevel (merkes {outside}) "
                "og erstatte det"
            ).format(confirm=confirm_word(), outside=_(OUTSIDE))
            if asked.order
            else None
        )
        question = str(replace_question(what=asked.what, again=how, kept=kept))
        return DomainError(order + question + dropped, again=label)
    command = form_command(asked)
    again = _("Åpne skjemaet med «{command}» (knappen under) og send det inn for å erstatte det").format(
        command=command
    )
    question = str(replace_question(what=asked.what, again=again, kept=kept))
    return DomainError(order + question + dropped, buttons=(Button(label=_("Erstatt referatet"), command=command),))
