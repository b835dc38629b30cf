"""The size limit: a command longer than `MAX_COMMAND_LENGTH` is refused before anything reads it."""

from __future__ import annotations

from bot.i18n import _
from bot.messages import Outcome
from bot.pipeline.job import Job, Next
from bot.pipeline.parse import MAX_COMMAND_LENGTH
from bot.shown.replies import refusal


def step(job: Job, call_next: Next) -> Outcome:
    if job.parsed.too_long:
        return Outcome(
            reply=refusal(
                _("Meldingen er for lang (over {limit} tegn). Del den opp, eller legg ved en lenke.").format(
                    limit=MAX_COMMAND_LENGTH
                )
            )
        )
    return call_next(job)
