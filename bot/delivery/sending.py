"""What a platform's sender promises the core (`Sender`), and how a post can fail.

A post is identified by a `key` (an outbox row, a digest), so a platform that can find a message again
(Slack: the key in the message's metadata) can answer "was it posted?" after a lost answer instead of
posting again. Where it cannot (Teams), the core marks a post before trying it, and a post that may have
gone is not tried again but said once (`SendUncertain`).
"""

from __future__ import annotations

from typing import Protocol

from bot.messages import Reply


class SendFailed(Exception):
    """The platform did not accept a post (after the sender's own retries). It stays due."""


class SendTimedOut(SendFailed):
    """No answer in time: the post may have gone. It is looked up before it is tried again."""


class SendUncertain(SendFailed):
    """The post may have gone and the platform cannot tell: it is not tried again, and said once."""


class SendHeld(SendFailed):
    """The platform refuses every post now, whichever the channel (the bot's own credentials: a revoked
    token, a missing scope; or it is down): an announcement waits, without counting a try, so an outage or
    a revoked token longer than its tries never gives it up; it goes once a post is accepted."""


class SendHeldUnsure(SendTimedOut, SendHeld):
    """Held, and a try may have gone (the platform down after it may have taken the post): looked up first,
    as any `SendTimedOut`."""


class Undeliverable(SendFailed):
    """The post can never go as things are (a Teams channel without a conversation reference, a Slack
    channel that does not exist): not tried again, and said once."""


class Sender(Protocol):
    platform: str
    looks_up: bool
    """True when `send(maybe_posted=True)` can find an earlier post by its key (Slack), so no mark is
    written before a post; False where it cannot (Teams), so the core marks the post first."""

    async def send(self, *, channel_id: str, reply: Reply, key: str | None = None, maybe_posted: bool = False) -> None:
        """Post `reply` once. `key` names the post; with `maybe_posted`, an earlier try may have gone:
        look for it first (and return if found), or raise `SendUncertain` where that cannot be known."""
        ...
