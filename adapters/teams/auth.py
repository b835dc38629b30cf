"""Refusing unauthenticated Teams requests cheaply, and fetching the channel's signing keys without
blocking the event loop.

Why a gate in front of botbuilder: the SDK lets a token with ``alg: none``, HS256, a missing or unknown
key id escape as a 500 with a traceback (an ``IndexError`` deep in its key lookup), and it refreshes the
OpenID keys with a blocking ``requests.get`` without a timeout inside the event loop, so one hanging
endpoint stalls Slack and Teams together. `TokenGate.check` decides from the ``Authorization`` header
alone, before the body is read: Bearer, RS256, a known key id, a valid signature, not expired, our app id
as audience, the Bot Framework as issuer. Anything else is `TokenRefused` (401). The SDK still runs its
own checks afterwards (service URL claim, endorsements); `install_key_cache` hands it our keys, so it never
fetches on its own.

Keys are fetched with aiohttp under a timeout, one refresh at a time, at most once per
``min_refresh_interval`` for an unknown key id: a flood of junk kids costs a dict lookup each.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import aiohttp
import jwt
from botframework.connector.auth import AuthenticationConstants, JwtTokenExtractor
from jwt.algorithms import RSAAlgorithm

logger = logging.getLogger(__name__)

CHANNEL_METADATA_URL = AuthenticationConstants.TO_BOT_FROM_CHANNEL_OPENID_METADATA_URL
CHANNEL_ISSUER = AuthenticationConstants.TO_BOT_FROM_CHANNEL_TOKEN_ISSUER
ALGORITHM = "RS256"
MAX_TOKEN_CHARS = 8192
CLOCK_SKEW_SECONDS = 300


class TokenRefused(Exception):
    """The request's token is missing, malformed or unverifiable. The message is for the log (English)."""


@dataclass
class _Key:
    public_key: Any
    endorsements: list[str]


@dataclass
class KeySet:
    """The signing keys behind one OpenID metadata URL, refreshed off the request path's blocking calls."""

    metadata_url: str
    timeout: float = 5.0
    max_age: float = 24 * 3600.0
    min_refresh_interval: float = 300.0
    retry_interval: float = 15.0
    """While no keys could be fetched yet, how soon another request may try again."""
    clock: Callable[[], float] = time.monotonic
    keys: dict[str, _Key] = field(default_factory=dict)
    fetched_at: float | None = None
    attempted_at: float | None = None
    generation: int = 0
    _lock: asyncio.Lock | None = None

    async def find(self, kid: str) -> _Key | None:
        """The key for ``kid``; refreshes when the keys are old, or (rate-limited) when the kid is new."""
        now = self.clock()
        stale = self.fetched_at is None or now - self.fetched_at > self.max_age
        if stale or kid not in self.keys:
            interval = self.retry_interval if self.fetched_at is None else self.min_refresh_interval
            if self.attempted_at is None or now - self.attempted_at >= interval or self._busy():
                await self.refresh()
        return self.keys.get(kid)

    def _busy(self) -> bool:
        return self._lock is not None and self._lock.locked()

    async def refresh(self) -> None:
        """One refresh at a time; concurrent callers wait for it instead of starting their own."""
        if self._lock is None:
            self._lock = asyncio.Lock()
        generation = self.generation
        async with self._lock:
            if self.generation != generation:
                return  # someone refreshed while we waited
            self.generation += 1
            self.attempted_at = self.clock()
            try:
                keys = await asyncio.wait_for(self._fetch(), timeout=self.timeout)
            except (TimeoutError, aiohttp.ClientError, ValueError, KeyError, TypeError) as error:
                logger.warning("Teams: could not refresh signing keys from %s: %r", self.metadata_url, error)
                return
            self.keys = keys
            self.fetched_at = self.clock()
            logger.info("Teams: %d signing keys from %s", len(keys), self.metadata_url)

    async def _fetch(self) -> dict[str, _Key]:
        timeout = aiohttp.ClientTimeout(total=self.timeout)
        async with aiohttp.ClientSession(timeout=timeout) as session:
            async with session.get(self.metadata_url) as response:
                response.raise_for_status()
                jwks_uri = (await response.json(content_type=None))["jwks_uri"]
            async with session.get(jwks_uri) as response:
                response.raise_for_status()
                document = await response.json(content_type=None)
        keys: dict[str, _Key] = {}
        for jwk in document["keys"]:
            if not isinstance(jwk, dict) or not isinstance(jwk.get("kid"), str) or jwk.get("kty") != "RSA":
                continue
            try:
                public_key = RSAAlgorithm.from_jwk(json.dumps(jwk))
            except (jwt.InvalidKeyError, ValueError, TypeError):
                continue
            endorsements = jwk.get("endorsements") if isinstance(jwk.get("endorsements"), list) else []
            keys[jwk["kid"]] = _Key(public_key=public_key, endorsements=endorsements)
        return keys


class _SdkMetadata:
    """What botbuilder's `JwtTokenExtractor` expects from its metadata cache entry (``await get(kid)``)."""

    def __init__(self, keys: KeySet) -> None:
        self._keys = keys

    async def get(self, key_id: str | None) -> _Key | None:
        return await self._keys.find(key_id) if key_id else None


class _SdkMetadataCache(dict):
    """Replaces ``JwtTokenExtractor.metadataCache``: every metadata URL the SDK asks for is served by our
    non-blocking `KeySet`s (the SDK's own would call ``requests.get`` without a timeout in the loop)."""

    def __init__(self, resolve: Callable[[str], KeySet]) -> None:
        super().__init__()
        self._resolve = resolve

    def get(self, url: str, default: Any = None) -> _SdkMetadata:  # type: ignore[override]
        return _SdkMetadata(self._resolve(url))


class TokenGate:
    """Checks a Bot Framework channel token; see the module docstring."""

    def __init__(self, *, app_id: str, metadata_url: str = CHANNEL_METADATA_URL, timeout: float = 5.0) -> None:
        self.app_id = app_id
        self.metadata_url = metadata_url
        self.timeout = timeout
        self._sets: dict[str, KeySet] = {}

    def key_set(self, url: str | None = None) -> KeySet:
        url = url or self.metadata_url
        found = self._sets.get(url)
        if found is None:
            found = self._sets[url] = KeySet(metadata_url=url, timeout=self.timeout)
        return found

    def install_key_cache(self) -> None:
        """Let the SDK's token extractor use our key sets (a class attribute: one bot per process). With a
        metadata URL of our own (a stand-in, a sovereign cloud) every URL the SDK asks for is served by it."""
        if self.metadata_url == CHANNEL_METADATA_URL:
            JwtTokenExtractor.metadataCache = _SdkMetadataCache(self.key_set)
        else:
            JwtTokenExtractor.metadataCache = _SdkMetadataCache(lambda _url: self.key_set())

    async def check(self, auth_header: str) -> dict[str, Any]:
        """The verified claims, or `TokenRefused`."""
        scheme, _, token = (auth_header or "").partition(" ")
        token = token.strip()
        if scheme != "Bearer" or not token:
            raise TokenRefused("no bearer token")
        if len(token) > MAX_TOKEN_CHARS:
            raise TokenRefused("token too long")
        try:
            header = jwt.get_unverified_header(token)
        except jwt.PyJWTError as error:
            raise TokenRefused(f"malformed token ({type(error).__name__})") from error
        if header.get("alg") != ALGORITHM:
            raise TokenRefused("algorithm not allowed")
        kid = header.get("kid")
        if not isinstance(kid, str) or not kid:
            raise TokenRefused("no key id")
        key = await self.key_set().find(kid)
        if key is None:
            raise TokenRefused("unknown key id")
        try:
            return jwt.decode(
                token,
                key.public_key,
                algorithms=[ALGORITHM],
                audience=self.app_id,
                issuer=CHANNEL_ISSUER,
                leeway=CLOCK_SKEW_SECONDS,
                options={"require": ["exp", "aud", "iss"]},
            )
        except jwt.PyJWTError as error:
            raise TokenRefused(f"token not valid ({type(error).__name__})") from error
