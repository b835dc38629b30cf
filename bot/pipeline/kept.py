"""Kept replies: a same-all-day read (`Command.same_all_day`) asked again is answered from
`bot.reply_cache` when what it read is unchanged, and a fresh answer to one is kept."""

from __future__ import annotations

from bot.clock import Clock
from bot.messages import Outcome
from bot.pipeline.job import Job, Next
from bot.reply_cache import Key, ReplyCache


class KeptReplies:
    def __init__(self, *, cache: ReplyCache, clock: Clock) -> None:
        self.cache = cache
        self._clock = clock

    def step(self, job: Job, call_next: Next) -> Outcome:
        kept_as = self._key(job)
        if kept_as is None:
            return call_next(job)
        try:
            kept = self.cache.get(kept_as)
        except Exception:  # a store fault: the request is answered as ever, and says what is wrong
            kept = None
        if kept is not None:
            return kept
        outcome = call_next(job)
        # (a request that ran over midnight is not kept under the day before)
        if not job.failed and kept_as.day == job.now.date():
            read = job.state.reads_alone()
            if read is not None:
                self.cache.put(kept_as, outcome, read=read)
        return outcome

    def _key(self, job: Job) -> Key | None:
        """What a repeat of this request is kept under, or None when it is not one to keep. The written
        form needs no place in it: it follows from the request and the state read."""
        parsed = job.parsed
        command = parsed.command
        if parsed.too_long or command is None or not command.same_all_day:
            return None
        return ReplyCache.key(
            parsed.request, text=parsed.request.text, command=command.name, today=self._clock.now().date()
        )
