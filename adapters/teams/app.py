"""The Teams runtime: POST /api/messages through botbuilder's CloudAdapter and the activity handler that
hands requests to the core (the reminder `Sender` is `sender.TeamsSender`, replies as activities `activities`).

Composition, not inheritance: the core is handed in; this module only translates (``translate``,
``cards``) and delivers (``connector``). One ``TeamsRuntime`` per process, shared by the HTTP route and
the reminder scheduler, so both reuse the same cached connector clients.
"""

from __future__ import annotations

import json
import logging
from collections.abc import MutableMapping
from dataclasses import replace
from datetime import datetime
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from aiohttp import web
from botbuilder.core import TurnContext
from botbuilder.integration.aiohttp import CloudAdapter, ConfigurationBotFrameworkAuthentication
from botbuilder.schema import Activity, ActivityTypes
from jwt import PyJWTError

from adapters import offload
from adapters.request_guard import answer_and_close, read_whole, request_label
from bot.delivery.sending import SendFailed
from bot.i18n import _, using
from bot.messages import ChannelAddress, Outcome, Reply, Request
from storage.base import StoreError

from .activities import card_activity, reply_activity
from .auth import CHANNEL_METADATA_URL, TokenGate, TokenRefused
from .cards import parse_submit, render_card, submit_keeps, submit_origin
from .connector import (
    CachingBotFrameworkAuthentication,
    ConnectorRejected,
    RetryPolicy,
    send_with_retry,
    update_with_retry,
    with_retry,
)
from .conversations import ConversationBook, is_personal
from .files import read_files, shared_files
from .fit import cut_notice
from .handler import SamhandlingTeamsBot, channel_lang
from .hints import for_teams, prefix_for
from .markdown import escape
from .members import MemberTenants, TeamsIds
from .prebuilt import send_prebuilt
from .sender import SenderLike, TeamsSender
from .settings import TeamsSettings
from .shape import activity_problem
from .submits import submit_refusal
from .translate import PLATFORM, to_request

if TYPE_CHECKING:
    from bot.port import CorePort

logger = logging.getLogger(__name__)


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
        core: CorePort,
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
        self.book = ConversationBook(store=core.adapter_store(), on_new=self.reachable)
        self.members = MemberTenants()
        self.teams_ids = TeamsIds()
        self.bot = SamhandlingTeamsBot(runtime=self)
        self.sender = TeamsSender(runtime=self)
        self.senders: MutableMapping[str, SenderLike] = senders if senders is not None else {}
        self.senders[PLATFORM] = self.sender
        self.gate: TokenGate | None = None
        if settings.auth_enabled:
            self.gate = TokenGate(
                app_id=settings.app_id,
                metadata_url=settings.openid_metadata_url or CHANNEL_METADATA_URL,
                timeout=settings.key_timeout,
            )
            self.gate.install_key_cache()

    async def handle_http(self, request: web.Request) -> web.StreamResponse:
        """Token first (from the header alone), then the body and its shape (`shape.activity_problem`),
        then the SDK. Refusals are one log line (method, path, size and reason, never the body or the
        token) and a bare answer, not an exception, so the server's middleware adds no second line."""
        if self.gate is not None:
            try:
                await self.gate.check(request.headers.get("Authorization", ""))
            except TokenRefused as refused:
                _log_refusal(request, reason=str(refused))
                return web.Response(status=401, text="unauthorized")
        if request.content_type != "application/json":
            _log_refusal(request, reason="content type is not JSON")
            return web.Response(status=415, text="unsupported media type")
        raw = await read_whole(request)
        if raw is None:
            _log_refusal(request, reason="body over cap")
            return await answer_and_close(request, web.Response(status=413, text="request too large"))
        try:
            body = json.loads(raw)
        except (ValueError, UnicodeDecodeError, RecursionError):  # RecursionError: nested past the stack
            _log_refusal(request, reason="body is not JSON")
            return web.Response(status=400, text="bad request")
        problem = activity_problem(body)
        if problem:
            _log_refusal(request, reason=problem)
            return web.Response(status=400, text="bad request")
        try:
            response = await self.adapter.process(request, self.bot)
        except (PermissionError, PyJWTError) as error:
            _log_refusal(request, reason=f"SDK refused the token ({type(error).__name__})")
            return web.Response(status=401, text="unauthorized")
        except web.HTTPUnauthorized:
            _log_refusal(request, reason="SDK refused the token")
            return web.Response(status=401, text="unauthorized")
        except web.HTTPException:
            raise
        except Exception as error:  # the SDK failing on what it was sent, before any turn ran
            _log_refusal(request, reason=f"SDK could not process the request ({type(error).__name__})")
            return web.Response(status=400, text="bad request")
        return response or web.Response(status=201)

    async def run_turn(self, turn_context: TurnContext) -> None:
        """One message or card submit: core, reply in the conversation, then the announcements."""
        activity = turn_context.activity
        await offload.call(self._remember, activity)
        self.teams_ids.learn(activity)
        refused = submit_refusal(activity, core=self.core)
        if refused is not None:  # a submit no card of ours sends: nothing reaches the core
            await self._reply(turn_context, refused, origin=None)
            return
        request = to_request(activity, known=self.teams_ids.known)
        if request is None:
            return
        # a read by one no binding could name; `meta` read off the loop, as every store read (`offload.call`)
        asks = self.core.writes(request) or await offload.call(self.core.organisations_bound)
        request = await self.members.identify(turn_context, request, ask_roster=asks)
        if shared_files(activity):
            request = replace(request, attachments=await read_files(activity))
        run = offload.call_writing if self.core.writes(request) else offload.call  # a write waits for the disk
        outcome = await run(self.core.handle, request)
        if outcome.repeated:  # the channel redelivered an activity it thought timed out
            return
        here = request.channel_id if request.platform == PLATFORM else None
        clicked = activity.value is not None and parse_submit(activity.value) is not None
        # A click replaces its card only with what the card is for: a read's card refreshed under what the
        # click recorded, a question or refusal by its answer. A read clicked (`neste side 2`) is its own
        # answer, posted, not folded into a banner over page 1; a card that told the channel of a recorded
        # change stays (walk 35 F1, F3).
        updatable = (
            clicked
            and activity.reply_to_id
            and outcome.reply.ok
            and not outcome.reads_only
            and not submit_keeps(activity.value)
        )
        if updatable and await self._update_clicked(turn_context, request=request, outcome=outcome):
            await self.announce(outcome, origin=here)
            return
        if outcome.alone and not request.personal and await self._to_own_chat(turn_context, request):
            return
        origin = _origin(request.text) if outcome.reads_only else None
        await self._reply(turn_context, outcome.reply, origin=origin)
        await self.announce(outcome, origin=here)

    async def _to_own_chat(self, turn_context: TurnContext, request: Request) -> bool:
        """A reply meant for the asker alone (`Outcome.alone`, the receipt) asked in a channel, where everyone
        in the thread reads every reply: sent to the person's own chat with the bot, where they have one, and
        the thread told where it went (walk 20 F-o; Slack shows it to the asker alone). False, and nothing
        sent, when there is no such chat or it cannot be posted to: the reply then goes in the thread."""
        chat = await offload.call(self.book.personal_chat, request.user_id)
        if chat is None:
            return False
        # the same read, as asked in the person's own chat (so it says «Bare du ser …»), never a redelivery
        alone = replace(request, personal=True, delivery=None, request_id=None)
        outcome = await offload.call(self.core.handle, alone, reads_only=True)
        try:
            await self.senders[PLATFORM].send(channel_id=chat, reply=outcome.reply)
        except SendFailed as error:  # timed out, uncertain, undeliverable: the thread gets it as before
            logger.warning("Teams: could not send a personal reply to the person's own chat (%s)", type(error).__name__)
            return False
        with using(outcome.reply.lang):
            note = _("{title}: sendt til deg i din personlige chat med boten.").format(title=outcome.reply.title)
        await self._reply(turn_context, Reply(title=note, text=note, lang=outcome.reply.lang), origin=None)
        return True

    def reachable(self, key: str) -> None:
        """A conversation reference written, or the bot added: the core may have marked the channel
        unreachable before (`CorePort.reachable`)."""
        try:
            self.core.reachable(platform=PLATFORM, channel_id=key)
        except Exception:  # bookkeeping: the reference is kept, and the next pass finds the channel anyway
            logger.warning("Teams: could not tell the core that %s can be reached", key, exc_info=True)

    def _remember(self, activity: Activity) -> None:
        """The conversation's reference for later posts; a store that fails now must not stop the turn (the
        core answers it, «prøv igjen»), and the next message from the conversation remembers it."""
        try:
            self.book.remember(activity)
        except StoreError as exc:
            logger.warning("Teams: could not remember conversation (%s); the next message will", exc.kind)

    async def _reply(self, turn_context: TurnContext, reply: Reply, *, origin: str | None) -> None:
        """Post the reply; when the connector refuses it after the retries, tell the person in a short
        plain message (a failed send is never silent) and log it."""
        channel = turn_context.activity.channel_id
        try:
            activity = reply_activity(
                reply, channel=channel, origin=origin, personal=is_personal(turn_context.activity)
            )
            await with_retry(lambda: send_prebuilt(turn_context, activity), policy=self.retry)
        except ConnectorRejected as error:
            logger.error("Teams: reply %r not delivered (%s)", reply.title[:80], error)
            if error.status is None:
                raise
            pointer = f"{prefix_for(personal=is_personal(turn_context.activity))}{origin}" if origin else None
            notice_text = cut_notice(pointer, lang=reply.lang)
            short = Reply(title=reply.title, text=f"{reply.title}\n{notice_text}", ok=reply.ok)
            notice = Activity(type=ActivityTypes.message, text=short.text[:1000], text_format="plain")
            try:
                await send_with_retry(turn_context, notice, policy=self.retry)
            except ConnectorRejected:
                logger.error("Teams: could not tell the person about the undelivered reply either")

    async def _update_clicked(self, turn_context: TurnContext, *, request: Request, outcome: Outcome) -> bool:
        """Replace the clicked card in place: the refreshed card (its read command run again, so only the
        buttons that still apply remain) under a line saying what was done, by whom and when. False when
        the message could not be updated (the caller then posts the reply as a new message)."""
        activity = turn_context.activity
        personal = is_personal(activity)
        origin = _origin(submit_origin(activity.value) or "")
        refreshed: Outcome | None = None
        if origin:
            # the same person as the click (their organisation, client locale, a personal chat): a bare
            # request of their ids read them as met without an organisation, forgot them (`people/met`) and
            # refreshed the card in the channel's written form (walk 37)
            again = replace(
                request, text=origin, fields=MappingProxyType({}), request_id=None, delivery=None, attachments=()
            )
            refreshed = await offload.call(self.core.handle, again, reads_only=True)  # never runs a write
            if not refreshed.reads_only:
                refreshed, origin = None, None
        if refreshed is not None:
            card = render_card(for_teams(refreshed.reply, personal=personal), origin=origin)
            card["body"][0:0] = _done_banner(outcome.reply, now=self._now())
        else:
            card = render_card(for_teams(outcome.reply, personal=personal))
            now = self._now()
            if now is not None and card["body"]:  # who is in the reply's text; when, here
                stamp = {"type": "TextBlock", "text": _stamp(now), "size": "Small", "isSubtle": True}
                card["body"].insert(1, dict(stamp, spacing="None"))
        pointer = f"{prefix_for(personal=personal)}{origin}" if origin else None
        update = card_activity(card, summary=outcome.reply.title, pointer=pointer, activity_id=activity.reply_to_id)
        try:
            await update_with_retry(turn_context, update, policy=self.retry)
        except ConnectorRejected as error:
            logger.warning("Teams: could not update the clicked card in place (%s); posting instead", error)
            return False
        return True

    def _now(self) -> datetime:
        return self.core.clock.now()

    async def announce(self, outcome: Outcome, *, origin: str | None) -> None:
        here = ChannelAddress(platform=PLATFORM, channel_id=origin) if origin else None
        await self.core.deliver(outcome, senders=self.senders, already_shown=here)

    async def _on_turn_error(self, turn_context: TurnContext, error: Exception) -> None:
        # Answer 201 after logging: the core is idempotent per request id, and a 500 would make the
        # channel show a generic failure without our Norwegian message.
        if isinstance(error, ConnectorRejected):  # said in one line where it was refused; nobody to tell
            logger.error("Teams turn ended without its reply: %s", error)
            return
        logger.exception("Teams turn failed", exc_info=error)
        try:
            with using("nn" if _failure_lang(self.core, turn_context.activity) == "nn" else "nb"):
                sorry = _("Beklager, noe gikk galt. Prøv igjen om litt.")
            await turn_context.send_activity(sorry)
        except Exception:
            logger.warning("Could not tell the user about the failure", exc_info=True)


def _stamp(now: datetime) -> str:
    """«05.01.2027 kl. 09.30», the time as chat, pages and receipts write it (walk 20 F-j). Imported here, not
    at the top: bot.dates reads Babel, which the server must not load before it answers /healthz."""
    from bot.dates.text import clock_text

    return f"{now:%d.%m.%Y} {clock_text(now)}"


def _done_banner(reply: Reply, *, now: datetime | None) -> list[dict[str, Any]]:
    """What a click did, on top of the refreshed card: "✓ Signert for Innovasjon Norge" and who/when."""
    first = next((line for line in reply.text.splitlines()[1:] if line.strip()), "")
    when = f" ({_stamp(now)})" if now is not None else ""
    return [
        {"type": "TextBlock", "text": escape(f"✓ {reply.title}"), "weight": "Bolder", "color": "Good", "wrap": True},
        {"type": "TextBlock", "text": escape(f"{first}{when}"), "size": "Small", "wrap": True, "spacing": "None"},
    ]


def _log_refusal(request: web.Request, *, reason: str) -> None:
    logger.warning("Teams: refused %s (%s bytes): %s", request_label(request), request.content_length, reason)


def _origin(text: str) -> str | None:
    """A command short enough to travel in a card's submit data, to run again to refresh the card."""
    words = text.split()
    return " ".join(words) if words and len(text) <= 200 else None


def _failure_lang(core: CorePort, activity: Activity) -> str:
    """The channel's written form for the failure text (walk 20 F-j), or bokmål when even that fails."""
    try:
        return channel_lang(core, activity)
    except Exception:
        logger.warning("Teams: the failure text's written form could not be read", exc_info=True)
        return "nb"


def create_runtime(
    *,
    core: CorePort,
    settings: TeamsSettings,
    senders: MutableMapping[str, SenderLike] | None = None,
    retry: RetryPolicy | None = None,
) -> TeamsRuntime:
    """The runtime alone (tests, bench); `adapters.teams.mount_teams` is what the server calls."""
    return TeamsRuntime(core=core, settings=settings, retry=retry, senders=senders)
