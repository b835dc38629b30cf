"""One request on its way through the pipeline: what each step needs, each worked out once."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from bot.clock import Clock
from bot.context import Context
from bot.i18n import Lang
from bot.memo import lazy
from bot.messages import Outcome
from bot.model.config import AppConfig
from bot.model.identity import Caller, ChannelContext, Directory
from bot.model.met import MetPeople
from bot.parsing import Vocabulary
from bot.pipeline.parse import Parsed
from bot.pipeline.personal import Watch, watched
from bot.router import Router
from bot.state.store import StateStore


@dataclass
class Job:
    parsed: Parsed
    config: AppConfig
    states: StateStore
    """The core's state; `state` is this request's view of it."""
    clock: Clock
    vocab: Vocabulary
    router: Router
    public_url: str | None = None
    lang: Lang | None = None
    """The reply's written form, once told (`bot.pipeline.language.written_form`)."""
    watch: Watch | None = None
    """Set when the reply may be kept for everyone of the asker's part (`bot.pipeline.kept`): the context's
    caller then notes each read of what names the person while the handler runs."""
    met: MetPeople | None = None
    """The organisations of people the core has met (`bot.model.met`), for mentions of them."""
    reads_only: bool = False
    """Run the command only when it only reads (a card refreshed by running its command again)."""
    again: bool = True
    """Whether a write another writer overtook runs the request again (`bot.pipeline.again`); False on the
    last run, whose overtaken write is answered as a passing store fault."""
    failed: bool = field(default=False)
    """Set by the errors step: the answer is a mapped failure, never one to keep."""
    refused: bool = field(default=False)
    """Set by the errors step: the failure is a refusal in the rules' own words (a DomainError, or a request
    applied before), not a fault; it is the person's alone."""

    @lazy
    def state(self) -> StateStore:
        # One view for the whole request (each partition read once); a write is held open until the handler's
        # announcements are added to it (`bot.pipeline.dispatch`).
        return self.states.for_request(hold_writes=True)

    @lazy
    def directory(self) -> Directory:
        return Directory(config=self.config, state=self.state, met=self.met)  # through the request's view too

    @lazy
    def caller(self) -> Caller:
        request = self.parsed.request
        if self.met is not None:
            bound = self.directory.organisation_of(organisation=request.organisation, email_domain=request.email_domain)
            self.met.note(request, bound=bound is not None)
        caller = self.directory.caller(
            platform=request.platform,
            user_id=request.user_id,
            user_name=request.user_name,
            organisation=request.organisation,
            email_domain=request.email_domain,
            remembered=False,
        )
        return caller

    @lazy
    def channel(self) -> ChannelContext:
        request = self.parsed.request
        return self.directory.channel(platform=request.platform, channel_id=request.channel_id)

    @lazy
    def now(self) -> datetime:
        return self.clock.now()

    @lazy
    def context(self) -> Context:
        return Context(
            config=self.config,
            state=self.state,
            directory=self.directory,
            vocab=self.vocab,
            now=self.now,
            # The handler's caller, watched when the reply may be kept for everyone of the asker's part.
            caller=self.caller if self.watch is None else watched(self.caller, watch=self.watch),
            channel=self.channel,
            args=self.parsed.rest,
            public_url=self.public_url,
            router=self.router,
            clock=self.clock.now,
        )


Next = Callable[[Job], Outcome]
Step = Callable[[Job, Next], Outcome]


def chain(steps: Sequence[Step], *, end: Next) -> Next:
    """The steps joined in order, the last one's "next" being `end`: built once, run per request."""
    current = end
    for step in reversed(steps):
        current = _link(step, current)
    return current


def _link(step: Step, rest: Next) -> Next:
    return lambda job: step(job, rest)
