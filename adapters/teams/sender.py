"""The reminder `Sender` for Teams: posts from a stored conversation reference, and says honestly when a
post could not go, cannot go again, or may have gone (the connector cannot look a post up)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

from botbuilder.core import TurnContext
from botbuilder.schema import Activity, ConversationReference

from bot.delivery.sending import SendFailed, SendHeld, SendTimedOut, SendUncertain, Undeliverable
from bot.messages import Reply

from .activities import reply_activity
from .connector import ConnectorAnswerLost, ConnectorRejected, send_with_retry
from .conversations import is_personal
from .translate import PLATFORM, channel_key

if TYPE_CHECKING:
    from .app import TeamsRuntime

GONE_STATUSES = frozenset({403, 404})
"""What the connector answers a post to a conversation the bot is no longer in, or that is gone."""
REFUSED_STATUSES = frozenset({401, 429})
"""What the connector answers when it refuses the bot itself (its app credentials; its throttling),
whichever the channel: the post waits (`SendHeld`), no try counted, until the operator mends the credentials
or the connector takes posts again; as do its 5xx and no connection at all, past the retries."""


class SenderLike(Protocol):
    platform: str
    looks_up: bool

    async def send(
        self, *, channel_id: str, reply: Reply, key: str | None = None, maybe_posted: bool = False
    ) -> None: ...


class TeamsSender:
    """The reminder `Sender` for Teams: posts a card to a stored conversation via continue_conversation.

    Raises `Undeliverable` when there is no stored reference, or the connector answers 403/404 (the
    core marks the channel unreachable, `bot.delivery.targets`, and says so once), and
    `SendFailed` when the connector did not accept the post after the retries, so the caller never marks
    such a reminder as sent. The connector cannot find a post again, so a post that may have gone
    (`maybe_posted`) is not repeated: `SendUncertain`.
    """

    platform = PLATFORM
    looks_up = False

    def __init__(self, *, runtime: TeamsRuntime) -> None:
        self._runtime = runtime

    async def send(self, *, channel_id: str, reply: Reply, key: str | None = None, maybe_posted: bool = False) -> None:
        runtime = self._runtime
        reference: ConversationReference | None = runtime.book.reference(channel_id)
        if reference is None:
            raise Undeliverable(f"no Teams conversation reference for {channel_key(channel_id)}; add the bot there")
        if maybe_posted:
            raise SendUncertain(f"a post to {channel_key(channel_id)} may have gone before; Teams cannot tell")
        failure: list[BaseException] = []

        async def post(turn_context: TurnContext) -> None:
            turn_context.on_send_activities(_new_post)
            try:
                await send_with_retry(
                    turn_context,
                    reply_activity(reply, channel=reference.channel_id, personal=is_personal(reference)),
                    policy=runtime.retry,
                    resend_unsure=False,  # a second try after a lost answer could post it twice
                )
            except Exception as error:
                failure.append(error)

        try:
            await runtime.adapter.continue_conversation(reference, post, bot_app_id=runtime.settings.app_id or None)
        except Exception as error:
            raise SendFailed(f"Teams post to {channel_id} failed: {error}") from error
        if failure:
            error = failure[0]
            if isinstance(error, ConnectorAnswerLost):  # the core marked it first: never posted again blindly
                raise SendTimedOut(f"Teams post to {channel_key(channel_id)}: {error}") from error
            if isinstance(error, ConnectorRejected) and error.status in GONE_STATUSES:
                # removed from the team, the channel deleted, the bot blocked: no retry will help
                raise Undeliverable(f"Teams post to {channel_key(channel_id)} refused for good: {error}") from error
            if isinstance(error, ConnectorRejected) and _held(error.status):
                raise SendHeld(f"Teams post to {channel_key(channel_id)} waits: {error}") from error
            raise SendFailed(f"Teams post to {channel_id} failed: {error}") from error


async def _new_post(turn_context: TurnContext, activities: list[Activity], next_send: Any) -> Any:
    # A continuation turn carries a made-up activity id; without this the SDK would "reply" to it.
    for activity in activities:
        activity.reply_to_id = None
    return await next_send()


def _held(status: int | None) -> bool:
    """Whether the connector's refusal is of every post now, not this one (`REFUSED_STATUSES`, 5xx, none)."""
    return status is None or status >= 500 or status in REFUSED_STATUSES
