"""The port (`bot.port.CorePort`) in full, for the adapter tests' stand-in cores: each stand-in gives its
canned `answer`, and gets every other method here, so no adapter needs to ask whether a method is there.

A redelivery goes through the pipeline's own step (`bot.pipeline.repeats`), so the adapters are tested
against the one check the real core makes.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date, datetime
from typing import Any

from bot.agreement.receipt import Receipt
from bot.clock import FixedClock
from bot.i18n import Lang
from bot.messages import ChannelAddress, Outcome, Picture, Request
from bot.pipeline.dispatch import NOT_A_READ
from bot.pipeline.repeats import Deliveries
from bot.port import Seat, UnknownRegion
from bot.reminders.digest import Digest
from bot.reminders.passes import PassReport, Sender, deliver_announcements
from bot.reminders.simulation import SimulatedPost
from bot.shown.web_views import CalendarView, StatusView
from bot.shown.wheel_geometry import WheelPicture
from bot.state.integrity import HistoryCheck
from storage.base import Store
from storage.memory import MemoryStore


class PortFake:
    reminder_cron = "0 9 * * 1-5"

    def __init__(self, *, store: Store | None = None, now: datetime = datetime(2027, 1, 11, 9, 0)) -> None:
        self.clock = FixedClock(now)
        self.public_url: str | None = None
        self.store = store or MemoryStore()
        self.deliveries = Deliveries()

    def answer(self, request: Request) -> Outcome:
        raise NotImplementedError

    def handle(self, request: Request, *, reads_only: bool = False) -> Outcome:
        if reads_only:  # a stand-in's answers never say they only read (`Outcome.reads_only`), so none is run
            return NOT_A_READ
        return self.deliveries.once(request, lambda: self.answer(request))

    def writes(self, request: Request) -> bool:
        return False

    def organisations_bound(self) -> bool:
        return False

    def lang_for(self, request: Request) -> Lang:
        return "nb"

    def channel_lang(self, *, platform: str, channel_id: str) -> Lang:
        return "nb"

    async def deliver(
        self, outcome: Outcome, *, senders: Mapping[str, Sender], already_shown: ChannelAddress | None = None
    ) -> None:
        await deliver_announcements(outcome, senders=senders, already_shown=already_shown)

    def picture(self, picture: Picture) -> WheelPicture | None:
        return None

    def seat(self, *, platform: str, user_id: str, channel_id: str) -> Seat:
        return Seat(person=user_id, person_key=None, place="")

    def digests_due(self, *, at: datetime) -> list[Digest]:
        return []

    async def remind(self, *, senders: Mapping[str, Sender]) -> PassReport:
        return PassReport()

    def store_faults(self) -> Mapping[str, Any]:
        return {}

    def reminder_fault(self) -> str | None:
        return None

    def undelivered(self) -> list[str]:
        return []

    def unreachable(self) -> list[str]:
        return []

    def reachable(self, *, platform: str, channel_id: str) -> None:
        return None

    def check_history(self) -> HistoryCheck | None:
        return None

    def admin_addresses(self) -> list[ChannelAddress]:
        return []

    def adapter_store(self) -> Store:
        return self.store

    def calendar(self, *, feed: str, token: str | None, environ: Mapping[str, str]) -> CalendarView | None:
        return None  # a stand-in opens no feed: every address is the web routes' 404

    def status_page(
        self, *, region: str | None, token: str | None, year: str | None, environ: Mapping[str, str]
    ) -> StatusView | None:
        return None

    def prepare_links(self) -> None:
        return None

    def warm_up(self) -> None:
        return None

    def receipt(self, *, region: str, year: int) -> Receipt:
        raise UnknownRegion(region, known=())

    def simulate(self, *, start: date, end: date, region: str | None) -> Iterator[SimulatedPost]:
        return iter(())

    def chat_seat(self, *, platform: str, person: str | None, channel: str | None) -> tuple[str, str] | None:
        return (person, channel or "nasjonal") if person else None
