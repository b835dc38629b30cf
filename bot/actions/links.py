"""`renew_link`: an admin replaces a calendar feed's or status page's secret link; the old address stops
working at once."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from bot.actions.base import Acting, record
from bot.i18n import _
from bot.shown.web_links import renew
from bot.state.store import META, DomainError

logger = logging.getLogger(__name__)

ACTION = "renew_link"


@dataclass(frozen=True)
class Link:
    link_id: str
    path: str
    what: Callable[[], str]
    """Names the link in the current written form («kalenderen Agder fylkeskommune»)."""


def renew_link(acting: Acting, *, link: Callable[[], Link]) -> Link:
    """Renew the link `link` names; it is read after the admin check, so others hear the rule."""
    if acting.caller.role != "admin":
        raise DomainError(_("Bare en administrator kan lage nye lenker. Spør en administrator om det."))
    chosen = link()
    record(
        acting,
        action=ACTION,
        partition=META,
        summary=lambda: _("Ny hemmelig lenke til {what}; den gamle virker ikke lenger").format(what=chosen.what()),
        mutate=renew(chosen.link_id),
    )
    return chosen
