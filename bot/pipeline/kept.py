"""Kept replies: a same-all-day read (`Command.same_all_day`) asked again is answered from
`bot.reply_cache` when what it read is unchanged, and a fresh answer to one is kept.

Asked again by the same person, the reply is found by the request alone. Asked by someone else, it is
found by what of them it may depend on (`SharedKey`: their party, role and written form), once a reply
made for someone of that part read nothing more of its asker (`bot.pipeline.personal`)."""

from __future__ import annotations

from dataclasses import replace

from bot.clock import Clock
from bot.messages import Outcome
from bot.pipeline.job import Job, Next
from bot.pipeline.language import written_form
from bot.pipeline.personal import Watch, watched
from bot.reply_cache import Key, ReplyCache, SharedKey


class KeptReplies:
    def __init__(self, *, cache: ReplyCache, clock: Clock) -> None:
        self.cache = cache
        self._clock = clock

    def step(self, job: Job, call_next: Next) -> Outcome:
        kept_as = self._key(job)
        if kept_as is None:
            return call_next(job)
        # The kept replies' checks and the answer worked out after a miss read the same partitions (AU's
        # `neste` ~50): each is looked at once (`Store.one_look`), so a miss costs one look, not two or three.
        with self.cache.one_look():
            return self._kept_or_answered(job, call_next, kept_as)

    def _kept_or_answered(self, job: Job, call_next: Next, kept_as: Key) -> Outcome:
        try:
            kept = self.cache.get(kept_as)
        except Exception:  # a store fault: the request is answered as ever, and says what is wrong
            return self._answer(job, call_next, kept_as, shared=None)
        if kept is not None:
            return kept
        watch = job.watch = Watch()  # the handler's caller and request note what of the person they read
        try:
            shared = self._shared_key(job, kept_as)
            kept = self.cache.get_shared(shared)
        except Exception:  # as above; the steps after this one tell the person what is wrong
            return self._answer(job, call_next, kept_as, shared=None)
        if kept is not None:
            self.cache.keep_own(kept_as, kept, shared=shared)
            return kept
        job.parsed = replace(job.parsed, request=watched(job.parsed.request, watch=watch))
        return self._answer(job, call_next, kept_as, shared=shared)  # the handler's reads are watched (dispatch)

    def _answer(self, job: Job, call_next: Next, kept_as: Key, *, shared: SharedKey | None) -> Outcome:
        """The reply worked out, kept under `kept_as`, and under `shared` when its making read nothing of
        the person (`job.watch`)."""
        outcome = call_next(job)
        # (a request that ran over midnight is not kept under the day before)
        if not job.failed and kept_as.day == job.now.date():
            read = job.state.reads_alone()
            if read is not None:
                personal = job.watch is None or job.watch.seen
                self.cache.put(kept_as, outcome, read=read, shared=None if personal else shared)
        return outcome

    def _key(self, job: Job) -> Key | None:
        """What a repeat of this request is kept under, or None when it is not one to keep. The written
        form needs no place of its own in it: it follows from the request (its client's locale too, which
        the key names) and the state read."""
        parsed = job.parsed
        command = parsed.command
        if parsed.too_long or command is None or not command.same_all_day:
            return None
        return ReplyCache.key(
            parsed.request, text=parsed.request.text, command=command.name, today=self._clock.now().date()
        )

    @staticmethod
    def _shared_key(job: Job, kept_as: Key) -> SharedKey:
        """The key for everyone of the asker's part. Resolving the caller and the written form reads the
        person's own bindings; what they give is in the key. The steps between this one and the handler
        make of the person only what is in the key too (the written form, a permission by role, the
        channel's binding), or fail, and a failure is never kept; so only the handler is watched."""
        caller = job.caller
        return ReplyCache.shared_key(
            kept_as,
            personal=job.parsed.request.personal,
            party=caller.party,
            role=caller.role,
            lang=written_form(job),
        )
