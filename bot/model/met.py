"""The organisation of each person the core has met, so a mention of them reads them as their organisation's
(walk 28 F9: an adviser known through her organisation signed for IN, but «oppfølging: … @Inga» was refused
with «Jeg kjenner ikke personen»). A mention carries only the person's id; what organisation they come from
is known from their own requests. One process's memory, like the Teams ids of people met
(`adapters.teams.members.TeamsIds`): after a restart a person is known again once they have spoken."""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict

from bot.messages import Request

logger = logging.getLogger(__name__)

MAX_MET = 5000
"""People a process keeps (a few hundred in a national deployment)."""


class MetPeople:
    """(platform, user id) -> (organisation, e-mail domain, name) of each person met with an organisation."""

    def __init__(self) -> None:
        self._met: OrderedDict[tuple[str, str], tuple[str | None, str | None, str | None]] = OrderedDict()
        self._lock = threading.Lock()

    def note(self, request: Request) -> None:
        """What the person's latest request says: a request with no organisation forgets the one met before
        (a Teams guest, a roster not read: unknown is unknown, walk 28 F6)."""
        if not request.user_id:
            return
        key = (request.platform, request.user_id)
        if not (request.organisation or request.email_domain):
            with self._lock:
                self._met.pop(key, None)
            return
        with self._lock:
            self._met[key] = (request.organisation, request.email_domain, request.user_name)
            self._met.move_to_end(key)
            while len(self._met) > MAX_MET:
                self._met.popitem(last=False)

    def of(self, *, platform: str, user_id: str) -> tuple[str | None, str | None, str | None]:
        """(organisation, e-mail domain, name as the platform gave it); Nones for a person not met."""
        with self._lock:
            return self._met.get((platform, user_id), (None, None, None))
