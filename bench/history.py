"""Ten years of history made the way production makes it: the real core driven through its commands.

A real `TinyDBStore`, a `FixedClock`, and a reminder pass at 09:00 on working days through a fake sender,
so the ledger fills up as in production. Nothing is written to the store directly.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import shutil
import string
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from types import MappingProxyType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CONFIG = ROOT / "app.yaml"
FIRST_CYCLE = 2027
"""Cycle A = agreement A; its autumn (A-1) is where the bot starts (tracking_start is 2026-11-01)."""

ACTOR_PEOPLE = {"IN": "ola", "SIVA": "siri", "NFR": "nils", "RFF": "rita"}
ACTOR_CHANNEL = {"IN": "in", "SIVA": "siva", "NFR": "nfr", "RFF": "rff"}
TEXT_LINK = "https://dok.fylke.no/avtaler"
TEXT_SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
"""The agreement text's digest; each year's text ends in its year, as a text registered for one year is
refused for another (the bot says which agreement it is)."""
AGDER_PARTY = '    - {key: agder, name: "Agder fylkeskommune", short: "Agder", aliases: ["Vest-Agder", "Aust-Agder"], plan_period: "2024–2027"}\n'
AGDER_CHANNEL = "  - {platform: terminal, id: agder, region: agder}\n"
MINUTES = "Godt møte https://dok.fylke.no/referat vedtak: Felles satsing; Ny arbeidsgruppe oppfølging: Sende utkast @IN"


# -- driving the core -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Step:
    at: datetime
    user: str
    channel: str
    text: str


class FakeSender:
    """Accepts every post, as the Slack/Teams senders do when the platform says ok."""

    def __init__(self, platform: str) -> None:
        self.platform = platform
        self.looks_up = False
        self.sent = 0

    async def send(self, *, channel_id: str, reply: Any, key: str | None = None, maybe_posted: bool = False) -> None:
        self.sent += 1


@dataclass
class Bench:
    core: Any
    clock: Any
    loop: asyncio.AbstractEventLoop
    senders: dict[str, FakeSender]
    coordinators: dict[str, str]
    counter: int = 0
    failures: list[str] = field(default_factory=list)

    def say(self, text: str, *, user: str, channel: str, request_id: bool = False) -> Any:
        from bot.messages import Request

        self.counter += 1
        request = Request(
            platform="terminal",
            user_id=user,
            channel_id=channel,
            text=text,
            fields=MappingProxyType({}),
            request_id=f"bench-{self.counter}" if request_id else None,
        )
        return self.core.handle(request)

    def must(self, step: Step) -> None:
        self.clock.set(step.at)
        outcome = self.say(step.text, user=step.user, channel=step.channel, request_id=True)
        if not outcome.reply.ok or outcome.reply.title in ("Bekreft datoen", "Allerede registrert"):
            self.failures.append(
                f"{step.at:%Y-%m-%d %H:%M} {step.user}@{step.channel}: {step.text!r} -> {outcome.reply.text[:200]}"
            )

    def run_pass(self, at: datetime) -> Any:
        from bot.reminders.passes import run_pass

        self.clock.set(at)
        return self.loop.run_until_complete(run_pass(core=self.core, senders=self.senders, now=at))


def extra_organisations(count: int) -> list[str]:
    """Keys of `count` synthetic organisations ("orgaa", "orgab", …) added after the demo's 15 regions."""
    letters = string.ascii_lowercase
    return [f"org{letters[n // 26]}{letters[n % 26]}" for n in range(count)]


def organisations_text(organisations: int) -> str:
    """The demo app.yaml with synthetic regions added (each with a terminal channel) up to `organisations`
    regions in all; the demo text itself at 15. Used for the 100-organisation benchmarks and tests."""
    from bot.model.config import parse_config

    text = CONFIG.read_text(encoding="utf-8")
    have = len(parse_config(text).parties.regions)
    extra = extra_organisations(max(0, organisations - have))
    parties = "".join(
        f'    - {{key: {key}, name: "Organisasjon {key[3:].upper()}", short: "Org {key[3:].upper()}", '
        f'plan_period: "2024–2027"}}\n'
        for key in extra
    )
    channels = "".join(f"  - {{platform: terminal, id: {key}, region: {key}}}\n" for key in extra)
    for old, new in ((AGDER_PARTY, AGDER_PARTY + parties), (AGDER_CHANNEL, AGDER_CHANNEL + channels)):
        if text.count(old) != 1:
            raise SystemExit(f"app.yaml no longer holds exactly one {old.strip()!r}: update bench/history.py")
        text = text.replace(old, new)
    return text


def open_bench(folder: Path, *, at: datetime, config: Any = None, store: Any = None) -> Bench:
    """The real core on `folder` (tinydb, cache sized from the configuration as `build_core` does) or on
    the given `store`; `config` defaults to the demo app.yaml."""
    from adapters.compose import cache_size_for, make_core
    from bot.clock import FixedClock
    from bot.model.config import load_config
    from storage.tinydb_store import TinyDBStore

    config = config or load_config(CONFIG)
    clock = FixedClock(at)
    store = store or TinyDBStore(folder, cache_size=cache_size_for(config))
    core = make_core(config=config, store=store, clock=clock)
    regions = [region.key for region in config.parties.regions]
    coordinators = {"agder": "kari", "vestland": "per"}
    for region in regions:
        coordinators.setdefault(region, f"koord-{region}")
    senders = {platform: FakeSender(platform) for platform in ("terminal", "slack", "teams")}
    return Bench(core=core, clock=clock, loop=asyncio.new_event_loop(), senders=senders, coordinators=coordinators)


def at_hour(day: date, hour: int = 10) -> datetime:
    from bot.clock import OSLO

    return datetime(day.year, day.month, day.day, hour, 0, tzinfo=OSLO)


def cycle_steps(bench: Bench, *, year: int) -> list[Step]:
    """Everything people record for agreement `year`, from the autumn before to its spring meeting."""
    prev = year - 1
    regions = list(bench.coordinators)
    steps: list[Step] = []

    def add(day: date, user: str, channel: str, text: str, hour: int = 10) -> None:
        steps.append(Step(at_hour(day, hour), user, channel, text))

    # Every planned date is a working day inside its milestone's window, so `dato` saves it without asking
    # for `bekreft` (issue 7), and each minute is recorded on its meeting's day, after the meeting it follows.
    national_autumn = workday(date(prev, 10, 20))
    regional_autumn = workday(date(prev, 11, 10))
    action_plan = workday(date(prev, 12, 1))
    political = workday(date(prev, 12, 7))
    national_spring = workday(date(year, 3, 10))
    regional_spring = workday(date(year, 4, 20))
    # Autumn of the year before: the meetings of cycle `prev`, then the draft of `year` and its preconditions.
    add(date(prev, 8, 14), "aud", "nasjonal", f"dato høstmøte {prev} {national_autumn} 10:00")
    for region in regions:
        coordinator = bench.coordinators[region]
        add(date(prev, 8, 15), coordinator, region, f"dato høst {region} {prev} {regional_autumn} 10:00")
        add(date(prev, 9, 2), coordinator, region, f"dato politisk {region} {year} {political} 10:00")
        add(date(prev, 9, 3), coordinator, region, f"dato handlingsplan {region} {year} {action_plan} 10:00")
    add(national_autumn, "aud", "nasjonal", f"referat høstmøte {prev} {MINUTES}", hour=15)
    for region in regions:
        add(regional_autumn, bench.coordinators[region], region, f"referat høst {region} {prev} {MINUTES}", hour=15)
    add(date(prev, 12, 1), "aud", "nasjonal", f"forutsetning statsbudsjett {year}")
    for region in regions:
        add(
            action_plan, bench.coordinators[region], region, f"referat handlingsplan {region} {year} {MINUTES}", hour=15
        )
        add(date(prev, 12, 2), bench.coordinators[region], region, f"forutsetning budsjett {region} {year}")
    for actor, person in ACTOR_PEOPLE.items():
        add(date(prev, 12, 3), person, ACTOR_CHANNEL[actor], f"forutsetning tildelingsbrev {actor} {year}")
    for region in regions:
        coordinator = bench.coordinators[region]
        add(political, coordinator, region, f"referat politisk {region} {year} Vedtatt i fylkestinget", hour=15)
        add(
            political,
            coordinator,
            region,
            f"avtale {region} {year} {TEXT_LINK}/{region}-{year}.pdf sha256:{TEXT_SHA[:-4]}{year}",
            hour=16,
        )
    # January of `year`: signatures, assignment agreements, the spring dates. Then the spring.
    add(date(year, 1, 5), "aud", "nasjonal", f"dato vårmøte {year} {national_spring} 10:00")
    for region in regions:
        coordinator = bench.coordinators[region]
        add(date(year, 1, 20), coordinator, region, f"signer {region} {year}")
        for actor, person in ACTOR_PEOPLE.items():
            add(date(year, 1, 20), person, ACTOR_CHANNEL[actor], f"signer {actor} {region} {year}")
        for actor in ACTOR_PEOPLE:
            status = "ingen" if actor == "SIVA" else "sendt"
            add(date(year, 1, 22), coordinator, region, f"oppdrag {actor} {status} {region} {year}")
        add(date(year, 1, 23), coordinator, region, f"dato vår {region} {year} {regional_spring} 10:00")
        add(regional_spring, coordinator, region, f"referat vår {region} {year} {MINUTES}", hour=15)
    add(national_spring, "aud", "nasjonal", f"referat vårmøte {year} {MINUTES}", hour=15)
    return steps


def workday(day: date) -> date:
    """The first working day on or after `day` (weekends and Norwegian public holidays are skipped)."""
    from bot.dates.workdays import on_or_after

    return on_or_after(day)


def working_days(start: date, end: date, *, mondays_only: bool) -> Iterator[date]:
    from bot.dates.workdays import is_working_day

    day = start
    while day < end:
        if is_working_day(day) and (not mondays_only or day.weekday() == 0):
            yield day
        day += timedelta(days=1)


@dataclass
class History:
    folder: Path
    years: int
    now: datetime
    commands: int
    passes: int
    reminders_sent: int
    seconds: float
    partitions: int
    bytes_on_disk: int
    ledger_entries: int
    history_entries: int


def history_now(years: int) -> datetime:
    """`now` of a history of `years` years: 09:00 on the first working day from 14 January after them."""
    from bot.dates.workdays import on_or_after

    return at_hour(on_or_after(date(FIRST_CYCLE + years, 1, 14)), 9)


@contextlib.contextmanager
def without_fsync() -> Iterator[None]:
    """Building history only: skip fsync (the files written are the same; durability is not what is
    built, and fsync is a third of the build's time). Never used while measuring."""
    real = os.fsync
    os.fsync = lambda fd: None
    try:
        yield
    finally:
        os.fsync = real


def build_history(
    folder: Path, *, years: int, mondays_only: bool, config: Any = None, copies: dict[int, Path] | None = None
) -> History:
    """Cycles FIRST_CYCLE .. FIRST_CYCLE+years-1 complete, and the next one ready to sign on 15 January.

    `copies` (shorter history -> folder): on the way, the store is copied as it stands at that history's
    `now`, which is exactly what building that shorter history would give (the timeline is the same up to
    then), so 1, 10 and 30 years cost one build."""
    started = time.perf_counter()
    now = history_now(years)
    copy_at = sorted((history_now(shorter), shorter) for shorter in (copies or {}) if shorter < years)
    bench = open_bench(folder, at=at_hour(date(FIRST_CYCLE - 1, 8, 1), 8), config=config)
    for region, user in bench.coordinators.items():
        if user.startswith("koord-"):
            bench.must(
                Step(
                    at_hour(date(FIRST_CYCLE - 1, 8, 1), 8), "admin", "nasjonal", f"person @{user} {region} koordinator"
                )
            )
    steps: list[Step] = []
    for year in range(FIRST_CYCLE, FIRST_CYCLE + years + 1):
        steps += cycle_steps(bench, year=year)
    # Passes run at 09:00, before the day's commands (10:00 and later).
    passes = [
        (at_hour(day, 9), None)
        for day in working_days(date(FIRST_CYCLE - 1, 8, 3), now.date(), mondays_only=mondays_only)
    ]
    timeline = sorted([(step.at, step) for step in steps if step.at < now] + passes, key=lambda entry: entry[0])
    commands = sent = 0
    for at, step in timeline:
        while copy_at and at >= copy_at[0][0]:
            shutil.copytree(folder, (copies or {})[copy_at.pop(0)[1]], dirs_exist_ok=True)
        if step is None:
            sent += bench.run_pass(at).sent
        else:
            bench.must(step)
            commands += 1
    if bench.failures:
        raise SystemExit("history commands failed:\n" + "\n".join(bench.failures[:20]))
    for _, shorter in copy_at:  # a shorter history asked for that ends where this one does
        shutil.copytree(folder, (copies or {})[shorter], dirs_exist_ok=True)
    store = bench.core.store
    names = store.partitions("")
    ledger = sum(store.count_rows(name, table="ledger") for name in names)
    history = sum(store.count_rows(name, table="history") for name in names)
    size = sum(path.stat().st_size for path in folder.rglob("*.json"))
    store.close()
    bench.loop.close()
    return History(
        folder,
        years,
        now,
        commands,
        len(passes),
        sent,
        time.perf_counter() - started,
        len(names),
        size,
        ledger,
        history,
    )
