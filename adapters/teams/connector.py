"""Talking to the Bot Framework connector: reused clients and retries.

Why the cache: botbuilder builds a new msrest ``ConnectorClient`` (and a ``TokenApiClient``) for every
turn and every proactive post. Each one builds an msrest ``Configuration``, whose ``ClientRetryPolicy``
computes its status list with a comprehension over 999 codes against a 501-item list: about 11 ms of a
17 ms turn, spent before any byte goes out. `CachingBotFrameworkAuthentication` wraps the
``BotFrameworkAuthentication`` the ``CloudAdapter`` is given and hands out one client per (bot app id,
service URL, audience), created on first use and reused afterwards. That is safe because a client holds
no per-conversation state: the conversation id travels in each call, the credentials object caches and
renews its own AAD token (msal), and msrest keeps its HTTP sessions per thread. Reuse also keeps the
connection to the service URL alive between turns. The public SDK surface is all we touch: the wrapper
is a ``BotFrameworkAuthentication`` like any other, and ``ConnectorFactory.create`` is the documented
hook, so no SDK internals are patched.

Why our own retries: msrest's policy never retries a POST under urllib3 2 and never retried 429 or 412.
`send_with_retry` retries 412, 429 and 5xx (except 501/505) with exponential backoff and full jitter,
honouring ``Retry-After``, with an injectable sleep so tests run without waiting.
"""

from __future__ import annotations

import asyncio
import logging
import random
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

import requests
import urllib3
from botbuilder.core import TurnContext
from botbuilder.schema import Activity, ResourceResponse
from botframework.connector.aio import ConnectorClient
from botframework.connector.auth import (
    AuthenticateRequestResult,
    AuthenticationConstants,
    BotFrameworkAuthentication,
    ClaimsIdentity,
    ConnectorFactory,
    UserTokenClient,
)
from msrest.exceptions import ClientRequestError, DeserializationError, HttpOperationError

from adapters.platform_outage import DOWN, PlatformOutage
from adapters.platform_rate_limit import LIMITED, RateLimits

logger = logging.getLogger(__name__)

Sleep = Callable[[float], Awaitable[None]]


class _CachingConnectorFactory(ConnectorFactory):
    def __init__(self, *, inner: ConnectorFactory, owner: CachingBotFrameworkAuthentication, app_id: str) -> None:
        self._inner = inner
        self._owner = owner
        self._app_id = app_id

    async def create(self, service_url: str, audience: str = None) -> ConnectorClient:  # noqa: RUF013 - SDK signature
        # None means "the default audience", the same client as when it is spelt out.
        key = (self._app_id, service_url, audience or self._owner.get_originating_audience())
        client = self._owner.clients.get(key)
        if client is None:
            client = await self._inner.create(service_url, audience)
            self._owner.clients[key] = client
        return client


class CachingBotFrameworkAuthentication(BotFrameworkAuthentication):
    """Delegates to the configured authentication; caches the clients it creates (see module docstring)."""

    def __init__(self, inner: BotFrameworkAuthentication) -> None:
        self._inner = inner
        self.clients: dict[tuple[str, str, str], ConnectorClient] = {}
        self._token_clients: dict[str, UserTokenClient] = {}

    @staticmethod
    def _app_id(claims_identity: ClaimsIdentity) -> str:
        # The same rule botbuilder uses to pick the outbound app id: audience first, then appid.
        value = claims_identity.get_claim_value(AuthenticationConstants.AUDIENCE_CLAIM)
        if value is None:
            value = claims_identity.get_claim_value(AuthenticationConstants.APP_ID_CLAIM)
        return value or ""

    async def authenticate_request(self, activity: Activity, auth_header: str) -> AuthenticateRequestResult:
        result = await self._inner.authenticate_request(activity, auth_header)
        if result.connector_factory is not None:
            result.connector_factory = _CachingConnectorFactory(
                inner=result.connector_factory, owner=self, app_id=self._app_id(result.claims_identity)
            )
        return result

    async def authenticate_streaming_request(
        self, auth_header: str, channel_id_header: str
    ) -> AuthenticateRequestResult:
        return await self._inner.authenticate_streaming_request(auth_header, channel_id_header)

    def create_connector_factory(self, claims_identity: ClaimsIdentity) -> ConnectorFactory:
        return _CachingConnectorFactory(
            inner=self._inner.create_connector_factory(claims_identity),
            owner=self,
            app_id=self._app_id(claims_identity),
        )

    async def create_user_token_client(self, claims_identity: ClaimsIdentity) -> UserTokenClient:
        app_id = self._app_id(claims_identity)
        client = self._token_clients.get(app_id)
        if client is None:
            client = await self._inner.create_user_token_client(claims_identity)
            self._token_clients[app_id] = client
        return client

    def create_bot_framework_client(self):
        return self._inner.create_bot_framework_client()

    def get_originating_audience(self) -> str:
        return self._inner.get_originating_audience()

    async def authenticate_channel_request(self, auth_header: str) -> ClaimsIdentity:
        return await self._inner.authenticate_channel_request(auth_header)


RETRY_STATUSES = frozenset({412, 429, *(s for s in range(500, 600) if s not in (501, 505))})


@dataclass
class RetryPolicy:
    """Exponential backoff with full jitter: attempt n waits uniform(0, min(cap, base * 2**n))."""

    attempts: int = 4
    base_delay: float = 0.5
    max_delay: float = 8.0
    sleep: Sleep = field(default=asyncio.sleep)
    rng: random.Random = field(default_factory=random.Random)

    def delay(self, *, attempt: int, retry_after: float | None) -> float:
        backoff = self.rng.uniform(0, min(self.max_delay, self.base_delay * (2**attempt)))
        if retry_after is not None:
            return min(self.max_delay, max(retry_after, backoff))
        return backoff


class ConnectorRejected(Exception):
    """The connector did not accept an activity, after retries. ``status`` is None for network errors."""

    def __init__(self, message: str, *, status: int | None) -> None:
        super().__init__(message)
        self.status = status


class ConnectorAnswerLost(ConnectorRejected):
    """The post went out and its answer did not come back (a read timeout, the connection dropped after
    the request): the connector may have taken it. Raised instead of a retry where a second post would
    be a duplicate (`with_retry(resend_unsure=False)`)."""

    def __init__(self, message: str) -> None:
        super().__init__(message, status=None)


def never_sent(error: ClientRequestError) -> bool:
    """Whether a failed call certainly never reached the connector (no connection was made), so trying
    it again cannot post twice. msrest's async client runs `requests`, whose error is kept inside."""
    inner = error.inner_exception
    if isinstance(inner, requests.exceptions.ConnectTimeout):
        return True
    if isinstance(inner, requests.exceptions.ConnectionError) and inner.args:
        reason = getattr(inner.args[0], "reason", None)  # urllib3's MaxRetryError names why
        return isinstance(reason, (urllib3.exceptions.NewConnectionError, urllib3.exceptions.ConnectTimeoutError))
    return False


def _status_of(error: Exception) -> tuple[int | None, float | None]:
    if isinstance(error, HttpOperationError) and error.response is not None:
        status = getattr(error.response, "status_code", None) or getattr(error.response, "status", None)
        headers = getattr(error.response, "headers", None) or {}
        retry_after = None
        raw = headers.get("Retry-After") if hasattr(headers, "get") else None
        if raw:
            try:
                retry_after = float(raw)
            except ValueError:
                retry_after = None
        return status, retry_after
    return None, None


async def send_with_retry(
    turn_context: TurnContext, activity: Activity, *, policy: RetryPolicy, resend_unsure: bool = True
) -> ResourceResponse | None:
    """Send one activity; retry what the connector asks us to retry; raise `ConnectorRejected` otherwise."""
    return await with_retry(lambda: turn_context.send_activity(activity), policy=policy, resend_unsure=resend_unsure)


async def update_with_retry(turn_context: TurnContext, activity: Activity, *, policy: RetryPolicy) -> Any:
    """Replace a message the bot posted (``activity.id``) in place, with the same retries as a send."""
    return await with_retry(lambda: turn_context.update_activity(activity), policy=policy)


async def with_retry(
    call: Callable[[], Awaitable[Any]],
    *,
    policy: RetryPolicy,
    resend_unsure: bool = True,
    down: PlatformOutage = DOWN,
    limited: RateLimits = LIMITED,
) -> Any:
    """Run one connector call; retry 412/429/5xx and network errors; raise `ConnectorRejected` otherwise.

    With `resend_unsure=False` (a reminder or announcement, which the core must never post twice) a network
    error after the request may have reached the connector is not retried: `ConnectorAnswerLost`.

    A connector that answers 5xx, what no one can read, or not at all past the retries is an outage, as Slack's
    is (`adapters.platform_outage`): /healthz says «degraded» naming Teams until a call goes through."""
    try:
        answer = await _with_retry(call, policy=policy, resend_unsure=resend_unsure)
    except ConnectorAnswerLost:
        raise
    except ConnectorRejected as error:
        if error.status is None or (error.status >= 500 and error.status in RETRY_STATUSES):
            down.down(platform="teams", call="the Bot Connector API", reason=str(error).split(": ", 1)[0])
        if error.status == 429:  # past the retries: every post waits (`SendHeld`) until a call goes through
            limited.held(platform="teams", reason=f"{error} on the Bot Connector API")
        raise
    down.up(platform="teams", call="the Bot Connector API")
    limited.lifted(platform="teams")
    return answer


async def _with_retry(call: Callable[[], Awaitable[Any]], *, policy: RetryPolicy, resend_unsure: bool) -> Any:
    for attempt in range(policy.attempts):
        try:
            return await call()
        except HttpOperationError as error:
            status, retry_after = _status_of(error)
            if status not in RETRY_STATUSES or attempt == policy.attempts - 1:
                raise ConnectorRejected(f"connector answered {status}", status=status) from error
            wait = policy.delay(attempt=attempt, retry_after=retry_after)
            logger.warning("Teams connector answered %s; retry %d in %.2fs", status, attempt + 1, wait)
        except DeserializationError as error:
            # An answer that is not the connector's JSON (a gateway's 502 page, a proxy's text/plain 403):
            # msrest cannot read it, so its status is lost; the request reached something, so it may have gone.
            if not resend_unsure:
                raise ConnectorAnswerLost(f"unreadable answer from the connector: {error}") from error
            if attempt == policy.attempts - 1:
                raise ConnectorRejected(f"unreadable answer from the connector: {error}", status=None) from error
            wait = policy.delay(attempt=attempt, retry_after=None)
            logger.warning(
                "Teams connector answered what it cannot read (%s); retry %d in %.2fs", error, attempt + 1, wait
            )
        except ClientRequestError as error:
            if not resend_unsure and not never_sent(error):
                raise ConnectorAnswerLost(f"no answer from the connector: {error}") from error
            if attempt == policy.attempts - 1:
                raise ConnectorRejected(f"connector unreachable: {error}", status=None) from error
            wait = policy.delay(attempt=attempt, retry_after=None)
            logger.warning("Teams connector unreachable (%s); retry %d in %.2fs", error, attempt + 1, wait)
        await policy.sleep(wait)
    raise AssertionError("unreachable")  # pragma: no cover
