"""The Bolt app: Slack requests in, core replies out.

Every listener calls the core synchronously inside the ack (the core answers in milliseconds and the app
runs with `process_before_response=True`, so the answer travels in the HTTP response itself). Anything
that needs another call to Slack (a modal, a response_url post, announcements) runs as a background task
after the ack, so a slow Slack never makes us miss the 3-second window.
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections import OrderedDict
from collections.abc import Coroutine, Mapping
from typing import TYPE_CHECKING, Any

from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response, to_bolt_request
from slack_bolt.app.async_app import AsyncApp
from slack_sdk.web.async_client import AsyncWebClient

from bot.messages import ChannelAddress, Form, Outcome, Reply, Request, Visibility
from bot.reminders import deliver_announcements

from . import render, translate
from .sender import SlackCallFailed, SlackPoster, SlackSender, upload_png
from .settings import SlackSettings

if TYPE_CHECKING:
    from bot.core import Core
    from bot.reminders import Sender

logger = logging.getLogger(__name__)

FAILURE_REPLY = Reply(
    title="Noe gikk galt",
    text="Beklager, kommandoen kunne ikke utføres nå. Prøv igjen om litt, eller si fra til administrator.",
    ok=False,
)


class SlackAdapter:
    """Owns the Bolt app, the outgoing poster and the Slack `Sender`; `senders` is shared with the server
    so an announcement for Teams made from Slack goes out through the Teams sender."""

    def __init__(
        self,
        *,
        core: Core,
        settings: SlackSettings,
        senders: Mapping[str, Sender],
        poster: SlackPoster | None = None,
        remember: int = 4096,
    ) -> None:
        self.core = core
        self.settings = settings
        self.senders = senders
        client = AsyncWebClient(token=settings.bot_token, base_url=settings.api_url, retry_handlers=[])
        self.poster = poster or SlackPoster(client=client)
        self.sender = SlackSender(poster=self.poster)
        self.app = AsyncApp(  # the token reaches Bolt through `client`
            signing_secret=settings.signing_secret,
            client=client,
            process_before_response=True,
            logger=_bolt_logger(),
        )
        self._tasks: set[asyncio.Task[None]] = set()
        self._seen: OrderedDict[str, None] = OrderedDict()
        self._remember = remember
        self._register()

    # ---- wiring -------------------------------------------------------------------------------------------
    def _register(self) -> None:
        self.app.command(self.settings.command)(self._on_command)
        self.app.action(re.compile(f"^{render.BUTTON_ACTION_PREFIX}"))(self._on_action)
        self.app.view(render.FORM_CALLBACK_ID)(self._on_view_submission)
        self.app.event("app_mention")(self._on_mention)
        self.app.error(self._on_error)

    async def handle_http(self, request: web.Request) -> web.Response:
        """POST /slack/events: Bolt verifies the signature (401 on a forged or stale one) and dispatches."""
        bolt_response = await self.app.async_dispatch(await to_bolt_request(request))
        return await to_aiohttp_response(bolt_response)

    # ---- listeners ----------------------------------------------------------------------------------------
    async def _on_command(self, ack: Any, body: dict[str, Any]) -> None:
        request = translate.command_request(body)
        if not self._first_time(request.request_id):
            await ack()
            return
        outcome = self._handle(request)
        reply = outcome.reply
        shown_in: str | None = None
        if reply.form is not None:
            await ack()
            self._spawn(self._open_form(str(body.get("trigger_id", "")), reply.form, request))
        else:
            public = _is_public(reply)
            await ack(response_type="in_channel" if public else "ephemeral", **render.message_payload(reply))
            shown_in = request.channel_id if public else None
        self._spawn(self._announce(outcome, shown_in=shown_in))
        self._spawn(self._post_picture(request, reply))

    async def _on_action(self, ack: Any, body: dict[str, Any], action: dict[str, Any]) -> None:
        await ack()
        request = translate.action_request(body, action)
        if not self._first_time(request.request_id):
            logger.info("ignored a repeated click (%s)", request.request_id)
            return
        outcome = self._handle(request)
        reply = outcome.reply
        if not _is_public(reply):
            self._forget(request.request_id)  # nothing recorded: a second click may simply ask again
        shown_in: str | None = None
        if reply.form is not None:
            self._spawn(self._open_form(str(body.get("trigger_id", "")), reply.form, request))
        else:
            public = _is_public(reply)
            shown_in = request.channel_id if public else None
            response_url = body.get("response_url")
            if response_url:
                payload = {
                    **render.message_payload(reply),
                    "response_type": "in_channel" if public else "ephemeral",
                    "replace_original": False,
                }
                self._spawn(self._respond(str(response_url), payload))
            else:
                self._spawn(self._post(request, reply))
        self._spawn(self._announce(outcome, shown_in=shown_in))

    async def _on_view_submission(self, ack: Any, body: dict[str, Any]) -> None:
        request = translate.view_request(body)
        if not self._first_time(request.request_id):
            await ack()
            return
        outcome = self._handle(request)
        reply = outcome.reply
        if not reply.ok:
            self._forget(request.request_id)  # nothing was recorded; the person may correct and resubmit
            await ack(response_action="update", view=render.reply_view(reply))
            return
        await ack()
        self._spawn(self._post(request, reply))
        self._spawn(self._announce(outcome, shown_in=request.channel_id if _is_public(reply) else None))

    async def _on_mention(self, body: dict[str, Any]) -> None:
        request = translate.mention_request(body)
        if not self._first_time(request.request_id):
            return  # Slack's retry (X-Slack-Retry-Num) of an event we already answered
        outcome = self._handle(request)
        reply = outcome.reply
        if reply.form is not None:
            reply = Reply(
                title=reply.form.title,
                text=f"Skjemaet åpnes med slash-kommandoen: {self.settings.command} {request.text}",
                context=reply.context,
            )
        self._spawn(self._post(request, reply))
        self._spawn(self._announce(outcome, shown_in=request.channel_id if _is_public(reply) else None))
        self._spawn(self._post_picture(request, reply))

    async def _on_error(self, error: Exception, body: dict[str, Any]) -> None:
        logger.error("Slack listener failed: %s", type(error).__name__, exc_info=error)

    # ---- the core -----------------------------------------------------------------------------------------
    def _handle(self, request: Request) -> Outcome:
        try:
            return self.core.handle(request)
        except Exception:
            logger.exception("core failed on a Slack request (%s)", request.request_id)
            return Outcome(reply=FAILURE_REPLY)

    def _first_time(self, request_id: str | None) -> bool:
        """A second line of defence next to the core's idempotency: a replay is neither handled nor
        announced again by this process."""
        if request_id is None:
            return True
        if request_id in self._seen:
            self._seen.move_to_end(request_id)
            return False
        self._seen[request_id] = None
        while len(self._seen) > self._remember:
            self._seen.popitem(last=False)
        return True

    def _forget(self, request_id: str | None) -> None:
        if request_id is not None:
            self._seen.pop(request_id, None)

    # ---- after the ack ------------------------------------------------------------------------------------
    def _spawn(self, work: Coroutine[Any, Any, None]) -> None:
        task = asyncio.get_running_loop().create_task(work)
        self._tasks.add(task)
        task.add_done_callback(self._done)

    def _done(self, task: asyncio.Task[None]) -> None:
        self._tasks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            logger.error("Slack background task failed", exc_info=task.exception())

    async def drain(self) -> None:
        """Wait for every post started so far (tests, and a clean shutdown)."""
        while self._tasks:
            await asyncio.gather(*list(self._tasks), return_exceptions=True)

    async def _open_form(self, trigger_id: str, form: Form, request: Request) -> None:
        view = render.form_view(form, private_metadata={"channel": request.channel_id, "command": form.submit_command})
        try:
            await self.poster.call("views.open", trigger_id=trigger_id, view=view)
        except SlackCallFailed as exc:
            logger.warning("could not open the form: %s", exc)

    async def _respond(self, url: str, payload: dict[str, Any]) -> None:
        try:
            await self.poster.respond(url, payload)
        except SlackCallFailed as exc:
            logger.warning("could not answer a click: %s", exc)

    async def _post(self, request: Request, reply: Reply) -> None:
        """A reply outside an ack: to the channel when it records something, else to the asker alone."""
        try:
            if _is_public(reply):
                await self.poster.call("chat.postMessage", channel=request.channel_id, **render.message_payload(reply))
            else:
                await self.poster.call(
                    "chat.postEphemeral",
                    channel=request.channel_id,
                    user=request.user_id,
                    **render.message_payload(reply),
                )
        except SlackCallFailed as exc:
            logger.warning("could not deliver a reply: %s", exc)

    async def _post_picture(self, request: Request, reply: Reply) -> None:
        """A reply's picture (the wheel) as an image file in the channel, drawn off the event loop."""
        if reply.picture is None:
            return
        from adapters.web.draw import picture_png

        picture = reply.picture
        png = await asyncio.get_running_loop().run_in_executor(None, picture_png, self.core, picture)
        if png is None:
            return
        try:
            await upload_png(
                self.poster,
                channel_id=request.channel_id,
                png=png,
                filename=f"{picture.name}.png",
                title=reply.title,
                alt=picture.alt,
                comment=f"{reply.title} (bilde). Skriv «årshjul» for teksten.",
            )
        except SlackCallFailed as exc:
            logger.warning("could not post the picture: %s", exc)

    async def _announce(self, outcome: Outcome, *, shown_in: str | None) -> None:
        here = ChannelAddress(platform=translate.PLATFORM, channel_id=shown_in) if shown_in else None
        await deliver_announcements(outcome, senders=self.senders, already_shown=here)

    async def close(self) -> None:
        await self.drain()
        await self.poster.close()


class _TokenViaClient(logging.Filter):
    """Bolt warns that the token from SLACK_BOT_TOKEN is unused when a client is given; it is in the client."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "`token` will be unused" not in record.getMessage()


def _bolt_logger() -> logging.Logger:
    bolt = logging.getLogger("adapters.slack.bolt")
    if not any(isinstance(f, _TokenViaClient) for f in bolt.filters):
        bolt.addFilter(_TokenViaClient())
    return bolt


def _is_public(reply: Reply) -> bool:
    return reply.ok and reply.visibility == Visibility.CHANNEL
