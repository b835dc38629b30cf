"""The written form (bokmål or nynorsk) of a request's reply, set around every step after this one."""

from __future__ import annotations

import logging
from dataclasses import replace

from bot.i18n import DEFAULT_LANG, Lang, using
from bot.messages import Outcome, Visibility
from bot.model.config import AppConfig
from bot.model.identity import Directory
from bot.pipeline.job import Job, Next
from bot.state.store import StateStore
from bot.written_form import channel_form, configured_form, party_form, person_form

logger = logging.getLogger(__name__)


def step(job: Job, call_next: Next) -> Outcome:
    lang = written_form(job)
    with using(lang):
        outcome = call_next(job)
    own = _own_form(job)
    if own is None or own == lang or not _theirs_alone(job, outcome):
        return outcome
    # A recording command is worded for the channel, which reads what it records; a refusal (or any reply
    # only they see) is the person's alone, so it is said again in their form. It changed nothing, so
    # running it again is safe.
    again = replace(job, failed=False, refused=False)
    with using(own):
        return call_next(again)


def written_form(job: Job) -> Lang:
    """The person's own choice for what only they read (commands that record nothing), else the channel's
    (bot.written_form). Commands whose texts are not yet in the catalogue answer in bokmål, so a reply
    never mixes the forms. Told once per request (the kept step may ask first, for its key)."""
    if job.lang is None:
        job.lang = _written_form(job)
    return job.lang


def _written_form(job: Job) -> Lang:
    try:
        command = job.parsed.command
        if command is not None and not command.translated:
            return DEFAULT_LANG
        request = job.parsed.request
        if command is None or not command.writes or request.personal:
            own = person_form(state=job.state, person=job.caller.key, locale=request.locale)
            if own:
                return own
        if request.personal and job.channel.kind == "unbound":
            # A personal chat is the person's alone: their party's form, not the bokmål of a channel nobody reads.
            return party_form(config=job.config, state=job.state, party=job.caller.party)
        return channel_form(
            config=job.config,
            state=job.state,
            platform=request.platform,
            channel_id=request.channel_id,
            context=job.channel,
        )
    except Exception:  # the language never stops an answer: app.yaml's form, and the real error shows in the reply
        logger.exception("could not tell the written form of a %s request", job.parsed.request.platform)
        request = job.parsed.request
        return configured_form(config=job.config, platform=request.platform, channel_id=request.channel_id)


def refusal_form(job: Job) -> Lang:
    """The written form of a refusal or failure, which only the person reads: their own choice, everywhere."""
    own = _own_form(job)
    return own if own is not None else written_form(job)


def _own_form(job: Job) -> Lang | None:
    try:
        command = job.parsed.command
        if command is not None and not command.translated:
            return None
        return person_form(state=job.state, person=job.caller.key, locale=job.parsed.request.locale)
    except Exception:  # as in written_form: never stops an answer
        logger.exception("could not tell a person's written form on %s", job.parsed.request.platform)
        return None


def _theirs_alone(job: Job, outcome: Outcome) -> bool:
    """A reply only the person sees (a refusal, «already so, nothing changed», a question) to a command
    that changed nothing and announces nothing; never a fault's (it would meet the fault again)."""
    if outcome.repeated or job.reads_only or (job.failed and not job.refused):
        return False
    if outcome.reply.visibility is not Visibility.PRIVATE or outcome.announcements:
        return False
    return not job.state.wrote()


def channel_lang(*, config: AppConfig, state: StateStore, platform: str, channel_id: str) -> Lang:
    """The written form a channel reads, for what the bot says there unasked (the Teams welcome)."""
    try:
        view = state.for_request()
        channel = Directory(config=config, state=view).channel(platform=platform, channel_id=channel_id)
        return channel_form(config=config, state=view, platform=platform, channel_id=channel_id, context=channel)
    except Exception:  # a greeting never fails over its language
        logger.exception("could not tell the written form of a %s channel", platform)
        return DEFAULT_LANG
