"""The Bolt app: Slack requests in, core replies out.

Every listener calls the core synchronously inside the ack (the core answers in milliseconds and the app
runs with `process_before_response=True`, so the answer travels in the HTTP response itself). Anything
that needs another call to Slack (a modal, a response_url post, announcements) runs as a background task
after the ack, so a slow Slack never makes us miss the 3-second window.

Every request over HTTP passes `gate.admit` first (body cap, signature, readable body), so junk never
reaches Bolt, costs one log line and gets 401/400/413, never a 500. A reply that cannot be posted where it
was asked (a modal opened in a direct message, a channel the bot is not in) goes to the person as a direct
message instead, and every failed post is logged with its reason.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
from collections.abc import Coroutine, Mapping
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response
from slack_bolt.app.async_app import AsyncApp
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_sdk.web.async_client import AsyncWebClient

from adapters import offload
from bot.i18n import _, using
from bot.messages import ChannelAddress, Form, Outcome, Reply, Request, Visibility

from . import answer, click_answer, delivery, files, gate, picture, render, translate, views
from .bolt_logging import bolt_logger
from .commands import SlashCommand
from .failure import failure_reply, slack_unavailable_text
from .sender import CREDENTIALS_FIX, SlackCallFailed, SlackPoster, SlackSender
from .settings import SlackSettings

if TYPE_CHECKING:
    from bot.port import CorePort
    from bot.reminders.passes import Sender

logger = logging.getLogger(__name__)


CLOSE_SECONDS = 2.0


REVOKED_EVENTS = ("tokens_revoked", "app_uninstalled")
"""Slack's events that say the bot's token no longer works."""


class SlackAdapter:
    """Owns the Bolt app, the outgoing poster and the Slack `Sender`; `senders` is shared with the server
    so an announcement for Teams made from Slack goes out through the Teams sender."""

    def __init__(
        self,
        *,
        core: CorePort,
        settings: SlackSettings,
        senders: Mapping[str, Sender],
        poster: SlackPoster | None = None,
    ) -> None:
        self.core = core
        self.settings = settings
        self.senders = senders
        # One client (and, through the poster, one HTTP session) for Bolt and every call of ours.
        self.poster = poster or SlackPoster(
            client=AsyncWebClient(token=settings.bot_token, base_url=settings.api_url, retry_handlers=[])
        )
        client = self.poster.client
        self.sender = SlackSender(poster=self.poster)
        self.app = AsyncApp(  # the token reaches Bolt through `client`
            # Named, or Bolt names the app after its caller's file with `inspect.stack()`, which reads the
            # source of every frame on the stack: ~40 ms of `serve`'s start-up.
            name="samhandling",
            signing_secret=settings.signing_secret,
            client=client,
            process_before_response=True,
            logger=bolt_logger(),
            # Every HTTP request passed `gate.admit` (the same v0 HMAC, and more) before Bolt sees it, and
            # Socket Mode carries no signature: checking it a second time is CPU spent on every request.
            request_verification_enabled=False,
            # We register no Slack workflow functions, so there is never a function token to attach.
            attaching_function_token_enabled=False,
            # Bolt asks Slack who the bot is (auth.test) before the first request it serves; while Slack's
            # Web API is down that fails, and the person got Bolt's English «please reinstall this app».
            user_facing_authorize_error_message=slack_unavailable_text(),
        )
        self._tasks: set[asyncio.Task[None]] = set()
        self._register()

    # ---- wiring -------------------------------------------------------------------------------------------
    def _register(self) -> None:
        # The slash command is answered by a middleware after Bolt's own (adapters/slack/commands.py).
        self.app.use(SlashCommand(command=self.settings.command, answer=self._on_command))
        self.app.action(re.compile(f"^{render.BUTTON_ACTION_PREFIX}"))(self._on_action)
        self.app.view(views.FORM_CALLBACK_ID)(self._on_view_submission)
        self.app.event("app_mention")(self._on_mention)
        self.app.event("app_home_opened")(self._on_home_opened)
        self.app.event(re.compile(f"^({'|'.join(REVOKED_EVENTS)})$"))(self._on_revoked)
        self.app.error(self._on_error)

    async def handle_http(self, request: web.Request) -> web.StreamResponse:
        """POST /slack/events: the gate refuses junk (413/401/400, one log line) and verifies the signature;
        Bolt dispatches what passed."""
        admitted = await gate.admit(request, secret=self.settings.signing_secret)
        if isinstance(admitted, web.StreamResponse):
            return admitted
        bolt_request = AsyncBoltRequest(
            body=admitted.body,
            query=request.query_string,
            headers=request.headers,  # type: ignore[arg-type]
        )
        bolt_response = await self.app.async_dispatch(bolt_request)
        if bolt_response.status == 404 and admitted.body.startswith("{"):
            # An Events API delivery no listener takes (Slack sends some to every app: `app_rate_limited`, an
            # event type the manifest once had): 200, or Slack retries it and counts a failed delivery.
            return web.Response(status=200)
        return await to_aiohttp_response(bolt_response)

    # ---- listeners ----------------------------------------------------------------------------------------
    async def _on_command(self, ack: Any, body: dict[str, Any]) -> None:
        request = translate.command_request(body)
        if files.linked_file_ids(request.text):
            # Reading a linked Slack file may take longer than the 3-second ack: answer via response_url.
            await ack()
            self._spawn(self._answer_with_linked_file(request, str(body.get("response_url") or "")))
            return
        outcome = await self._handle_in_time(request, response_url=str(body.get("response_url") or ""))
        if outcome is None:  # the core is still waiting on the store: Slack is acked, the answer follows
            await ack()
            return
        reply = outcome.reply
        shown_in: str | None = None
        if outcome.repeated:  # a replay of a command already answered
            await ack()
            return
        if reply.form is not None:
            await ack()
            self._spawn(self._open_form(str(body.get("trigger_id", "")), reply.form, request))
        else:
            public = _is_public(reply)
            # A JSON text is sent by Bolt as it is, as application/json (`BoltResponse` reads its first "{"):
            # the same bytes as `ack(response_type=…, **payload)`, encoded once per kept reply.
            await ack(
                answer.answer_json(reply, response_type="in_channel" if public else "ephemeral", more=request.text)
            )
            shown_in = request.channel_id if public else None
        self._spawn_after(outcome, shown_in=shown_in, picture_for=request)

    async def _answer_with_linked_file(self, request: Request, response_url: str) -> None:
        attachments = await files.read_linked_files(request.text, client=self.poster.client, settings=self.settings)
        outcome = await self._handle(replace(request, attachments=attachments))
        if outcome.repeated:
            return
        await self._answer_later(request, outcome, response_url)

    async def _handle_in_time(self, request: Request, *, response_url: str) -> Outcome | None:
        """The outcome within Slack's 3-second ack, or None when the core has not finished by
        `offload.ACK_SECONDS` (a database that accepts a query and never answers): its outcome, whatever
        it is, is then posted through `response_url` when it comes, announcements and all."""
        if not offload.enabled():  # a local store: done before anything could be late (a write waits off the loop)
            return await self._handle(request)
        work = asyncio.ensure_future(self._handle(request))
        done, _ = await asyncio.wait({work}, timeout=offload.ACK_SECONDS)
        if done:
            return work.result()
        logger.warning("the core took over %.1f s on a Slack command; answering it later", offload.ACK_SECONDS)
        self._spawn(self._answer_when_done(request, work, response_url))
        return None

    async def _answer_when_done(self, request: Request, work: asyncio.Future[Outcome], response_url: str) -> None:
        outcome = await work
        if not outcome.repeated:
            await self._answer_later(request, outcome, response_url)

    async def _answer_later(self, request: Request, outcome: Outcome, response_url: str) -> None:
        """An answer after the ack: through `response_url` (else a post in the channel), then announced."""
        public = _is_public(outcome.reply)
        if response_url:
            payload = {
                **render.message_payload(outcome.reply),
                "response_type": "in_channel" if public else "ephemeral",
            }
            await click_answer.respond(self.poster, url=response_url, payload=payload)
        else:
            await self._post(request, outcome.reply)
        await self._announce(outcome, shown_in=request.channel_id if public else None)

    async def _on_action(self, ack: Any, body: dict[str, Any], action: dict[str, Any]) -> None:
        await ack()
        request = translate.action_request(body, action)
        outcome = await self._handle(request)  # a repeated click is answered once (Request.delivery)
        if outcome.repeated:
            return
        reply = outcome.reply
        shown_in: str | None = None
        if reply.form is not None:
            self._spawn(self._open_form(str(body.get("trigger_id", "")), reply.form, request))
        elif (body.get("view") or {}).get("type") == "home":
            # A click in the App Home: no channel to answer in. The answer goes to the person directly and
            # the tab is published again, so it shows what is left.
            self._spawn(delivery.direct_message(self.poster, user_id=request.user_id, reply=reply, note=None))
            home = translate.home_request(
                user_id=request.user_id, channel_id="", organisation=request.organisation, external=request.external
            )
            self._spawn(self._publish_home(home))
        elif _is_public(reply):
            shown_in = request.channel_id
            self._spawn(
                click_answer.update_clicked(
                    self.poster, body=body, action=action, request=request, reply=reply, when=lambda: _when(self.core)
                )
            )
        else:
            self._spawn(click_answer.answer_click(self.poster, body=body, request=request, reply=reply))
        self._spawn_after(outcome, shown_in=shown_in)

    async def _on_view_submission(self, ack: Any, body: dict[str, Any]) -> None:
        request = translate.view_request(body)
        if request.text.strip() and request.channel_id:
            outcome = await self._handle(request)
        else:  # metadata not ours (not JSON, no command or channel): nothing to run, no help posted to "" (walk 27 F10)
            with using(self._lang_for(request)):  # type: ignore[arg-type]
                outcome = Outcome(
                    reply=Reply(title=_("Ugyldig skjema"), text=_("Skjemaet er ugyldig; åpne det på nytt."), ok=False)
                )
        if outcome.repeated:
            await ack()
            return
        reply = outcome.reply
        if not reply.ok:  # nothing was recorded; the person may correct and resubmit
            errors = views.form_errors(reply, view=body.get("view") or {})
            if errors:  # the modal stays open with what was typed; the message sits under its input
                await ack(response_action="errors", errors=errors)
            else:
                await ack(response_action="update", view=views.reply_view(reply))
            return
        await ack()
        meta = views.decode_metadata((body.get("view") or {}).get("private_metadata"))
        self._spawn(self._post(request, reply, thread_ts=meta.get("thread") or None))
        self._spawn_after(outcome, shown_in=request.channel_id if _is_public(reply) else None)

    async def _on_mention(self, body: dict[str, Any]) -> None:
        request = translate.mention_request(body)
        if files.event_files(body.get("event") or {}):
            # Reading a shared file may take longer than Slack's 3 seconds: answer from the background.
            self._spawn(self._answer_mention(request, body))
            return
        await self._answer_mention(request, body)

    async def _answer_mention(self, request: Request, body: dict[str, Any]) -> None:
        attachments = await files.read_files(body.get("event") or {}, settings=self.settings)
        if attachments:
            request = replace(request, attachments=attachments)
        outcome = await self._handle(request)
        if outcome.repeated:  # Slack's retry (X-Slack-Retry-Num) of an event we already answered
            return
        reply = outcome.reply
        if reply.form is not None:  # no modal from a mention: say how to open it, in the reply's written form
            with using(reply.lang):  # type: ignore[arg-type]
                text = _("Skjemaet åpnes med slash-kommandoen: {command}").format(
                    command=f"{self.settings.command} {request.text}"
                )
            reply = Reply(title=reply.form.title, text=text, context=reply.context, lang=reply.lang)
        self._spawn(self._post(request, reply, thread_ts=translate.thread_of(body)))
        self._spawn_after(outcome, shown_in=request.channel_id if _is_public(reply) else None)
        self._spawn(self._post_picture(request, reply, thread_ts=translate.thread_of(body)))

    async def _on_home_opened(self, body: dict[str, Any]) -> None:
        """The App Home tab: the viewer's own `neste` (their party's, from app.yaml, `person` or their workspace's
        `koble organisasjon`), in their own written form (`translate.from_home_opened`)."""
        request = translate.from_home_opened(body)
        if request is not None:
            self._spawn(self._publish_home(request))

    async def _publish_home(self, request: Request) -> None:
        reply = (await self._handle(request)).reply
        with using(reply.lang):  # type: ignore[arg-type]
            note = _(
                "Dette er din egen «neste». Skriv «hjelp» for alle kommandoene, "
                "i en kanal eller her i Meldinger-fanen. Oppdatert {when}."
            ).format(when=_when(self.core))
        view = views.home_view(replace(reply, context=None), note=render.for_slack(Reply(title="", text=note)).text)
        try:
            await self.poster.call("views.publish", user_id=request.user_id, view=view)
        except SlackCallFailed as exc:
            logger.warning("could not publish the App Home: %s", exc)

    async def _on_revoked(self, body: dict[str, Any]) -> None:
        """Slack says the bot's token is gone (`tokens_revoked`, `app_uninstalled`; sent to every app whatever
        it subscribed to): /healthz names it at once, not at the next post that fails (adapters/refused_credentials)."""
        event = body.get("event") or {}
        kind = str(event.get("type") or "tokens_revoked")
        tokens = event.get("tokens")
        if kind == "tokens_revoked" and not (isinstance(tokens, dict) and tokens.get("bot")):
            return  # only people's own (user) tokens went: the bot's still works
        self.sender.poster.refused.refused(platform="slack", reason=f"Slack sent {kind}", fix=CREDENTIALS_FIX)

    async def _on_error(self, error: Exception, body: dict[str, Any]) -> None:
        logger.error("Slack listener failed: %s", type(error).__name__, exc_info=error)

    # ---- the core -----------------------------------------------------------------------------------------
    async def _handle(self, request: Request) -> Outcome:
        try:
            run = offload.call_writing if self.core.writes(request) else offload.call  # a write waits for the disk
            return await run(self.core.handle, request)
        except Exception:
            logger.exception("core failed on a Slack request (%s)", request.request_id)
            return Outcome(reply=failure_reply(self._lang_for(request)))

    def _lang_for(self, request: Request) -> str:
        """The reader's written form, when the core can still tell it."""
        try:
            return str(self.core.lang_for(request))
        except Exception:
            logger.exception("could not tell the written form of a failed Slack request")
            return "nb"

    # ---- after the ack ------------------------------------------------------------------------------------
    def _spawn_after(self, outcome: Outcome, *, shown_in: str | None, picture_for: Request | None = None) -> None:
        """The work after an answer, started only when there is some: most replies announce nothing and
        carry no picture, and a task per request is CPU spent on nothing."""
        if outcome.announcements:
            self._spawn(self._announce(outcome, shown_in=shown_in))
        if picture_for is not None and outcome.reply.picture is not None:
            self._spawn(self._post_picture(picture_for, outcome.reply))

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
        """Open the modal; where to confirm (the channel asked from, the asker) travels in its metadata."""
        meta = {"channel": request.channel_id, "command": form.submit_command, "user": request.user_id}
        view = views.form_view(form, private_metadata=meta)
        try:
            await self.poster.call("views.open", trigger_id=trigger_id, view=view)
        except SlackCallFailed as exc:
            logger.warning("could not open the form: %s", exc)

    async def _post(self, request: Request, reply: Reply, *, thread_ts: str | None = None) -> None:
        await delivery.post_reply(self.poster, request=request, reply=reply, thread_ts=thread_ts)

    async def _post_picture(self, request: Request, reply: Reply, *, thread_ts: str | None = None) -> None:
        await picture.post_picture(
            poster=self.poster, core=self.core, request=request, reply=reply, thread_ts=thread_ts
        )

    async def _announce(self, outcome: Outcome, *, shown_in: str | None) -> None:
        here = ChannelAddress(platform=translate.PLATFORM, channel_id=shown_in) if shown_in else None
        await self.core.deliver(outcome, senders=self.senders, already_shown=here)

    async def close(self) -> None:
        # Posts started so far go out; an answer still waiting on a store that does not answer is given up
        # (its work was never confirmed to anyone), so SIGTERM ends the process within seconds.
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self.drain(), timeout=CLOSE_SECONDS)
        await self.poster.close()


def _when(core: CorePort) -> str:
    """Now, from the core's one clock, as people read it (12. januar 2027 kl. 10.00)."""
    from bot.shown.replies import when_text  # with the first click: babel's dates are not start-up's

    return when_text(core.clock.now(), has_time=True)


def _is_public(reply: Reply) -> bool:
    return reply.ok and reply.visibility == Visibility.CHANNEL
