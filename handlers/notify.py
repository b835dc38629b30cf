"""`varsel av` / `varsel på`: a person turns reminder mentions of themselves off or on again.

Reminders still reach the channel; only the mention (Slack `<@…>`, a Teams mention) is left out.
"""

from __future__ import annotations

from bot.actions.base import Acting
from bot.actions.preferences import set_mentions
from bot.context import Context
from bot.i18n import _
from bot.messages import Outcome, Request
from bot.parsing import fold
from bot.reminders.notify import muted_people
from bot.shown.replies import make_reply
from bot.state.store import DomainError

EXAMPLE = "varsel av"


def handle(request: Request, ctx: Context) -> Outcome:
    words = ctx.args.split()
    choice = fold(words[0]) if len(words) == 1 else ""
    if len(words) > 1 and fold(words[0]) in ("av", "pa", "paa"):  # «varsel av til 9. august», «… i ferien»
        raise DomainError(
            _(
                "Varsler slås av og på, ikke til en dato: skriv «varsel av» nå og «varsel på» når du er tilbake. "
                "Ingenting er endret."
            )
        )
    if choice not in ("av", "pa", "paa"):
        muted = ctx.caller.key is not None and ctx.caller.key in muted_people(state=ctx.state)
        now = "av" if muted else "på"
        raise DomainError(
            _(
                "Skriv «varsel av» for å slippe å bli nevnt i påminnelser, eller «varsel på» for å bli nevnt igjen "
                "(nå: {now})."
            ).format(now=now)
        )
    result = set_mentions(Acting.of(ctx=ctx, request=request), on=choice != "av")
    if not result.changed:
        lead = (
            _("Varsler er allerede på for deg. Ingenting er endret.")
            if result.on
            else _("Varsler er allerede av for deg. Ingenting er endret.")
        )
        return Outcome(reply=make_reply(title=_("Allerede registrert"), lead=lead))
    lead = (
        _("Påminnelser nevner deg igjen når du må gjøre noe.")
        if result.on
        else _("Påminnelser nevner deg ikke lenger; de kommer fortsatt i kanalen. Skriv «varsel på» for å angre.")
    )
    return Outcome(reply=make_reply(title=_("Varsler på") if result.on else _("Varsler av"), lead=lead))
