"""Checking the history chains at start-up and on demand (`python -m bot verify`), and saying so.

A broken chain never stops the bot (refusing to start would take the whole wheel down over one edited
file); it is logged for the operator, shown on /healthz, and posted to the national channels, where the
administrators bind channels and people.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from bot.chain import ChainReport
from bot.identity import Directory
from bot.messages import ChannelAddress, Reply, Visibility
from bot.replies import make_reply
from bot.state import StateStore

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


def broken_text(report: ChainReport) -> str:
    """One Norwegian line for a broken chain (the CLI and the admin's message)."""
    return (
        f"{report.partition}: oppføring {report.broken_at} ({report.broken_time}) stemmer ikke med kjeden – "
        "den er endret utenom boten."
    )


def admin_alert(check: HistoryCheck) -> Reply | None:
    if check.ok:
        return None
    lines = "; ".join(broken_text(report) for report in check.broken)
    return make_reply(
        title="Historikken er endret utenom boten",
        lead=f"Ved oppstart stemte ikke hash-kjeden i historikken: {lines} "
        "Driftsansvarlig bør sjekke lagringen (python -m bot verify) og hente fram sikkerhetskopien.",
        visibility=Visibility.CHANNEL,
    )


def admin_channels(directory: Directory) -> list[ChannelAddress]:
    """Where an administrator hears of it: the national channels (there are no admin-only channels)."""
    return [binding.address for binding in directory.bindings() if binding.context.kind == "national"]
