"""Drive the bot as people do: a command in, a reply and a state out. Synchronous, with a settable clock."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from types import MappingProxyType

from bot.clock import OSLO, FixedClock
from bot.config import AppConfig, load_config
from bot.core import Core
from bot.messages import Outcome, Reply, Request
from storage.base import Store, Tables
from storage.memory import MemoryStore

ROOT = Path(__file__).resolve().parent.parent
DEMO_CONFIG = ROOT / "app.yaml"

# The default channel of each demo person in the terminal (see app.yaml).
HOME = {
    "kari": "agder",
    "per": "vestland",
    "ola": "in",
    "siri": "siva",
    "nils": "nfr",
    "rita": "rff",
    "aud": "nasjonal",
    "admin": "nasjonal",
}


def oslo(*args: int) -> datetime:
    return datetime(*args, tzinfo=OSLO)


class BotDriver:
    def __init__(self, *, core: Core, clock: FixedClock) -> None:
        self.core = core
        self.clock = clock
        self.outcomes: list[Outcome] = []

    def say(
        self,
        text: str,
        *,
        as_: str = "kari",
        channel: str | None = None,
        platform: str = "terminal",
        fields: Mapping[str, str] | None = None,
        request_id: str | None = None,
    ) -> Reply:
        request = Request(
            platform=platform,
            user_id=as_,
            channel_id=channel or HOME.get(as_, "agder"),
            text=text,
            fields=MappingProxyType(dict(fields or {})),
            request_id=request_id,
        )
        outcome = self.core.handle(request)
        self.outcomes.append(outcome)
        return outcome.reply

    @property
    def last(self) -> Outcome:
        return self.outcomes[-1]

    def tables(self, partition: str) -> Tables:
        return self.core.store.read(partition)

    def snapshot(self) -> dict[str, Tables]:
        """Every partition, deep-copied: for asserting that a refused command changed nothing."""
        import copy

        return {name: copy.deepcopy(self.core.store.read(name)) for name in self.core.store.partitions("")}

    def set_time(self, *args: int) -> None:
        self.clock.set(oslo(*args))


def make_bot(*, at: datetime | None = None, store: Store | None = None, config: AppConfig | None = None) -> BotDriver:
    clock = FixedClock(at or oslo(2026, 11, 23, 9, 0))
    core = Core(config=config or load_config(DEMO_CONFIG), store=store or MemoryStore(), clock=clock)
    return BotDriver(core=core, clock=clock)


def record_all_preconditions(bot: BotDriver, *, year: int, region: str = "agder") -> None:
    """The budgets, every allocation letter and the political treatment of `year`'s draft for one region,
    after the autumn meetings (national and the region's) that the treatment follows in the model."""
    coordinator = {"agder": "kari", "vestland": "per"}[region]
    bot.say(f"referat høst {year - 1} Høstmøtet holdt", as_="aud")
    bot.say(f"referat høst {region} {year - 1} Forslag til ny avtale lagt fram", as_=coordinator)
    bot.say(f"forutsetning statsbudsjett {year}", as_="aud")
    bot.say(f"forutsetning budsjett {region} {year}", as_=coordinator)
    for person in ("ola", "siri", "nils", "rita"):
        bot.say(f"forutsetning tildelingsbrev {year}", as_=person)
    bot.say(f"referat politisk {region} {year} Vedtatt i fylkestinget", as_=coordinator)
