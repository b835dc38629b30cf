"""The Teams runtime: POST /api/messages through botbuilder's CloudAdapter, the activity handler that
hands requests to the core, and the reminder `Sender` that posts from stored conversation references.

Composition, not inheritance: the core is handed in; this module only translates (``translate``,
``cards``) and delivers (``connector``). One ``TeamsRuntime`` per process, shared by the HTTP route and
the reminder scheduler, so both reuse the same cached connector clients.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import MutableMapping
from dataclasses import replace
from typing import Any, Protocol

from aiohttp import web
from botbuilder.core import TurnContext
from botbuilder.core.teams import TeamsActivityHandler
from botbuilder.integration.aiohttp import CloudAdapter, ConfigurationBotFrameworkAuthentication
from botbuilder.schema import Activity, ActivityTypes, Attachment, ChannelAccount, ConversationReference
from botbuilder.schema.teams import ChannelInfo, TeamInfo
from jwt import PyJWTError

from bot.messages import ChannelAddress, Outcome, Reply
from bot.reminders import SendFailed, deliver_announcements

from .cards import CARD_CONTENT_TYPE, render_card
from .connector import CachingBotFrameworkAuthentication, ConnectorRejected, RetryPolicy, send_with_retry
from .conversations import ConversationBook
from .files import read_files, shared_files
from .settings import TeamsSettings
from .translate import PLATFORM, channel_key, to_request

logger = logging.getLogger(__name__)

SEEN_LIMIT = 2048
CARD_CHANNELS = frozenset({"msteams", "emulator", "webchat", "directline"})
"""Channels that render Adaptive Cards; anything else gets the reply's plain text."""


class CoreLike(Protocol):
    store: Any

    def handle(self, request: Any) -> Outcome: ...


class SenderLike(Protocol):
    platform: str

    async def send(self, *, channel_id: str, reply: Reply) -> None: ...


def reply_activity(reply: Reply, *, channel: str | None) -> Activity:
    """A message activity for a reply: an Adaptive Card where the client can show one, else text."""
    if channel not in CARD_CHANNELS:
        return Activity(type=ActivityTypes.message, text=reply.text, text_format="plain")
    return Activity(
        type=ActivityTypes.message,
        summary=reply.title,  # the notification / chat-list preview
        attachments=[Attachment(content_type=CARD_CONTENT_TYPE, content=render_card(reply))],
    )


class _AuthConfig:
    """The attribute bag `ConfigurationBotFrameworkAuthentication` reads its settings from."""

    def __init__(self, settings: TeamsSettings) -> None:
        self.APP_ID = settings.app_id or None
        self.APP_PASSWORD = settings.app_password or None
        if settings.app_id:
            self.APP_TYPE = "SingleTenant"
            self.APP_TENANTID = settings.tenant_id


class TeamsRuntime:
    def __init__(
        self,
        *,
        core: CoreLike,
        settings: TeamsSettings,
        retry: RetryPolicy | None = None,
        senders: MutableMapping[str, SenderLike] | None = None,
    ) -> None:
        self.core = core
        self.settings = settings
        self.retry = retry or RetryPolicy()
        self.auth = CachingBotFrameworkAuthentication(ConfigurationBotFrameworkAuthentication(_AuthConfig(settings)))
        self.adapter = CloudAdapter(self.auth)
        self.adapter.on_turn_error = self._on_turn_error
        self.book = ConversationBook(store=core.store)
        self.bot = SamhandlingTeamsBot(runtime=self)
        self.sender = TeamsSender(runtime=self)
        self.senders: MutableMapping[str, SenderLike] = senders if senders is not None else {}
        self.senders[PLATFORM] = self.sender
        self._seen: OrderedDict[str, None] = OrderedDict()

    async def handle_http(self, request: web.Request) -> web.StreamResponse:
        if "application/json" not in request.headers.get("Content-Type", ""):
            raise web.HTTPUnsupportedMediaType()
        try:
            response = await self.adapter.process(request, self.bot)
        except PyJWTError as error:
            # The SDK maps a rejected token to 401 but lets an undecodable one escape as a 500.
            logger.warning("Teams: rejected a request with a malformed token: %s", error)
            raise web.HTTPUnauthorized() from error
        return response or web.Response(status=201)

    async def run_turn(self, turn_context: TurnContext) -> None:
        """One message or card submit: core, reply in the conversation, then the announcements."""
        activity = turn_context.activity
        self.book.remember(activity)
        if not self._first_delivery(activity.id):
            logger.info("Teams redelivered activity %s; already handled", activity.id)
            return
        request = to_request(activity)
        if request is None:
            return
        if shared_files(activity):
            request = replace(request, attachments=await read_files(activity))
        outcome = self.core.handle(request)
        await send_with_retry(
            turn_context, reply_activity(outcome.reply, channel=activity.channel_id), policy=self.retry
        )
        await self.announce(outcome, origin=request.channel_id if request.platform == PLATFORM else None)

    def _first_delivery(self, activity_id: str | None) -> bool:
        """The channel redelivers an activity it thinks timed out; the same id must not answer twice.
        (A second click on a card is a new activity; the core's request id handles that one.)"""
        if not activity_id:
            return True
        if activity_id in self._seen:
            return False
        self._seen[activity_id] = None
        if len(self._seen) > SEEN_LIMIT:
            self._seen.popitem(last=False)
        return True

    async def announce(self, outcome: Outcome, *, origin: str | None) -> None:
        here = ChannelAddress(platform=PLATFORM, channel_id=origin) if origin else None
        await deliver_announcements(outcome, senders=self.senders, already_shown=here, core=self.core)

    async def _on_turn_error(self, turn_context: TurnContext, error: Exception) -> None:
        # Answer 201 after logging: the core is idempotent per request id, and a 500 would make the
        # channel show a generic failure without our Norwegian message.
        logger.exception("Teams turn failed", exc_info=error)
        if isinstance(error, ConnectorRejected):
            return
        try:
            await turn_context.send_activity("Beklager, noe gikk galt. Prøv igjen om litt.")
        except Exception:
            logger.warning("Could not tell the user about the failure", exc_info=True)


class SamhandlingTeamsBot(TeamsActivityHandler):
    """Converts Teams activities; everything the bot knows comes from the core."""

    def __init__(self, *, runtime: TeamsRuntime) -> None:
        self._runtime = runtime

    async def on_message_activity(self, turn_context: TurnContext) -> None:
        await self._runtime.run_turn(turn_context)

    async def on_conversation_update_activity(self, turn_context: TurnContext) -> None:
        # Any conversation update means the bot is in this conversation: a team (its General channel),
        # a group chat or a personal chat. Removal is handled below, after this.
        self._runtime.book.remember(turn_context.activity)
        await super().on_conversation_update_activity(turn_context)

    async def on_installation_update_add(self, turn_context: TurnContext) -> None:
        self._runtime.book.remember(turn_context.activity)

    async def on_installation_update_remove(self, turn_context: TurnContext) -> None:
        self._runtime.book.forget(turn_context.activity.conversation.id)

    async def on_teams_members_added_dispatch(
        self, members_added: list[ChannelAccount], team_info: TeamInfo, turn_context: TurnContext
    ) -> None:
        # The SDK's version fetches every added person from the connector; we only care about ourselves.
        await self.on_members_added_activity(members_added, turn_context)

    async def on_members_added_activity(self, members_added: list[ChannelAccount], turn_context: TurnContext) -> None:
        bot_id = turn_context.activity.recipient.id if turn_context.activity.recipient else None
        if any(member.id == bot_id for member in members_added):
            await send_with_retry(turn_context, _welcome(turn_context.activity), policy=self._runtime.retry)

    async def on_members_removed_activity(
        self, members_removed: list[ChannelAccount], turn_context: TurnContext
    ) -> None:
        activity = turn_context.activity
        bot_id = activity.recipient.id if activity.recipient else None
        if any(member.id == bot_id for member in members_removed):
            team = (activity.channel_data or {}).get("team") if isinstance(activity.channel_data, dict) else None
            if team and team.get("id"):
                self._runtime.book.forget_team(team["id"])
            self._runtime.book.forget(activity.conversation.id)

    async def on_teams_channel_created(
        self, channel_info: ChannelInfo, team_info: TeamInfo, turn_context: TurnContext
    ) -> None:
        if channel_info and channel_info.id:
            self._runtime.book.remember(turn_context.activity, conversation_id=channel_info.id)

    async def on_teams_channel_deleted(
        self, channel_info: ChannelInfo, team_info: TeamInfo, turn_context: TurnContext
    ) -> None:
        if channel_info and channel_info.id:
            self._runtime.book.forget(channel_info.id)


def _welcome(activity: Activity) -> Activity:
    where = "@Samhandling" if (activity.conversation and activity.conversation.conversation_type == "channel") else ""
    prefix = f"{where} " if where else ""
    reply = Reply(
        title="Samhandlingsbot er lagt til",
        text=(
            "Hei! Jeg holder årshjulet for samhandlingen mellom fylkeskommunene og virkemiddelaktørene. "
            f"Skriv «{prefix}neste» for det som kommer, eller «{prefix}hjelp» for alle kommandoer. "
            f"En administrator kobler kanalen med «{prefix}koble region <navn>»."
        ),
    )
    return reply_activity(reply, channel=activity.channel_id)


class TeamsSender:
    """The reminder `Sender` for Teams: posts a card to a stored conversation via continue_conversation.

    Raises `SendFailed` when there is no stored reference or the connector did not accept the post after
    the retries, so the caller never marks such a reminder as sent.
    """

    platform = PLATFORM

    def __init__(self, *, runtime: TeamsRuntime) -> None:
        self._runtime = runtime

    async def send(self, *, channel_id: str, reply: Reply) -> None:
        runtime = self._runtime
        reference: ConversationReference | None = runtime.book.reference(channel_id)
        if reference is None:
            raise SendFailed(f"no Teams conversation reference for {channel_key(channel_id)}; add the bot there")
        failure: list[BaseException] = []

        async def post(turn_context: TurnContext) -> None:
            turn_context.on_send_activities(_new_post)
            try:
                await send_with_retry(
                    turn_context, reply_activity(reply, channel=reference.channel_id), policy=runtime.retry
                )
            except Exception as error:
                failure.append(error)

        try:
            await runtime.adapter.continue_conversation(reference, post, bot_app_id=runtime.settings.app_id or None)
        except Exception as error:
            raise SendFailed(f"Teams post to {channel_id} failed: {error}") from error
        if failure:
            raise SendFailed(f"Teams post to {channel_id} failed: {failure[0]}") from failure[0]


async def _new_post(turn_context: TurnContext, activities: list[Activity], next_send: Any) -> Any:
    # A continuation turn carries a made-up activity id; without this the SDK would "reply" to it.
    for activity in activities:
        activity.reply_to_id = None
    return await next_send()


def create_runtime(
    *,
    core: CoreLike,
    settings: TeamsSettings,
    senders: MutableMapping[str, SenderLike] | None = None,
    retry: RetryPolicy | None = None,
) -> TeamsRuntime:
    """The runtime alone (tests, bench); `adapters.teams.mount_teams` is what the server calls."""
    return TeamsRuntime(core=core, settings=settings, retry=retry, senders=senders)
