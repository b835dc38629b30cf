"""`python -m bot …`: the composition root that wires the core to the terminal, Slack and Teams.

It lives under adapters/ because it is the one place that knows every platform; bot/ stays platform-free.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
from collections.abc import Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING

from adapters import store_commands
from adapters.compose import build_core
from adapters.platform_config import PlatformConfigError
from adapters.start_up import freeze_start_up
from bot.clock import FixedClock
from bot.model.config import ConfigError, load_config
from bot.port import UnknownRegion
from storage.base import StoreError

if TYPE_CHECKING:  # each command imports what it uses, so `serve` and `chat` start with less
    from bot.port import CorePort
    from bot.reminders.digest import Digest
    from bot.reminders.passes import PassReport, Sender

logger = logging.getLogger(__name__)

PLATFORM_TOKENS = ("SLACK_BOT_TOKEN", "MICROSOFT_APP_ID")


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.command == "serve" else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    command = args.command or ("serve" if any(os.environ.get(name) for name in PLATFORM_TOKENS) else "chat")
    if command != "serve":  # serve ends its start-up once its server is built (adapters/server.py)
        freeze_start_up()
    try:
        if command == "check-config":
            return _check_config(args)
        if command in store_commands.COMMANDS:
            return store_commands.run(args)
        if command == "teams-package":
            from adapters.teams.package import main as package_main

            return package_main(["--out", args.out] if args.out else [])
        now = getattr(args, "now", None)
        core = build_core(clock=FixedClock(now) if now else None)
        if command == "verify":
            return _verify(core, wanted=args.hash)
        if command == "kvittering":
            return _receipt(core, region=args.region, year=args.year, as_json=args.json)
        if command not in ("chat", "serve"):  # chat: start-up and first command are one wait; serve: beside
            _warm_up(core)
        if command in ("chat", "serve"):
            core.prepare_links()  # the key of the feed and status links, once per store
        if command == "chat":
            return _chat(core, person=getattr(args, "as_", None), channel=getattr(args, "channel", None))
        if command == "simulate":
            return _simulate(core, start=args.from_, end=args.to, region=args.region)
        if command == "tick":
            import asyncio  # only here: chat never needs the event loop (~10 ms of its start-up)

            try:
                report = asyncio.run(_tick(core))
            except OSError as exc:  # the store refused a write the pass did not expect to fail
                print(f"Feil: lagringen kan ikke skrives; ingen påminnelser ble sendt. ({exc})", file=sys.stderr)
                return 3
            if report.skipped:
                print("En annen påminnelsesrunde pågår akkurat nå; denne hoppet over for ikke å sende noe to ganger.")
                return 0
            if report.ledger_failed:  # one line: what the operator must do, with the store's own reason
                print(
                    f"Feil: påminnelsene er stoppet fordi lagringen ikke kan skrives ({report.messages} sendt, "
                    f"ingen to ganger); frigjør plass eller gjør lagringen skrivbar. Error: {core.reminder_fault()}",
                    file=sys.stderr,
                )
                return 1
            print(
                f"Påminnelser: {report.sent} sendt i {report.messages} meldinger ({report.late} for sent), "
                f"{report.failed} feilet, {report.no_sender} uten kanal-tilkobling."
                + (f" {report.held} holdt tilbake: kanalen kan ikke nås (se «oversikt»)." if report.held else "")
            )
            return 0 if not report.failed else 1
        if command == "serve":
            from adapters.server import serve
            from adapters.teams.settings import teams_requires_loopback

            host = "127.0.0.1" if teams_requires_loopback() else "0.0.0.0"
            _local_links(core, host=host)
            serve(core=core, host=host, warm_up=lambda: _warm_up(core))
            return 0
    except ConfigError as exc:
        print("Feil i konfigurasjonen (app.yaml):", file=sys.stderr)
        for problem in exc.problems:
            print(f"  {problem}", file=sys.stderr)
        return 2
    except StoreError as exc:
        print(f"Lagringen kan ikke brukes: {exc}", file=sys.stderr)
        return 3
    except PlatformConfigError as exc:  # one line naming what is missing, never a traceback (walk 27 F5)
        print(f"Plattformoppsettet er ufullstendig: {exc}", file=sys.stderr)
        return 3
    except BrokenPipeError:  # e.g. `python -m bot simulate … | head`
        sys.stderr.close()
        return 0
    return 0


def _local_links(core: CorePort, *, host: str) -> None:
    """Without PUBLIC_URL, a server on loopback gives out local addresses (status page, feeds, pictures)."""
    if core.public_url is None and host == "127.0.0.1":
        core.public_url = f"http://127.0.0.1:{os.environ.get('PORT', '3978')}"
        print(
            f"Statussiden og kalenderne: {core.public_url} (lenkene med nøkkel får du med «oversikt», «status» og «kalender»)."
        )


def _warm_up(core: CorePort) -> None:
    """Pay the one-off costs at start-up, not in someone's first command on a server: importing every
    command's handler (`handlers.later`, ~30 ms) and the core's pipeline and planner, loading and compiling the date grammar (~30 ms) and this
    year's holiday table (for the first reminder pass). `chat` skips this: there start-up and the first
    command are one wait, and most commands need neither; `serve` runs it once the server listens
    (`adapters.server.serve(warm_up=…)`), so /healthz does not wait for it."""
    from bot.dates.grammar import warm_up
    from bot.dates.workdays import is_working_day
    from handlers import COMMANDS
    from handlers.later import resolve_all

    resolve_all(command.handler for command in COMMANDS)
    # A write's posting and the reminder pass (the digests, babel): once /healthz imported them on the event
    # loop before its first answer; now here, off it, so neither the first write nor the catch-up pass does.
    importlib.import_module("bot.reminders.passes")
    core.warm_up()
    warm_up()
    is_working_day(core.clock.now().date())


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
    simulate.add_argument("--from", dest="from_", type=_iso_date, required=True)
    simulate.add_argument("--to", type=_iso_date, required=True)
    simulate.add_argument("--region", help="region name or key, e.g. Agder or more-og-romsdal")
    tick = sub.add_parser("tick", help="one reminder pass, posting what is due")
    tick.add_argument("--now", type=_iso_datetime, help="pretend it is this time (ISO), e.g. 2027-02-01T09:00")
    sub.add_parser("serve", help="serve Slack and Teams over HTTP, with the reminder scheduler")
    sub.add_parser("check-config", help="validate app.yaml")
    store_commands.add_parsers(sub)
    verify = sub.add_parser(
        "verify", help="walk every history hash chain; exit 1 at the first entry that does not match"
    )
    verify.add_argument(
        "hash",
        nargs="?",
        help="a hash saved from a receipt («Siste hash»): is it still in a chain, unchanged up to it?",
    )
    receipt = sub.add_parser("kvittering", help="the receipt of one agreement: version, checksum, signatures")
    receipt.add_argument("region", help="region key or name, e.g. agder")
    receipt.add_argument("year", type=int, help="the agreement year, e.g. 2027")
    receipt.add_argument("--json", action="store_true", help="as JSON")
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
    from bot.model.config_checks import unheard_actors
    from bot.shown.unheard import unheard_text

    for actor in unheard_actors(config):  # valid, but its reminders reach nobody (walk 18 F5)
        print(unheard_text(name=config.party_name(actor), code=actor))
    return 0


def _chat(core: CorePort, *, person: str | None, channel: str | None) -> int:
    from adapters.terminal import PLATFORM, run_chat

    seat = core.chat_seat(platform=PLATFORM, person=person, channel=channel)
    if seat is None:
        print("Fant ingen fylkeskommunal koordinator i app.yaml å demonstrere med; bruk --as.", file=sys.stderr)
        return 2
    user_id, channel_id = seat
    return run_chat(core, user_id=user_id, channel_id=channel_id, interactive=sys.stdin.isatty())


def _verify(core: CorePort, *, wanted: str | None = None) -> int:
    """Every chain walked and replayed: the first entry that does not match named with its partition and
    time, and every record whose stored state is not what the chain produces. With a hash saved from a
    receipt, also whether it is still in a chain with everything up to it unchanged (exit 1 if not)."""
    from bot.i18n import _
    from bot.state.integrity import broken_lines, saved_hash_line

    check = core.check_history()  # the same walk as serve's start-up check, through the port
    reports = check.reports if check is not None else []
    broken = [report for report in reports if not report.ok]
    for report in reports:
        if report.ok and report.legacy:
            print(
                _("{partition}: kjeden starter ved oppføring {index} (eldre oppføringer uten hash)").format(
                    partition=report.partition, index=report.legacy
                )
            )
        if report.ok and report.replayed_from is None:
            print(
                _(
                    "{partition}: lagret før historikken førte hva hver endring gjorde; neste endring tar det med."
                ).format(partition=report.partition)
            )
    for report in broken:
        for line in broken_lines(report):
            print(_("BRUTT {line}").format(line=line))
    entries = sum(report.entries for report in reports)
    found = True
    if wanted is not None and check is not None:
        found, line = saved_hash_line(check, wanted=wanted)
        print(line)
    if broken:
        print(
            _("{broken} av {count} historikker er brutt ({entries} oppføringer sjekket).").format(
                broken=len(broken), count=len(reports), entries=entries
            )
        )
        return 1
    print(
        _("Historikken er i orden: {count} partisjoner, {entries} oppføringer.").format(
            count=len(reports), entries=entries
        )
    )
    return 0 if found else 1


def _receipt(core: CorePort, *, region: str, year: int, as_json: bool) -> int:
    try:
        receipt = core.receipt(region=region, year=year)
    except UnknownRegion as unknown:
        print(f"Ukjent region «{unknown.name}».", file=sys.stderr)
        return 2
    print(receipt.to_json() if as_json else receipt.to_text())
    return 0


def _simulate(core: CorePort, *, start: date, end: date, region: str | None) -> int:
    """Every message a pass would post, day by day, as if each had gone out (the core's copy of the state)."""
    if end < start:
        print(f"--from ({start:%d.%m.%Y}) er etter --to ({end:%d.%m.%Y}). Bytt om datoene.", file=sys.stderr)
        return 2
    try:
        posts = core.simulate(start=start, end=end, region=region)
    except UnknownRegion as unknown:
        names = ", ".join(unknown.known)
        print(f"Ukjent region «{unknown.name}». Bruk navnet eller nøkkelen, f.eks. {names}.", file=sys.stderr)
        return 2
    messages = reminders = 0
    for post in posts:
        at, digest = post.at, post.digest
        messages += 1
        reminders += len(digest.reminders)
        where = f"{digest.to.platform}:{digest.to.channel_id}"
        print(f"{at:%Y-%m-%d} {WEEKDAYS[at.weekday()]} {at:%H:%M}  {where:<34} {_holds(digest)}")
    print(f"{messages} meldinger med {reminders} påminnelser.")
    return 0


WEEKDAYS = ("man", "tir", "ons", "tor", "fre", "lør", "søn")


def _holds(digest: Digest) -> str:
    """What a message holds, on one line: the overview if any, then each group of reminders by label. A
    reminder's line carries its item's state (`Fact.state`); the weekly overview's lines are about regions,
    not items, and carry none."""
    parts = ["ukeoversikt"] if digest.overview_id else []
    for section in digest.reply.sections:
        lines = [fact.label for fact in section.facts if fact.state is not None]
        if lines:
            parts.append(f"{section.title}: " + ", ".join(lines))
    return " | ".join(parts)


def _iso_datetime(text: str) -> datetime:
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"«{text}» er ikke et tidspunkt; skriv f.eks. 2027-02-01T09:00") from None


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"«{text}» er ikke en dato; skriv ÅÅÅÅ-MM-DD, f.eks. 2027-01-31") from None


async def _tick(core: CorePort) -> PassReport:
    """One pass: terminal channels print; Slack and Teams post when their credentials are set."""
    from adapters.terminal import PLATFORM, TerminalSender

    senders: dict[str, Sender] = {PLATFORM: TerminalSender()}
    if not any(os.environ.get(name) for name in PLATFORM_TOKENS):
        return await core.remind(senders=senders)
    from adapters.server import SENDERS, build_app

    app = build_app(core=core, scheduler=False)
    senders.update(app[SENDERS])
    try:
        return await core.remind(senders=senders)
    finally:  # the platforms' HTTP sessions, closed as `serve` closes them (else «Unclosed client session»)
        app.freeze()
        await app.cleanup()


if __name__ == "__main__":
    sys.exit(main())
