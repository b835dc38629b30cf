"""Who may run a command, as its declaration says (`Command.who`), checked before its handler runs.

The handler still decides the finer rules that depend on the words (which party, which role); this step
refuses only what no words could make right: an unregistered person writing, a non-admin binding."""

from __future__ import annotations

from bot.i18n import _
from bot.messages import Outcome
from bot.pipeline.job import Job, Next
from bot.router import Who
from bot.state import DomainError


def step(job: Job, call_next: Next) -> Outcome:
    command = job.parsed.command
    who = command.who if command is not None else Who.ANYONE
    if who == Who.ADMIN and job.caller.role != "admin":
        raise DomainError(_("Bare en administrator kan koble kanaler og personer."))
    if who == Who.MEMBER and not job.caller.known:
        raise DomainError(
            _(
                "Du er ikke registrert hos meg ennå, så du kan lese, men ikke registrere. "
                "Be en administrator skrive «person <deg> <part> <rolle>»."
            )
        )
    return call_next(job)
