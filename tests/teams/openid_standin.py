"""A local stand-in for the Bot Framework's OpenID metadata and JWKS endpoints, with an RSA key generated
per test run, and tokens signed the way the channel signs them (and the ways a forger would)."""

from __future__ import annotations

import asyncio
import json
import time
from dataclasses import dataclass, field
from typing import Any

import jwt
from aiohttp import web
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm

from adapters.teams.auth import CHANNEL_ISSUER
from tests.teams.harness import _start

KID = "test-key-1"


@dataclass
class OpenIdStandIn:
    """GET /openid (metadata naming /keys) and GET /keys. ``hang`` makes /openid wait until released."""

    hang: bool = False
    metadata_requests: int = 0
    requested: asyncio.Event = field(default_factory=asyncio.Event)
    release: asyncio.Event = field(default_factory=asyncio.Event)
    key: rsa.RSAPrivateKey = field(
        default_factory=lambda: rsa.generate_private_key(public_exponent=65537, key_size=2048)
    )
    runner: web.AppRunner | None = None
    url: str = ""

    @property
    def metadata_url(self) -> str:
        return f"{self.url}/openid"

    async def _metadata(self, request: web.Request) -> web.Response:
        self.metadata_requests += 1
        self.requested.set()
        if self.hang:
            await self.release.wait()
        return web.json_response({"issuer": CHANNEL_ISSUER, "jwks_uri": f"{self.url}/keys"})

    async def _keys(self, request: web.Request) -> web.Response:
        jwk = json.loads(RSAAlgorithm.to_jwk(self.key.public_key()))
        jwk.update(kid=KID, use="sig", endorsements=["msteams", "emulator"])
        return web.json_response({"keys": [jwk]})

    async def start(self) -> OpenIdStandIn:
        app = web.Application()
        app.router.add_get("/openid", self._metadata)
        app.router.add_get("/keys", self._keys)
        self.url = await _start(app, self)
        return self

    async def stop(self) -> None:
        self.release.set()
        if self.runner:
            await self.runner.cleanup()

    def token(self, *, app_id: str, service_url: str, **overrides: Any) -> str:
        """A channel token as Teams sends it; ``overrides`` change claims (``exp``, ``aud``, …)."""
        now = int(time.time())
        claims = {
            "iss": CHANNEL_ISSUER,
            "aud": app_id,
            "serviceurl": service_url,
            "nbf": now - 60,
            "exp": now + 3600,
        }
        headers = overrides.pop("headers", {"kid": KID})
        claims.update(overrides)
        return jwt.encode(claims, self.key, algorithm="RS256", headers=headers)
