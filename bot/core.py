"""The core facade: one request in, one outcome out, through the pipeline (`bot.pipeline`).

`Core` implements the port (`bot.port.CorePort`), all an adapter may ask. It is handed its commands (a
`Router` from the composition root, `adapters/compose.py`): nothing under bot/ imports the handlers.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Mapping
from datetime import date, datetime
from functools import cached_property
from typing import TYPE_CHECKING, Any

from bot.clock import Clock
from bot.i18n import Lang
from bot.memo import IdentityMemo
from bot.messages import ChannelAddress, Outcome, Picture, Request
from bot.model.config import AppConfig
from bot.model.identity import Directory
from bot.model.met import MetPeople
from bot.parsing import Vocabulary
from bot.pipeline import language, repeats
from bot.pipeline.job import Job, Step, chain
from bot.pipeline.parse import Parsed, parse
from bot.port import Seat, UnknownRegion
from bot.reply_cache import ReplyCache
from bot.router import Router
from bot.shown.hints import know_commands
from bot.state.store import StateStore
from storage.base import Store, StoreError

if TYPE_CHECKING:
    from bot.agreement.receipt import Receipt
    from bot.reminders.digest import Digest
    from bot.reminders.passes import PassReport, Sender
    from bot.reminders.planner import Planner
    from bot.reminders.simulation import SimulatedPost
    from bot.shown.web_views import CalendarView, StatusView
    from bot.shown.wheel_geometry import WheelPicture
    from bot.state.integrity import HistoryCheck

logger = logging.getLogger(__name__)


class Core:
    def __init__(
        self, *, config: AppConfig, store: Store, clock: Clock, router: Router, public_url: str | None = None
    ) -> None:
        self.config = config
        self.store = store
        self.clock = clock
        self.public_url = public_url
        """PUBLIC_URL: the base of the links the core gives out (status page, calendar feeds)."""
        self.state = StateStore(store=store)
        self.directory = Directory(config=config, state=self.state)
        self.vocab = Vocabulary.build(config)
        self.router = router
        know_commands(word for command in router.commands for word in (command.name, *command.aliases))
        self.replies = ReplyCache(store=store)
        self.deliveries = repeats.Deliveries()
        self.met = MetPeople(store=store)
        """Who came from which organisation, so mentions of people known through it name them (walk 28 F9)."""
        self._parsed: IdentityMemo[Parsed] = IdentityMemo(maxsize=64)
        """The last requests parsed: an adapter asks `writes(request)` (on the event loop) and then `handle`
        (perhaps in a worker thread) with the same request, which is parsed once (a miss parses again)."""

    # The pipeline and the planner are built at their first use (a request, a pass, the server's warm-up):
    # their imports (replies, actions' rules, the outbox, the facts: ~15 ms) are not what /healthz needs.

    @cached_property
    def steps(self) -> tuple[Step, ...]:
        """The pipeline, in the order every request takes it (bot/pipeline/__init__.py)."""
        from bot.pipeline import again, errors, kept, permission, size, unbound

        return (
            self.deliveries.step,
            again.step,
            kept.KeptReplies(cache=self.replies, clock=self.clock).step,
            language.step,
            errors.step,
            size.step,
            unbound.step,
            permission.step,
        )

    @cached_property
    def _run(self) -> Callable[[Job], Outcome]:
        from bot.pipeline.dispatch import dispatch

        return chain(self.steps, end=dispatch)

    @cached_property
    def planner(self) -> Planner:
        from bot.reminders.planner import Planner

        return Planner(config=self.config, state=self.state, directory=self.directory)

    def warm_up(self) -> None:
        _ = self._run, self.planner  # each is built once, by whichever asks first

    def _parse(self, request: Request) -> Parsed:
        found = self._parsed.get(request)
        return found if found is not None else self._parsed.put(request, parse(request, router=self.router))

    def _job(self, request: Request, *, reads_only: bool = False, meets: bool = True) -> Job:
        return Job(
            parsed=self._parse(request),
            config=self.config,
            states=self.state,
            clock=self.clock,
            vocab=self.vocab,
            router=self.router,
            public_url=self.public_url,
            reads_only=reads_only,
            met=self.met if meets else None,
        )

    def handle(self, request: Request, *, reads_only: bool = False) -> Outcome:
        """Run one command. Never raises: every failure becomes a short Norwegian reply, in the reader's
        written form. Its reads look at each partition once (`Store.one_look`, opened per run by
        `bot.pipeline.again`: on PostgreSQL, one round trip for the partitions a request like it read,
        `storage.pg_looks`)."""
        return self._run(self._job(request, reads_only=reads_only))

    def writes(self, request: Request) -> bool:
        command = self._parse(request).command
        return command is not None and command.writes

    def organisations_bound(self) -> bool:
        try:
            return bool(self.directory.organisations())
        except StoreError:  # the store away: ask as if bound; the request itself then gets «prøv igjen» from `handle`
            return True

    def lang_for(self, request: Request) -> Lang:
        # asked for a failure, which only the person reads; not a meeting (`bot.model.met` keeps those the
        # core answered, so an edit or a card the adapter refuses writes nothing)
        return language.refusal_form(self._job(request, meets=False))

    def channel_lang(self, *, platform: str, channel_id: str) -> Lang:
        return language.channel_lang(config=self.config, state=self.state, platform=platform, channel_id=channel_id)

    async def deliver(
        self, outcome: Outcome, *, senders: Mapping[str, Sender], already_shown: ChannelAddress | None = None
    ) -> None:
        from bot.reminders.passes import deliver_announcements

        await deliver_announcements(outcome, senders=senders, already_shown=already_shown, core=self)

    def picture(self, picture: Picture) -> WheelPicture | None:
        from bot.shown.wheel_picture import build_picture

        return build_picture(config=self.config, state=self.state, params=picture.params, today=self.clock.now().date())

    def seat(self, *, platform: str, user_id: str, channel_id: str) -> Seat:
        caller = self.directory.caller(platform=platform, user_id=user_id)
        channel = self.directory.channel(platform=platform, channel_id=channel_id)
        if channel.kind == "national":
            place = "nasjonalt"
        else:
            place = self.config.party_name(channel.region or channel.actor or "")
        return Seat(person=caller.name, person_key=caller.key, place=place)

    def digests_due(self, *, at: datetime) -> list[Digest]:
        from bot.reminders.passes import plan_digests

        return plan_digests(core=self, at=at, preview=True)  # the terminal's preview: nothing is posted

    async def remind(self, *, senders: Mapping[str, Sender]) -> PassReport:
        from bot.reminders.passes import run_pass

        return await run_pass(core=self, senders=senders)

    @property
    def reminder_cron(self) -> str:
        return self.config.schedule.cron

    def store_faults(self) -> Mapping[str, Any]:
        return self.store.faults()

    def reminder_fault(self) -> str | None:
        from bot.reminders.pass_guard import ledger_fault  # not the pass: /healthz asks before any pass ran

        return ledger_fault(self)

    def undelivered(self) -> list[str]:
        from bot.delivery.notes import undelivered  # not the posting: what /healthz reads alone

        return undelivered(self)

    def unreachable(self) -> list[str]:
        from bot.delivery.targets import lines

        return lines(self.store)

    def reachable(self, *, platform: str, channel_id: str) -> None:
        from bot.delivery.targets import reachable

        reachable(self.state, to=ChannelAddress(platform=platform, channel_id=channel_id), at=self.clock.now())

    def check_history(self) -> HistoryCheck | None:
        from bot.state.integrity import check_history

        return check_history(self.state)

    def admin_addresses(self) -> list[ChannelAddress]:
        from bot.state.integrity import admin_channels

        return admin_channels(self.directory)

    def adapter_store(self) -> Store:
        return self.store

    def calendar(self, *, feed: str, token: str | None, environ: Mapping[str, str]) -> CalendarView | None:
        from bot.shown.web_views import calendar_view

        return calendar_view(
            config=self.config, state=self.state, now=self.clock.now(), feed=feed, token=token, environ=environ
        )

    def status_page(
        self, *, region: str | None, token: str | None, year: str | None, environ: Mapping[str, str]
    ) -> StatusView | None:
        from bot.shown.web_views import status_view

        today = self.clock.now().date()
        return status_view(
            config=self.config, state=self.state, today=today, region=region, token=token, year=year, environ=environ
        )

    def prepare_links(self) -> None:
        from bot.shown.web_links import ensure_secret

        ensure_secret(self.state, at=self.clock.now())

    def receipt(self, *, region: str, year: int) -> Receipt:
        from bot.agreement.receipt import build_receipt

        return build_receipt(config=self.config, state=self.state, region=self._region_key(region), year=year)

    def simulate(self, *, start: date, end: date, region: str | None) -> Iterator[SimulatedPost]:
        from bot.reminders.simulation import simulate

        key = self._region_key(region) if region is not None else None
        return simulate(self, start=start, end=end, region=key)

    def chat_seat(self, *, platform: str, person: str | None, channel: str | None) -> tuple[str, str] | None:
        from bot.model.identity import terminal_seat

        return terminal_seat(config=self.config, platform=platform, person=person, channel=channel)

    def _region_key(self, name: str) -> str:
        key = self.vocab.region(name)
        if key is None:
            raise UnknownRegion(name, known=tuple(r.short for r in self.config.parties.regions))
        return key
