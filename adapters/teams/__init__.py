"""Microsoft Teams adapter: the core in Teams channels and chats, through botbuilder-python.

Every botbuilder import of the project lives in this package, so a later move to the Microsoft 365 Agents
SDK touches nothing outside it. Importing the package itself loads no SDK: ``settings`` and ``package``
are SDK-free (the server and ``python -m bot teams-package`` use them without botbuilder), and
`mount_teams` imports ``app`` (the part that needs botbuilder) only when the server mounts Teams.

- `mount_teams`: the server's mount hook (``adapters.teams:mount_teams`` in ``adapters.server.MOUNTS``).
- ``adapters.teams.settings.teams_requires_loopback()``: must the server bind to 127.0.0.1 only?
- ``adapters.teams.package.main(argv)``: writes the Teams app package (zip).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, MutableMapping
from typing import TYPE_CHECKING, Any

from aiohttp import web

from .settings import MESSAGES_PATH, TeamsSettings, loopback_warning, teams_enabled, teams_requires_loopback

if TYPE_CHECKING:
    from bot.port import CorePort
    from bot.reminders.passes import Sender

    from .app import TeamsRuntime

logger = logging.getLogger(__name__)

TEAMS_RUNTIME = web.AppKey("teams_runtime", object)

__all__ = ["MESSAGES_PATH", "TEAMS_RUNTIME", "mount_teams", "teams_requires_loopback"]


def mount_teams(
    app: web.Application,
    *,
    core: CorePort,
    senders: MutableMapping[str, Sender],
    environ: Mapping[str, str],
    retry: Any = None,
) -> TeamsRuntime | None:
    """Add POST /api/messages to the shared server and the Teams reminder sender to ``senders``.

    ``senders`` is shared by every platform: the Teams sender is added to it, and announcements from a
    Teams turn to another platform (a signature made in Teams, announced in Slack) go through it. Without
    MICROSOFT_APP_ID the route accepts unauthenticated requests (Emulator); that is logged loudly and
    `teams_requires_loopback` tells the server to bind 127.0.0.1. SAMHANDLING_TEAMS=off skips Teams.
    """
    if not teams_enabled(env=environ):
        logger.info("Teams disabled (SAMHANDLING_TEAMS=off); skipping")
        return None
    settings = TeamsSettings.from_env(env=environ)
    if not settings.auth_enabled:
        logger.warning(loopback_warning())
    from .app import create_runtime  # botbuilder is imported only when Teams is used

    runtime = create_runtime(core=core, settings=settings, senders=senders, retry=retry)
    app.router.add_post(MESSAGES_PATH, runtime.handle_http)
    app[TEAMS_RUNTIME] = runtime
    return runtime
