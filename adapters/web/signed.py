"""Signed, expiring picture addresses: Teams shows a card's Image by fetching its URL, so the wheel is
served by our own server at an address that names what to draw, when the address expires, and an HMAC of
both with a secret from the environment. A changed or expired address gets 404 and reveals nothing."""

from __future__ import annotations

import hashlib
import hmac
import logging
import secrets
from collections.abc import Mapping
from datetime import datetime, timedelta
from urllib.parse import quote, urlencode

from bot.messages import Picture

logger = logging.getLogger(__name__)

SECRET_ENV = "SAMHANDLING_LINK_SECRET"
PICTURE_TTL = timedelta(days=30)
"""How long a posted picture's address works (Teams fetches it again when the card is shown later)."""
PARAMS = ("view", "region", "year", "lang")

_PROCESS_SECRET = secrets.token_bytes(32)


def link_secret(environ: Mapping[str, str]) -> bytes:
    """The signing key: $SAMHANDLING_LINK_SECRET, or a random one per process (addresses then stop working
    at a restart, which only costs a picture in an old card)."""
    value = environ.get(SECRET_ENV, "")
    if value:
        return value.encode()
    return _PROCESS_SECRET


def _digest(params: Mapping[str, str], expires: int, secret: bytes) -> str:
    message = "\n".join([*(f"{key}={params.get(key, '')}" for key in PARAMS), str(expires)])
    return hmac.new(secret, message.encode(), hashlib.sha256).hexdigest()


def picture_address(picture: Picture, *, base: str, secret: bytes, now: datetime, ext: str = "png") -> str:
    expires = int((now + PICTURE_TTL).timestamp())
    query = {key: picture.params[key] for key in PARAMS if key in picture.params}
    query |= {"exp": str(expires), "sig": _digest(picture.params, expires, secret)}
    return f"{base.rstrip('/')}/bilde/{quote(picture.name)}.{ext}?{urlencode(query)}"


def verify(query: Mapping[str, str], *, secret: bytes, now: datetime) -> dict[str, str] | None:
    """The params a signed address names, or None when it is forged, altered or expired."""
    try:
        expires = int(query.get("exp", ""))
    except ValueError:
        return None
    params = {key: query[key] for key in PARAMS if key in query}
    expected = _digest(params, expires, secret)
    if not hmac.compare_digest(expected.encode(), str(query.get("sig", "")).encode()):
        return None
    if expires < now.timestamp():
        return None
    return params
