"""Who may run a command, as its declaration says (`Command.who`), checked before its handler runs.

The handler still decides the finer rules that depend on the words (which party, which role); this step
refuses only what no words could make right: an unregistered person writing, a non-admin binding."""

from __future__ import annotations

from bot.actions.base import Acting
from bot.actions.rules import require_admin, require_known
from bot.messages import Outcome
from bot.pipeline.job import Job, Next
from bot.router import Who


def step(job: Job, call_next: Next) -> Outcome:
    command = job.parsed.command
    who = command.who if command is not None else Who.ANYONE
    if who != Who.ANYONE:  # the actions' own rules, so each refusal is worded in one place
        acting = Acting.of(ctx=job.context, request=job.parsed.request)
        if who == Who.ADMIN:
            require_admin(acting)
        else:
            require_known(acting, reads=None if command is None or command.writes else command.name)
    return call_next(job)
