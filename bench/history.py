"""Ten years of history made the way production makes it: the real core driven through its commands.

A real `TinyDBStore`, a `FixedClock`, and a reminder pass at 09:00 on working days through a fake sender,
so the ledger fills up as in production. Nothing is written to the store directly.
"""

from __future__ import annotations

import asyncio
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
TEXT_LINK = "https://example.org/avtaler"
TEXT_SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
MINUTES = "Godt møte https://example.org/referat vedtak: Felles satsing; Ny arbeidsgruppe oppfølging: Sende utkast @IN"


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
        self.sent = 0

    async def send(self, *, channel_id: str, reply: Any) -> None:
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
        from bot.reminders import run_pass

        self.clock.set(at)
        return self.loop.run_until_complete(run_pass(core=self.core, senders=self.senders, now=at))


def open_bench(folder: Path, *, at: datetime) -> Bench:
    from bot.clock import FixedClock
    from bot.config import load_config
    from bot.core import Core
    from storage.tinydb_store import TinyDBStore

    config = load_config(CONFIG)
    clock = FixedClock(at)
    core = Core(config=config, store=TinyDBStore(folder), clock=clock)
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
            f"avtale {region} {year} {TEXT_LINK}/{region}-{year}.pdf sha256:{TEXT_SHA}",
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
    from bot.workdays import on_or_after

    return on_or_after(day)


def working_days(start: date, end: date, *, mondays_only: bool) -> Iterator[date]:
    from bot.workdays import is_working_day

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


def build_history(folder: Path, *, years: int, mondays_only: bool) -> History:
    """Cycles FIRST_CYCLE .. FIRST_CYCLE+years-1 complete, and the next one ready to sign on 15 January."""
    started = time.perf_counter()
    from bot.workdays import on_or_after

    now = at_hour(on_or_after(date(FIRST_CYCLE + years, 1, 14)), 9)
    bench = open_bench(folder, at=at_hour(date(FIRST_CYCLE - 1, 8, 1), 8))
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
        if step is None:
            sent += bench.run_pass(at).sent
        else:
            bench.must(step)
            commands += 1
    if bench.failures:
        raise SystemExit("history commands failed:\n" + "\n".join(bench.failures[:20]))
    store = bench.core.store
    names = store.partitions("")
    ledger = sum(len(store.read(name).get("ledger", {})) for name in names)
    history = sum(len(store.read(name).get("history", {})) for name in names)
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
