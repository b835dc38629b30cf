"""`python -m bot …`: the composition root that wires the core to the terminal, Slack and Teams.

It lives under adapters/ because it is the one place that knows every platform; bot/ stays platform-free.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import sys
from collections.abc import Sequence
from datetime import date, datetime, time

from croniter import croniter

from adapters.terminal import PLATFORM, TerminalSender, run_chat
from bot.clock import FixedClock
from bot.config import ConfigError, load_config
from bot.core import Core, build_core
from bot.dates import warm_up
from bot.progress import progress_of
from bot.reminders import PassReport, Sender, run_pass
from bot.web_links import ensure_secret
from bot.workdays import is_working_day
from storage.base import StoreError

logger = logging.getLogger(__name__)

PLATFORM_TOKENS = ("SLACK_BOT_TOKEN", "MICROSOFT_APP_ID")


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.command == "serve" else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    command = args.command or ("serve" if any(os.environ.get(name) for name in PLATFORM_TOKENS) else "chat")
    try:
        if command == "check-config":
            return _check_config(args)
        if command == "teams-package":
            from adapters.teams.package import main as package_main

            return package_main(["--out", args.out] if args.out else [])
        now = getattr(args, "now", None)
        core = build_core(clock=FixedClock(now) if now else None)
        _warm_up(core)
        if command == "chat":
            return _chat(core, person=getattr(args, "as_", None), channel=getattr(args, "channel", None))
        if command == "simulate":
            return _simulate(core, start=args.from_, end=args.to, region=args.region)
        if command == "tick":
            report = asyncio.run(_tick(core))
            print(
                f"Påminnelser: {report.sent} sendt ({report.late} for sent), {report.failed} feilet, {report.no_sender} uten kanal-tilkobling."
            )
            return 0 if not report.failed else 1
        if command == "serve":
            from adapters.server import serve
            from adapters.teams.settings import teams_requires_loopback

            host = "127.0.0.1" if teams_requires_loopback() else "0.0.0.0"
            _local_links(core, host=host)
            serve(core=core, host=host)
            return 0
    except ConfigError as exc:
        print("Feil i konfigurasjonen (app.yaml):", file=sys.stderr)
        for problem in exc.problems:
            print(f"  {problem}", file=sys.stderr)
        return 2
    except StoreError as exc:
        print(f"Lagringen kan ikke brukes: {exc}", file=sys.stderr)
        return 3
    except BrokenPipeError:  # e.g. `python -m bot simulate … | head`
        sys.stderr.close()
        return 0
    return 0


def _local_links(core: Core, *, host: str) -> None:
    """Without PUBLIC_URL, a server on loopback gives out local addresses (status page, feeds, pictures)."""
    if core.public_url is None and host == "127.0.0.1":
        core.public_url = f"http://127.0.0.1:{os.environ.get('PORT', '3978')}"
        print(
            f"Statussiden og kalenderne: {core.public_url} (lenkene med nøkkel får du med «oversikt», «status» og «kalender»)."
        )


def _warm_up(core: Core) -> None:
    """Pay the one-off costs at start-up, not in someone's first command: dateparser's first call
    (0.1–0.25 s) and loading this year's holiday table (for the first reminder pass)."""
    warm_up()
    is_working_day(core.clock.now().date())
    ensure_secret(core.state, at=core.clock.now())  # the key of the feed and status links, once per store


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m bot", description="Samhandlingsbot: samhandlingsmodellens årshjul i chat."
    )
    sub = parser.add_subparsers(dest="command")
    chat = sub.add_parser("chat", help="chat in the terminal")
    chat.add_argument("--as", dest="as_", help="person key from app.yaml (default: a demo county coordinator)")
    chat.add_argument("--channel", help="terminal channel id from app.yaml (default: that person's region)")
    chat.add_argument("--now", type=datetime.fromisoformat, help="pretend it is this time (ISO), e.g. 2027-01-11T09:00")
    simulate = sub.add_parser("simulate", help="every reminder the planner would post in a span")
    simulate.add_argument("--from", dest="from_", type=date.fromisoformat, required=True)
    simulate.add_argument("--to", type=date.fromisoformat, required=True)
    simulate.add_argument("--region")
    tick = sub.add_parser("tick", help="one reminder pass, posting what is due")
    tick.add_argument("--now", type=datetime.fromisoformat)
    sub.add_parser("serve", help="serve Slack and Teams over HTTP, with the reminder scheduler")
    sub.add_parser("check-config", help="validate app.yaml")
    package = sub.add_parser("teams-package", help="write the Teams app package (zip)")
    package.add_argument("--out", help="where to write the zip")
    return parser


def _check_config(args: argparse.Namespace) -> int:
    path = os.environ.get("SAMHANDLING_CONFIG", "app.yaml")
    config = load_config(path)
    print(
        f"{path} er gyldig: {len(config.parties.regions)} regioner, {len(config.enabled_actors)} aktører, "
        f"{len(config.milestones)} milepæler, {len(config.preconditions)} forutsetninger, "
        f"{len(config.people)} personer, {len(config.channels)} kanaler."
    )
    return 0


def _chat(core: Core, *, person: str | None, channel: str | None) -> int:
    config = core.config
    if person is None:
        demo = next((p for p in config.people if p.role == "coordinator" and p.party and config.region(p.party)), None)
        if demo is None:
            print("Fant ingen fylkeskommunal koordinator i app.yaml å demonstrere med; bruk --as.", file=sys.stderr)
            return 2
        person = demo.key
    known = next((p for p in config.people if p.key == person or p.ids.get(PLATFORM) == person), None)
    user_id = known.ids.get(PLATFORM, known.key) if known else person
    if channel is None:
        party = known.party if known else None
        channel = next(
            (c.id for c in config.channels if c.platform == PLATFORM and party in (c.region, c.actor) and party),
            next((c.id for c in config.channels if c.platform == PLATFORM and c.national), "nasjonal"),
        )
    return run_chat(core, user_id=user_id, channel_id=channel, interactive=sys.stdin.isatty())


def _simulate(core: Core, *, start: date, end: date, region: str | None) -> int:
    if region is not None and core.config.region(region) is None:
        print(f"Ukjent region «{region}».", file=sys.stderr)
        return 2
    cron = core.config.reminders.cron
    count = 0
    for day, item, occurrence in core.planner.schedule(start=start, end=end, region=region):
        progress = progress_of(config=core.config, state=core.state, item=item)
        at = croniter(cron, datetime.combine(day, time(0), tzinfo=core.clock.tz)).get_next(datetime)
        for party, address in core.planner.audience(progress, occurrence):
            count += 1
            print(
                f"{at:%Y-%m-%d %a %H:%M}  {address.platform}:{address.channel_id:<26} {occurrence.name:<11} {item.title()} → {party}"
            )
    print(f"{count} påminnelser.")
    return 0


async def _tick(core: Core) -> PassReport:
    """One pass: terminal channels print; Slack and Teams post when their credentials are set."""
    senders: dict[str, Sender] = {PLATFORM: TerminalSender()}
    if any(os.environ.get(name) for name in PLATFORM_TOKENS):
        from adapters.server import SENDERS, build_app

        app = build_app(core=core, scheduler=False)
        senders.update(app[SENDERS])
    return await run_pass(core=core, senders=senders)
