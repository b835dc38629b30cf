"""Posting to Slack with bounded retries, and the reminder `Sender`.

Slack answers 429 with Retry-After (we wait exactly that), 5xx or a dropped connection now and then (we
retry with exponential backoff), and some errors that will never succeed (`channel_not_found`): those fail
at once. When the retries are used up the caller gets `SlackCallFailed`; for a reminder that becomes
`SendFailed`, so the ledger stays unwritten and the next pass tries again: an outage delays, never loses.

chat.postMessage has no idempotency key, so a post carries its key in the message's metadata, and a post
whose answer did not come (a timeout, or a connection cut once the request may have gone) is never sent
again blindly: the channel's recent messages are
looked up by that key (`SlackSender.find`); found, it was posted; not found, the caller keeps it as
uncertain (`SendTimedOut`) and the next pass looks again before posting.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import aiohttp
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from adapters.platform_outage import DOWN, PlatformOutage
from adapters.platform_rate_limit import LIMITED, RateLimits
from adapters.refused_credentials import REFUSED, RefusedCredentials
from bot.delivery.sending import SendFailed, SendHeld, SendHeldUnsure, SendTimedOut, Undeliverable
from bot.messages import Reply

from .render import message_payload

logger = logging.getLogger(__name__)

Sleep = Callable[[float], Awaitable[None]]

# `ok: false` errors that say "try again later" rather than "this will never work"
_TRANSIENT_ERRORS = frozenset(
    {"ratelimited", "internal_error", "fatal_error", "service_unavailable", "request_timeout", "team_added_to_org"}
)


class SlackCallFailed(Exception):
    """Slack did not accept a call after the allowed retries. The message names the method, never a token;
    `error` is Slack's error code when it gave one."""

    def __init__(self, message: str, *, error: str = "", outage: bool = False) -> None:
        super().__init__(message)
        self.error = error
        self.outage = outage
        """The retries were used up on answers that say Slack is down (5xx, no connection), not on the call."""


class SlackTimedOut(SlackCallFailed):
    """A call whose answer did not come, and that must not be repeated blindly (`call(settled_by=…)`)."""


POST_EVENT = "samhandling_post"
"""The metadata event type of every post that carries a key."""
_UNDELIVERABLE = frozenset({"channel_not_found", "is_archived", "not_in_channel", "invalid_channel"})
RATE_LIMITED = "ratelimited"
"""Slack's 429 (its error code): the workspace's limit, no one post's fault, so a post it stops waits uncounted."""
_CREDENTIALS = frozenset(
    {"invalid_auth", "not_authed", "token_revoked", "token_expired", "account_inactive", "missing_scope"}
)
"""Errors that say the bot's token itself is refused, for every channel alike (`RefusedCredentials`)."""
CREDENTIALS_FIX = (
    "Give the bot a working SLACK_BOT_TOKEN (the app's «OAuth & Permissions» page; reinstall the app to the "
    "workspace if the token was revoked or lacks a scope) and restart serve."
)


@dataclass(frozen=True)
class RetryPolicy:
    max_attempts: int = 5
    base_delay: float = 0.5
    max_delay: float = 20.0
    max_retry_after: float = 120.0
    """A longer Retry-After is not waited out inline; the call fails and its owner retries later."""

    def backoff(self, attempt: int) -> float:
        return min(self.max_delay, self.base_delay * 2 ** (attempt - 1))


class _Retry(Exception):
    def __init__(self, reason: str, delay: float | None = None, *, outage: bool = True) -> None:
        super().__init__(reason)
        self.delay = delay
        self.outage = outage  # a rate limit is Slack answering, not Slack down


class SlackPoster:
    """Every outgoing call of the adapter goes through here, so every call has the same retry rules."""

    def __init__(
        self,
        *,
        client: AsyncWebClient,
        policy: RetryPolicy | None = None,
        sleep: Sleep = asyncio.sleep,
        refused: RefusedCredentials = REFUSED,
        down: PlatformOutage = DOWN,
        limited: RateLimits = LIMITED,
    ) -> None:
        self.client = client
        self.policy = policy or RetryPolicy()
        self.sleep = sleep
        self.refused = refused
        self.down = down
        self.limited = limited
        self._session: aiohttp.ClientSession | None = None

    async def call(
        self, method: str, *, settled_by: Callable[[], Awaitable[bool]] | None = None, **payload: Any
    ) -> dict[str, Any]:
        """A Web API method with a JSON body; returns Slack's answer when `ok` is true. With `settled_by`,
        a call that timed out is not repeated: `settled_by()` says whether it took effect (then {} is
        returned), else `SlackTimedOut`."""
        self._http()  # the client's calls go through the one session
        unsure = False
        """An earlier try went out and failed in a way that does not say it was not taken (a 5xx, a gateway's
        page): with `settled_by` it is looked up before the next try, and never given up as «not posted»
        (walk 34: a 502 from a gateway after Slack took the post posted it twice)."""

        async def attempt() -> dict[str, Any]:
            nonlocal unsure
            if unsure and settled_by is not None and await _found(settled_by):
                logger.info("Slack %s: an earlier try was taken after all; not sent again", method)
                return {}
            try:
                response = await self.client.api_call(method, json=payload)
                return dict(response.data) if isinstance(response.data, dict) else {}
            except SlackApiError as exc:
                status = exc.response.status_code
                error = exc.response.data.get("error", "") if isinstance(exc.response.data, dict) else ""
                if status == 429 or error == "ratelimited":
                    raise _Retry("rate limited", _retry_after(exc.response.headers), outage=False) from None
                if status >= 500 or error in _TRANSIENT_ERRORS:
                    unsure = True
                    raise _Retry(f"HTTP {status} {error}".strip()) from None
                if not error and settled_by is not None:  # not Slack's answer (a proxy's page): it may have gone
                    if await settled_by():
                        logger.info("Slack %s: unreadable answer, but the post is there; not sent again", method)
                        return {}
                    raise SlackTimedOut(f"{method}: unreadable answer (HTTP {status}) and not found yet") from None
                raise SlackCallFailed(f"{method} failed: HTTP {status} {error}".strip(), error=error) from None
            except (TimeoutError, aiohttp.ServerTimeoutError) as exc:
                if settled_by is None:
                    raise _Retry(f"connection: {type(exc).__name__}") from None
                if await settled_by():
                    logger.info("Slack %s: no answer in time, but the post is there; not sent again", method)
                    return {}
                raise SlackTimedOut(f"{method}: no answer in time and not found yet; looked up again later") from None
            except (aiohttp.ClientError, ConnectionError) as exc:
                if settled_by is None or _never_sent(exc):
                    raise _Retry(f"connection: {type(exc).__name__}") from None
                # Cut after the request went out (a reset, a proxy closing): Slack may have posted it (walk 34).
                if await settled_by():
                    logger.info("Slack %s: connection lost, but the post is there; not sent again", method)
                    return {}
                raise SlackTimedOut(
                    f"{method}: connection lost ({type(exc).__name__}) and not found yet; looked up again later"
                ) from None

        try:
            answer: dict[str, Any] = await self._with_retries(method, attempt)
        except SlackCallFailed as exc:
            if exc.error in _CREDENTIALS:
                self.refused.refused(platform="slack", reason=f"{exc.error} on {method}", fix=CREDENTIALS_FIX)
            if exc.outage:
                self.down.down(platform="slack", call=method, reason=str(exc).rsplit(": ", 1)[-1])
            if exc.error == RATE_LIMITED:
                self.limited.held(platform="slack", reason=str(exc))
            if unsure and settled_by is not None and not isinstance(exc, SlackTimedOut):
                raise SlackTimedOut(
                    f"{exc}; an earlier try may have been taken, so it is looked up first", outage=exc.outage
                ) from None
            raise
        self.refused.accepted(platform="slack")
        self.down.up(platform="slack", call=method)
        self.limited.lifted(platform="slack")
        return answer

    async def respond(self, url: str, body: dict[str, Any]) -> None:
        """Post to an interaction's response_url (valid for 30 minutes, five posts)."""

        async def attempt() -> None:
            try:
                async with self._http().post(url, json=body) as response:
                    if response.status == 429:
                        raise _Retry("rate limited", _retry_after(response.headers), outage=False)
                    if response.status >= 500:
                        raise _Retry(f"HTTP {response.status}")
                    if response.status != 200:
                        raise SlackCallFailed(f"response_url post failed: HTTP {response.status}")
            except (TimeoutError, aiohttp.ClientError, ConnectionError) as exc:
                raise _Retry(f"connection: {type(exc).__name__}") from None

        await self._with_retries("response_url", attempt)

    async def _with_retries(self, what: str, attempt: Callable[[], Awaitable[Any]]) -> Any:
        policy = self.policy
        for number in range(1, policy.max_attempts + 1):
            try:
                return await attempt()
            except _Retry as retry:
                limited = RATE_LIMITED if not retry.outage else ""
                if number == policy.max_attempts:
                    raise SlackCallFailed(
                        f"{what} failed after {number} attempts: {retry}", error=limited, outage=retry.outage
                    ) from None
                delay = retry.delay if retry.delay is not None else policy.backoff(number)
                if delay > policy.max_retry_after:
                    raise SlackCallFailed(
                        f"{what}: Slack asked to wait {delay:.0f} s; giving up for now", error=limited
                    ) from None
                logger.warning("Slack %s: %s; retry %d in %.1f s", what, retry, number, delay)
                await self.sleep(delay)
        raise AssertionError("unreachable")

    def _http(self) -> aiohttp.ClientSession:
        """The one HTTP session of this Slack client for the process's life, made on first use inside the
        running loop (aiohttp needs one; the server's start-up opens it before the first request).

        Without it `AsyncWebClient` builds and closes a session, and so a TCP (in production a TLS)
        connection, for every Web API call. Web API calls (through the client, also Bolt's own and
        `files.info`), response_url posts and file uploads all share this one."""
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=self.client.timeout))
            self.client.session = self._session
        return self._session

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()
        if self.client.session is not None and not self.client.session.closed:
            await self.client.session.close()


async def _found(settled_by: Callable[[], Awaitable[bool]]) -> bool:
    """Whether an earlier try is there; a look-up that fails too (Slack down: its 5xx said nothing was taken)
    is no, so the try is repeated as before."""
    try:
        return await settled_by()
    except SlackCallFailed:
        return False


def _never_sent(exc: BaseException) -> bool:
    """Whether the connection failed before the request could reach Slack (no connection was made), so
    sending it again cannot post it twice. A reset, a closed connection or a cut answer may come after
    Slack took the post."""
    return isinstance(exc, (aiohttp.ClientConnectorError, ConnectionRefusedError))


def _retry_after(headers: Any) -> float:
    try:
        return max(0.0, float((headers or {}).get("Retry-After", 1)))
    except (TypeError, ValueError):
        return 1.0


class SlackSender:
    """`bot.delivery.sending.Sender` for Slack: one chat.postMessage, retried, or SendFailed; with a key, a post
    that may have gone is looked up first (`looks_up`)."""

    platform = "slack"
    looks_up = True
    LOOK_BACK = 100
    """Recent messages of a channel searched for a key (a post is looked up within minutes of its try)."""

    def __init__(self, *, poster: SlackPoster) -> None:
        self.poster = poster

    async def send(self, *, channel_id: str, reply: Reply, key: str | None = None, maybe_posted: bool = False) -> None:
        payload = message_payload(reply)
        settled_by = None
        if key:
            payload["metadata"] = {"event_type": POST_EVENT, "event_payload": {"key": key}}

            async def settled_by() -> bool:
                return await self.find(channel_id=channel_id, key=key)

        try:
            if maybe_posted and settled_by is not None and await settled_by():
                logger.info("Slack post %s to %s was made before; not sent again", key, channel_id)
                return
            await self.poster.call("chat.postMessage", channel=channel_id, settled_by=settled_by, **payload)
        except SlackCallFailed as exc:
            held = exc.outage or exc.error in _CREDENTIALS or exc.error == RATE_LIMITED  # not this post's fault
            if isinstance(exc, SlackTimedOut):
                raise (SendHeldUnsure if held else SendTimedOut)(str(exc)) from None
            if held:
                raise SendHeld(str(exc)) from None
            if exc.error in _UNDELIVERABLE:
                raise Undeliverable(str(exc)) from None
            raise SendFailed(str(exc)) from None

    async def find(self, *, channel_id: str, key: str) -> bool:
        """Whether a recent message of the channel carries `key` in its metadata. A failed look-up raises
        `SlackTimedOut` (it cannot say no), so the post stays uncertain rather than sent twice."""
        try:
            answer = await self.poster.call(
                "conversations.history", channel=channel_id, limit=self.LOOK_BACK, include_all_metadata=True
            )
        except SlackCallFailed as exc:
            raise SlackTimedOut(
                f"could not look up post {key} in {channel_id}: {exc}", error=exc.error, outage=exc.outage
            ) from None
        for message in answer.get("messages") or ():
            metadata = message.get("metadata") or {}
            if metadata.get("event_type") == POST_EVENT and (metadata.get("event_payload") or {}).get("key") == key:
                return True
        return False


async def upload_png(
    poster: SlackPoster,
    *,
    channel_id: str,
    png: bytes,
    filename: str,
    title: str,
    alt: str,
    comment: str,
    thread_ts: str | None = None,
) -> str:
    """Post a picture as a file (files upload v2: get an upload URL, send the bytes, complete the upload
    into the channel). Returns the file id; raises SlackCallFailed when Slack refuses a step."""
    poster._http()  # the session the client's calls share
    try:
        ticket = await poster.client.files_getUploadURLExternal(filename=filename, length=len(png), alt_txt=alt)
        upload_url, file_id = str(ticket["upload_url"]), str(ticket["file_id"])
        async with poster._http().post(upload_url, data=png) as response:
            if response.status != 200:
                raise SlackCallFailed(f"file upload failed: HTTP {response.status}")
        await poster.client.files_completeUploadExternal(
            files=[{"id": file_id, "title": title}],
            channel_id=channel_id,
            initial_comment=comment,
            **({"thread_ts": thread_ts} if thread_ts else {}),
        )
    except SlackApiError as exc:
        error = exc.response.data.get("error", "") if isinstance(exc.response.data, dict) else ""
        raise SlackCallFailed(f"file upload failed: {error}".strip()) from None
    except (TimeoutError, aiohttp.ClientError, ConnectionError) as exc:
        raise SlackCallFailed(f"file upload failed: {type(exc).__name__}") from None
    return file_id
