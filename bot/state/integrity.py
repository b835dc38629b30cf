"""Checking the history chains at start-up and on demand (`python -m bot verify`), and saying so.

A broken chain never stops the bot (refusing to start would take the whole wheel down over one edited
file); it is logged for the operator, shown on /healthz, and posted to the national channels, where the
administrators bind channels and people.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from bot.i18n import _
from bot.messages import ChannelAddress, Reply, Visibility
from bot.model.identity import Directory
from bot.state.chain import ChainReport
from bot.state.replay import Difference
from bot.state.store import StateStore

logger = logging.getLogger(__name__)


@dataclass
class HistoryCheck:
    """The latest result of walking every chain, as /healthz shows it."""

    reports: list[ChainReport] = field(default_factory=list)
    checked: bool = False

    @property
    def broken(self) -> list[ChainReport]:
        return [report for report in self.reports if not report.ok]

    @property
    def ok(self) -> bool:
        return not self.broken

    def as_json(self) -> dict[str, object]:
        return {
            "checked": self.checked,
            "ok": self.ok,
            "partitions": len(self.reports),
            "entries": sum(report.entries for report in self.reports),
            "broken": [report.describe() for report in self.broken],
        }


def check_history(state: StateStore) -> HistoryCheck:
    """Walk every chain; log each broken one for the operator (English, naming partition, entry and time)."""
    check = HistoryCheck(reports=state.verify_all(), checked=True)
    for report in check.broken:
        logger.error("history chain broken: %s; run `python -m bot verify`", report.describe())
    if check.ok:
        logger.info("history chains verified: %d partitions", len(check.reports))
    return check


def saved_hash_line(check: HistoryCheck, *, wanted: str) -> tuple[bool, str]:
    """Whether a hash saved earlier (a receipt's «Siste hash») is still an entry of some chain with
    everything up to it unchanged, and the line that says so (walk 19 F3: `verify` could not tell honest
    growth from a rewritten chain). A rewritten or shortened history has lost it: not found."""
    for report in check.reports:
        index = report.position(wanted)
        if index is not None:
            return True, _(
                "{hash} er oppføring {n} av {total} i {partition}, og historikken fram til den er uendret."
            ).format(hash=wanted.strip().lower()[:12], n=index + 1, total=report.entries, partition=report.partition)
    return False, _(
        "{hash} finnes ikke i noen kjede: historikken den ble tatt fra er endret eller slettet (eller hashen er "
        "skrevet av feil; skriv minst de 12 første tegnene)."
    ).format(hash=wanted.strip()[:64])


def broken_lines(report: ChainReport) -> list[str]:
    """Norwegian lines for a partition that does not verify (the CLI and the admin's message): the first
    entry that breaks the chain, then every record whose stored state is not what the chain produces."""
    lines = []
    if not report.links_ok:
        lines.append(
            _("{partition}: oppføring {index} ({at}) stemmer ikke med kjeden – den er endret utenom boten.").format(
                partition=report.partition, index=report.broken_at, at=report.broken_time
            )
        )
    lines += [difference_text(report.partition, difference) for difference in report.differences]
    return lines


def difference_text(partition: str, difference: Difference) -> str:
    """One record that is not what the history produces, by partition, table and key (and fields)."""
    record = f"{partition}: «{difference.table}/{difference.key}»"
    fields = ", ".join(difference.fields)
    if difference.problem == "added":
        return _("{record} er lagret, men ingen oppføring i historikken la den inn.").format(record=record)
    if difference.problem == "removed":
        return _("{record} skulle finnes etter historikken, men er ikke lagret.").format(record=record)
    if difference.problem == "before":
        return _("{record} ble endret utenom boten før oppføring {index} (felt: {fields}).").format(
            record=record, index=difference.entry, fields=fields or "–"
        )
    return _("{record} er ikke slik historikken gir den – endret utenom boten (felt: {fields}).").format(
        record=record, fields=fields or "–"
    )


def admin_alert(check: HistoryCheck) -> Reply | None:
    if check.ok:
        return None
    from bot.shown.replies import make_reply  # only for a broken chain: not part of every start-up

    lines = " ".join(line for report in check.broken for line in broken_lines(report))
    return make_reply(
        title=_("Historikken er endret utenom boten"),
        lead=_(
            "Ved oppstart stemte ikke historikken med det som er lagret: {lines} Driftsansvarlig bør sjekke "
            "lagringen (python -m bot verify) og hente fram sikkerhetskopien."
        ).format(lines=lines),
        visibility=Visibility.CHANNEL,
    )


def admin_channels(directory: Directory) -> list[ChannelAddress]:
    """Where an administrator hears of it: the national channels (there are no admin-only channels)."""
    return [binding.address for binding in directory.bindings() if binding.context.kind == "national"]
