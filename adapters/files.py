"""A file that came with a command, turned into the core's neutral `Attachment` (name, url, SHA-256, size).

The adapters hold the credentials (Slack's bot token) and the network, so they read the file before
calling the core; the core never downloads anything. Bytes are hashed as they stream in and never kept,
and a file larger than `MAX_BYTES` or slower than `TIMEOUT` becomes an attachment with an `error`: the
core then answers in Norwegian that it could not read the file, and records nothing.
"""

from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from bot.messages import Attachment

if TYPE_CHECKING:  # aiohttp is imported when a file is fetched, so the terminal starts without it
    import aiohttp

logger = logging.getLogger(__name__)

MAX_BYTES = 100 * 1024 * 1024
"""An agreement is a PDF or a Word file of a few megabytes; far more than that is not an agreement."""
TIMEOUT_SECONDS = 60.0
CHUNK = 1 << 16


async def fetch(
    *,
    name: str,
    url: str,
    link: str | None = None,
    headers: Mapping[str, str] | None = None,
    session: aiohttp.ClientSession | None = None,
    html_is_error: bool = False,
) -> Attachment:
    """GET `url` and hash it. `link` is what people open later (a permalink) when it differs from `url`.
    Never raises: a failure is an attachment with `error` set (logged without the headers, which may hold
    a token). `html_is_error`: Slack answers a url_private request without a valid token with its HTML
    sign-in page and status 200."""
    import aiohttp

    own = session is None
    http = session or aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=TIMEOUT_SECONDS))
    shown = link or url
    try:
        async with http.get(url, headers=dict(headers or {}), allow_redirects=True) as response:
            if response.status != 200:
                return _failed(name, shown, f"HTTP {response.status}")
            if html_is_error and "text/html" in response.headers.get("Content-Type", ""):
                return _failed(name, shown, "got a sign-in page instead of the file (token without files:read?)")
            digest = hashlib.sha256()
            size = 0
            async for chunk in response.content.iter_chunked(CHUNK):
                size += len(chunk)
                if size > MAX_BYTES:
                    return _failed(name, shown, f"larger than {MAX_BYTES} bytes")
                digest.update(chunk)
            return Attachment(name=name, url=shown, sha256=digest.hexdigest(), size=size)
    except (TimeoutError, aiohttp.ClientError, OSError, ValueError) as exc:
        return _failed(name, shown, type(exc).__name__)
    finally:
        if own:
            await http.close()


def read_local(path: str) -> Attachment:
    """A path typed in the terminal: the local file, hashed; its `file://` URL is the link."""
    resolved = Path(os.path.expanduser(path)).resolve()
    name = resolved.name or path
    try:
        digest = hashlib.sha256()
        size = 0
        with open(resolved, "rb") as handle:
            while chunk := handle.read(CHUNK):
                size += len(chunk)
                if size > MAX_BYTES:
                    return _failed(name, resolved.as_uri(), f"larger than {MAX_BYTES} bytes")
                digest.update(chunk)
    except OSError as exc:
        return _failed(name, resolved.as_uri(), type(exc).__name__)
    return Attachment(name=name, url=resolved.as_uri(), sha256=digest.hexdigest(), size=size)


def _failed(name: str, url: str, reason: str) -> Attachment:
    logger.info("could not read the shared file %r: %s", name, reason)
    return Attachment(name=name, url=url, error=reason)
