"""Drive the bot as people do: a command in, a reply and a state out. Synchronous, with a settable clock."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from pathlib import Path
from types import MappingProxyType

from adapters.compose import make_core
from bot.clock import OSLO, FixedClock
from bot.core import Core
from bot.delivery.targets import REFERENCES
from bot.messages import Outcome, Reply, Request
from bot.model.config import AppConfig, load_config
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
        user_name: str | None = None,
    ) -> Reply:
        request = Request(
            platform=platform,
            user_id=as_,
            user_name=user_name,
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


def make_bot(
    *,
    at: datetime | None = None,
    store: Store | None = None,
    config: AppConfig | None = None,
    in_teams: bool = True,
) -> BotDriver:
    """A bot on a fresh (or the given) store. `in_teams`: the bot was added to every Teams channel the
    configuration binds, as in a working deployment (their conversation references are stored, so
    announcements and reminders to them are kept: `bot.delivery.targets.why_not`)."""
    clock = FixedClock(at or oslo(2026, 11, 23, 9, 0))
    core = make_core(config=config or load_config(DEMO_CONFIG), store=store or MemoryStore(), clock=clock)
    if in_teams:
        add_to_teams(core)
    return BotDriver(core=core, clock=clock)


def add_to_teams(core: Core) -> None:
    """The bot added to every Teams channel the configuration binds."""
    teams = [b.address.channel_id for b in core.directory.bindings() if b.address.platform == "teams"]
    store_references(core.store, channels=teams)


def store_references(store: Store, *, channels: Iterable[str]) -> None:
    """The conversation references the Teams adapter stores when the bot is added to these channels."""
    partition, table = REFERENCES["teams"]
    wanted = [channel for channel in channels if channel not in store.read(partition).get(table, {})]
    if not wanted:
        return
    with store.update(partition) as tables:
        references = tables.setdefault(table, {})
        for channel in wanted:
            references[channel] = {
                "reference": {
                    "conversation": {"id": channel, "conversationType": "channel"},
                    "channelId": "msteams",
                    "serviceUrl": "https://smba.trafficmanager.net/emea/",
                },
                "kind": "channel",
                "team_id": None,
                "team_name": None,
                "tenant_id": None,
            }


COORDINATOR = {"agder": "kari", "vestland": "per"}
TEXT_SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"


def text_command(*, year: int, region: str = "agder", version: int = 1, confirm: bool = False) -> str:
    """The `avtale` command that registers a text for `region`'s agreement `year` (a link and a typed sum);
    `confirm` adds `bekreft` (a new text that voids signatures asks for it, issue 18 F5)."""
    sha = TEXT_SHA if version == 1 else f"{version:064x}"
    command = (
        f"avtale {region} {year} https://dok.fylke.no/{region}/samarbeidsavtale-{year}-v{version}.pdf sha256:{sha}"
    )
    return f"{command} bekreft" if confirm else command


def register_text(bot: BotDriver, *, year: int, region: str = "agder", version: int = 1) -> Reply:
    """The region's coordinator registers the agreement text, so it can be signed (issue 12); a later
    version is registered as confirmed (`bekreft`), as a coordinator answering the question does."""
    command = text_command(year=year, region=region, version=version, confirm=version > 1)
    reply = bot.say(command, as_=COORDINATOR[region])
    assert reply.ok, reply.text
    return reply


def record_all_preconditions(bot: BotDriver, *, year: int, region: str = "agder") -> None:
    """The agreement text, the budgets, every allocation letter and the political treatment of `year`'s
    draft for one region. The autumn meetings the treatment follows are left out (they live in cycle
    `year - 1`), so the treatment is recorded with `bekreft`: outside the model's order, and marked so."""
    coordinator = COORDINATOR[region]
    register_text(bot, year=year, region=region)
    bot.say(f"forutsetning statsbudsjett {year}", as_="aud")
    bot.say(f"forutsetning budsjett {region} {year}", as_=coordinator)
    for person in ("ola", "siri", "nils", "rita"):
        bot.say(f"forutsetning tildelingsbrev {year}", as_=person)
    bot.say(f"referat politisk {region} {year} Vedtatt i fylkestinget bekreft", as_=coordinator)


def signing_open(*, region: str, year: int = 2027) -> BotDriver:
    """A bot on 5 January of `year` with every precondition of `region`'s agreement recorded: it can be signed."""
    bot = make_bot(at=oslo(year, 1, 5, 9))
    record_all_preconditions(bot, year=year, region=region)
    return bot
