"""One reminder pass: ask the planner what is due, post it, and only then write the once-only ledger."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Protocol

from bot.messages import ChannelAddress, Outcome, Reply

if TYPE_CHECKING:
    from bot.core import Core

logger = logging.getLogger(__name__)


class SendFailed(Exception):
    """The platform did not accept a post (after the sender's own retries). The reminder stays due."""


class Sender(Protocol):
    platform: str

    async def send(self, *, channel_id: str, reply: Reply) -> None: ...


@dataclass
class PassReport:
    sent: int = 0
    failed: int = 0
    late: int = 0
    no_sender: int = 0
    ids: list[str] = field(default_factory=list)


async def run_pass(*, core: Core, senders: Mapping[str, Sender], now: datetime | None = None) -> PassReport:
    """Post every due reminder once. A failed post is not recorded, so the next pass tries it again."""
    at = now or core.clock.now()
    report = PassReport()
    for reminder in core.planner.due(now=at):
        sender = senders.get(reminder.to.platform)
        if sender is None:
            report.no_sender += 1
            continue
        try:
            await sender.send(channel_id=reminder.to.channel_id, reply=reminder.reply)
        except SendFailed as exc:
            report.failed += 1
            logger.warning("reminder %s not posted, will retry on the next pass: %s", reminder.id, exc)
            continue
        core.state.record_sent(
            partition=reminder.partition,
            reminder_id=reminder.id,
            entry={
                "sent_at": core.clock.now().isoformat(),
                "late": reminder.late,
                "platform": reminder.to.platform,
                "channel": reminder.to.channel_id,
                "occurrence": reminder.occurrence.name,
            },
        )
        report.sent += 1
        report.late += reminder.late
        report.ids.append(reminder.id)
    if report.sent or report.failed:
        logger.info("reminder pass: %d sent (%d late), %d failed", report.sent, report.late, report.failed)
    return report


async def deliver_announcements(
    outcome: Outcome, *, senders: Mapping[str, Sender], already_shown: ChannelAddress | None = None
) -> None:
    """Post an outcome's announcements through each platform's sender (Slack's, Teams' …), so a signature
    made in one platform is announced in the others. `already_shown`: the channel that got the reply."""
    for announcement in outcome.announcements:
        to = announcement.to
        if to == already_shown:
            continue
        sender = senders.get(to.platform)
        if sender is None:  # e.g. the terminal, which has nowhere to post from a server
            logger.debug("no sender for platform %s; announcement to %s skipped", to.platform, to.channel_id)
            continue
        try:
            await sender.send(channel_id=to.channel_id, reply=announcement.reply)
        except SendFailed as exc:
            logger.warning("announcement to %s:%s failed: %s", to.platform, to.channel_id, exc)
