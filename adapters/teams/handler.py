"""The Teams activity handler: which activity means what (a message, an edit, the bot added or removed, a
channel created or deleted), with the greeting when the bot is added. A message goes to the runtime
(`app.TeamsRuntime.run_turn`); everything the bot knows comes from the core."""

from __future__ import annotations

import logging
from http import HTTPStatus
from typing import TYPE_CHECKING, ClassVar

from botbuilder.core import InvokeResponse, TurnContext
from botbuilder.core.teams import TeamsActivityHandler
from botbuilder.schema import Activity, ChannelAccount
from botbuilder.schema.teams import ChannelInfo, TeamInfo
from msrest.serialization import Model

from bot.i18n import _, using
from bot.messages import Reply, Request

from .activities import reply_activity
from .connector import send_with_retry
from .conversations import is_personal
from .edits import edit_notice
from .translate import PLATFORM, channel_key, is_shared_channel, user_key

if TYPE_CHECKING:
    from bot.port import CorePort

    from .app import TeamsRuntime

logger = logging.getLogger(__name__)


class SamhandlingTeamsBot(TeamsActivityHandler):
    """Converts Teams activities; everything the bot knows comes from the core."""

    def __init__(self, *, runtime: TeamsRuntime) -> None:
        self._runtime = runtime

    async def on_message_activity(self, turn_context: TurnContext) -> None:
        await self._runtime.run_turn(turn_context)

    async def on_invoke_activity(self, turn_context: TurnContext) -> InvokeResponse | None:
        """An invoke the SDK has no handler for gets what Teams expects instead of 501 (walk 30 m2): our cards
        send Action.Submit (a message), so an `adaptiveCard/action` (Action.Execute) comes from elsewhere and
        is answered with one line the card shows; any other (a messaging extension's query, a task module)
        with 200 and nothing, and a log line."""
        response = await super().on_invoke_activity(turn_context)
        if response is None or response.status != HTTPStatus.NOT_IMPLEMENTED:
            return response
        activity = turn_context.activity
        logger.info("Teams: an invoke %r answered without running a command", str(activity.name or "")[:60])
        if activity.name != "adaptiveCard/action":
            return InvokeResponse(status=HTTPStatus.OK)
        asker = Request(  # who asked, for the written form only: nothing is run
            platform=PLATFORM,
            user_id=user_key(activity),
            channel_id=channel_key(activity.conversation.id if activity.conversation else ""),
            text="hjelp",
            locale=activity.locale if isinstance(activity.locale, str) else None,
        )
        lang = self._runtime.core.lang_for(asker)
        with using("nn" if lang == "nn" else "nb"):
            line = _("Denne knappen kan jeg ikke lese. Skriv kommandoen i en ny melding, f.eks. «@Samhandling neste».")
        return InvokeResponse(status=HTTPStatus.OK, body=_MessageAnswer(line))

    async def on_teams_message_edit(self, turn_context: TurnContext) -> None:
        notice = edit_notice(turn_context.activity, core=self._runtime.core)
        if notice is not None:
            await send_with_retry(turn_context, notice, policy=self._runtime.retry)

    async def on_conversation_update_activity(self, turn_context: TurnContext) -> None:
        # Any conversation update means the bot is in this conversation: a team (its General channel),
        # a group chat or a personal chat. Removal is handled below, after this.
        self._runtime.book.remember(turn_context.activity)
        _log_shared_channel_change(turn_context.activity)
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
        if not any(member.id == bot_id for member in members_added):
            where = channel_key(turn_context.activity.conversation.id)
            logger.info("Teams: %d member(s) joined %s", len(members_added), where)
        if any(member.id == bot_id for member in members_added):
            activity = turn_context.activity
            # Added again with the reference unchanged (a 403 marked it): the mark goes all the same.
            self._runtime.reachable(channel_key(activity.conversation.id))
            lang = channel_lang(self._runtime.core, activity)
            await send_with_retry(turn_context, welcome(activity, lang=lang), policy=self._runtime.retry)

    async def on_members_removed_activity(
        self, members_removed: list[ChannelAccount], turn_context: TurnContext
    ) -> None:
        activity = turn_context.activity
        bot_id = activity.recipient.id if activity.recipient else None
        for member in members_removed:
            self._runtime.members.forget(member.aad_object_id or member.id or "")
        if any(member.id == bot_id for member in members_removed):
            team = (activity.channel_data or {}).get("team") if isinstance(activity.channel_data, dict) else None
            # The bot disallowed in one shared channel leaves the rest of the host team where it was.
            if team and team.get("id") and not is_shared_channel(activity):
                self._runtime.book.forget_team(team["id"])
            self._runtime.book.forget(activity.conversation.id)
        else:
            logger.info("Teams: %d member(s) left %s", len(members_removed), channel_key(activity.conversation.id))

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


class _MessageAnswer(Model):
    """Teams' «message» answer to an Action.Execute, whose value is the text the card shows: the SDK's
    `AdaptiveCardInvokeResponse` types its value as an object and cannot serialize a text."""

    _attribute_map: ClassVar[dict[str, dict[str, str]]] = {
        "status_code": {"key": "statusCode", "type": "int"},
        "type": {"key": "type", "type": "str"},
        "value": {"key": "value", "type": "str"},
    }

    def __init__(self, text: str) -> None:
        super().__init__()
        self.status_code = 200
        self.type = "application/vnd.microsoft.activity.message"
        self.value = text


def _log_shared_channel_change(activity: Activity) -> None:
    """A shared channel shared with, or unshared from, another team (maybe of another tenant): its stored
    reference stays the host's channel, which is where reminders go, so this is only worth a log line."""
    channel_data = activity.channel_data if isinstance(activity.channel_data, dict) else {}
    event = channel_data.get("eventType")
    if event not in ("channelShared", "channelUnshared"):
        return
    teams = channel_data.get("sharedWithTeams" if event == "channelShared" else "unsharedFromTeams")
    teams = teams if isinstance(teams, list) else []
    names = ", ".join(
        f"{team.get('name') or team.get('id')} ({team.get('tenantId') or '?'})"
        for team in teams
        if isinstance(team, dict)
    )
    logger.info("Teams: %s %s with %s", channel_key(activity.conversation.id), event, names or "no team named")


def channel_lang(core: CorePort, activity: Activity) -> str:
    """The written form of the channel the bot was added to."""
    return core.channel_lang(
        platform=PLATFORM, channel_id=channel_key(activity.conversation.id if activity.conversation else "")
    )


def welcome(activity: Activity, *, lang: str = "nb") -> Activity:
    """The greeting when the bot is added, in the channel's written form; hints read «@Samhandling neste»
    where a mention is needed."""
    with using("nn" if lang == "nn" else "nb"):
        reply = Reply(
            title=_("Samhandlingsbot er lagt til"),
            text=_(
                "Hei! Jeg holder årshjulet for samhandlingen mellom fylkeskommunene og virkemiddelaktørene. "
                "Skriv «neste» for det som kommer, eller «hjelp» for alle kommandoer. "
                "En administrator kobler kanalen med «koble region <navn>»."
            ),
            lang=lang,
        )
    return reply_activity(reply, channel=activity.channel_id, personal=is_personal(activity))
