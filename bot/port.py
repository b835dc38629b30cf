"""The port: everything an adapter (Slack, Teams, the terminal, the server) may ask of the core.

Narrow on purpose (botbuilder's BotAdapter keeps its side to a few methods): an adapter translates a
platform's event into a `Request`, calls `handle`, renders the `Outcome`, and delivers its announcements;
the few other things here are what a server needs around that (the clock, /healthz, the start-up history
check, the reminder pass, the partitions a platform keeps for itself), what the web routes show (a calendar
feed, a status page, a picture) and what the CLI's own commands print (a receipt, a simulation). No adapter reaches into the state,
the directory, the vocabulary, the store or the router: what it needs from them is a method here.

`bot.core.Core` implements it; the adapter tests' stand-ins implement it whole, so production code never
asks whether a method is there.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Protocol

from bot.clock import Clock
from bot.i18n import Lang
from bot.messages import ChannelAddress, Outcome, Picture, Request

if TYPE_CHECKING:
    from bot.agreement.receipt import Receipt
    from bot.reminders.digest import Digest
    from bot.reminders.passes import PassReport, Sender
    from bot.reminders.simulation import SimulatedPost
    from bot.shown.web_views import CalendarView, StatusView
    from bot.shown.wheel_geometry import WheelPicture
    from bot.state.integrity import HistoryCheck
    from storage.base import Store


@dataclass(frozen=True)
class Seat:
    """Who someone is and where they sit, as a person reads it (the terminal's greeting)."""

    person: str
    """Their name (app.yaml or `person`), or the id they came with."""
    person_key: str | None
    place: str
    """The channel's party (a region, an actor), "nasjonalt", or "" when the channel is unbound."""


class UnknownRegion(LookupError):
    """A region named on the command line that app.yaml does not know (`kvittering`, `simulate`)."""

    def __init__(self, name: str, *, known: tuple[str, ...]) -> None:
        super().__init__(name)
        self.name = name
        self.known = known
        """The regions' short names, for the message that says what to write instead."""


class CorePort(Protocol):
    public_url: str | None
    """Where people reach `serve` (PUBLIC_URL), for absolute links; the server sets it on loopback."""

    clock: Clock
    """The one clock: adapters stamp "when" with it, never with datetime.now()."""

    def handle(self, request: Request, *, reads_only: bool = False) -> Outcome:
        """Run one request through the pipeline (`bot.pipeline`); never raises. `reads_only`: run it only
        when its command only reads (a Teams card refreshed by its own command), else answer not-ok."""
        ...

    def writes(self, request: Request) -> bool:
        """Whether `request`'s command may write (declared `writes`): a durable write waits for the disk, so an
        adapter runs such a request off the event loop (`adapters.offload.call_writing`)."""
        ...

    def organisations_bound(self) -> bool:
        """Whether any organisation (a workspace, tenant or e-mail domain) is bound to a party: only then can
        what a platform says of a person's organisation make them a party's member, so only then is it worth
        asking the platform (the Teams roster) before a read (`adapters.teams.members`)."""
        ...

    def lang_for(self, request: Request) -> Lang:
        """The written form the reply to `request` is in (for a failure the adapter words itself)."""
        ...

    def channel_lang(self, *, platform: str, channel_id: str) -> Lang:
        """The written form a channel reads, for what the bot says there unasked (the Teams welcome)."""
        ...

    async def deliver(
        self, outcome: Outcome, *, senders: Mapping[str, Sender], already_shown: ChannelAddress | None = None
    ) -> None:
        """Post an outcome's announcements through every platform's sender, durably (`bot.delivery.outbox`)."""
        ...

    def picture(self, picture: Picture) -> WheelPicture | None:
        """The geometry of a reply's picture, for an adapter to paint (PNG, SVG)."""
        ...

    def seat(self, *, platform: str, user_id: str, channel_id: str) -> Seat: ...

    def digests_due(self, *, at: datetime) -> list[Digest]:
        """What a reminder pass would post at `at` (the terminal shows its own channel's)."""
        ...

    async def remind(self, *, senders: Mapping[str, Sender]) -> PassReport:
        """One reminder pass (`bot.reminders.passes.run_pass`)."""
        ...

    @property
    def reminder_cron(self) -> str:
        """When the reminder passes run (app.yaml `schedule.cron`, in the clock's zone)."""
        ...

    def store_faults(self) -> Mapping[str, Any]:
        """What is wrong with the store, by partition, for /healthz (empty when all is well)."""
        ...

    def reminder_fault(self) -> str | None:
        """Why reminders are stopped in this process (for /healthz), or None."""
        ...

    def undelivered(self) -> list[str]:
        """Announcements this process found it cannot deliver (or cannot tell whether they went), one
        line each, newest last, for /healthz; each is also logged once (`bot.delivery.announcements`)."""
        ...

    def unreachable(self) -> list[str]:
        """Channels marked as unreachable (`bot.delivery.targets`: no Teams conversation reference, a Slack
        channel archived or without the bot …), one line each, as this process last read them (/healthz)."""
        ...

    def reachable(self, *, platform: str, channel_id: str) -> None:
        """The platform learned it can post to a channel (a Teams conversation reference arrived): a mark
        of it as unreachable goes, so the next pass posts what was held there."""
        ...

    def check_history(self) -> HistoryCheck | None:
        """Walk every history chain (start-up); None when this core keeps no history to check."""
        ...

    def admin_addresses(self) -> list[ChannelAddress]:
        """Where the admins are told what the start-up check found."""
        ...

    def adapter_store(self) -> Store:
        """The store for the partitions a platform keeps for itself (Teams' conversation references)."""
        ...

    def calendar(self, *, feed: str, token: str | None, environ: Mapping[str, str]) -> CalendarView | None:
        """A calendar feed's events (`bot.shown.web_views`), or None when the token does not open it."""
        ...

    def status_page(
        self, *, region: str | None, token: str | None, year: str | None, environ: Mapping[str, str]
    ) -> StatusView | None:
        """A status page's data (the national one for `region` None; `year` as typed in `?år=`), or None
        when the token does not open it."""
        ...

    def prepare_links(self) -> None:
        """At start-up (chat, serve): store the key of the feed and status links, once per store."""
        ...

    def warm_up(self) -> None:
        """Build now what the first request and the first reminder pass would build (the pipeline, the
        planner): `serve` calls it in a worker thread once it listens, so /healthz never waits for it."""
        ...

    def receipt(self, *, region: str, year: int) -> Receipt:
        """The receipt of one agreement (`python -m bot kvittering`); `region` a name or key, else
        `UnknownRegion`."""
        ...

    def simulate(self, *, start: date, end: date, region: str | None) -> Iterator[SimulatedPost]:
        """Every post the reminder passes would make in a span, on a copy of the state (`python -m bot
        simulate`); `region` a name or key, else `UnknownRegion` (raised before anything is simulated)."""
        ...

    def chat_seat(self, *, platform: str, person: str | None, channel: str | None) -> tuple[str, str] | None:
        """Who a terminal chat speaks as and in which channel (user id, channel id): `person` a key or id
        from app.yaml (else a demo regional coordinator), `channel` an id (else that person's party's, else
        the national one). None when there is no one to demonstrate with."""
        ...
