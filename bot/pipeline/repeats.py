"""Repeated delivery, checked once for every platform: a Slack retry of an event, a replayed slash command,
a Teams redelivery of an activity or a double click is answered once by this process.

This is the in-memory check on the platform's delivery id (`Request.delivery`); what makes a write happen
once across processes and restarts is the request id in the history (`StateStore.change`, AlreadyApplied).
"""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from collections.abc import Callable

from bot.messages import Outcome, Reply, Request, Visibility
from bot.pipeline.job import Job, Next

logger = logging.getLogger(__name__)

REMEMBER = 4096
"""Delivery ids kept (oldest out first): far more than a platform redelivers within its retry window."""

REPEATED = Outcome(reply=Reply(title="", text=""), repeated=True)
"""What a redelivery gets: nothing to show and nothing to announce."""


class Deliveries:
    def __init__(self, *, remember: int = REMEMBER) -> None:
        self._seen: OrderedDict[str, None] = OrderedDict()
        self._remember = remember
        self._lock = threading.Lock()

    def once(self, request: Request, answer: Callable[[], Outcome]) -> Outcome:
        """`answer()` for the first delivery of `request`, `REPEATED` for a redelivery of it."""
        delivery = request.delivery
        if delivery is None:
            return answer()
        with self._lock:
            if delivery.id in self._seen:
                self._seen.move_to_end(delivery.id)
                logger.info("ignored a redelivery (%s)", delivery.id)
                return REPEATED
            self._seen[delivery.id] = None
            while len(self._seen) > self._remember:
                self._seen.popitem(last=False)
        outcome = answer()
        if delivery.again_unless_recorded and not _recorded(outcome):
            with self._lock:  # nothing recorded: a second click or a corrected form may simply ask again
                self._seen.pop(delivery.id, None)
        return outcome

    def step(self, job: Job, call_next: Next) -> Outcome:
        request = job.parsed.request
        if request.delivery is None:
            return call_next(job)
        return self.once(request, lambda: call_next(job))


def _recorded(outcome: Outcome) -> bool:
    reply = outcome.reply
    return reply.ok and reply.visibility == Visibility.CHANNEL
