"""Who answers for an item, as each surface words it.

The party that acts is `bot.model.wheel.responsible_party` (AU records the state budget). Who answers for it is
the body that decides it where app.yaml names one (`adopted_by`: the Storting adopts the state budget), with
the party that records it: «Stortinget (registreres av AU)» in chat, on the status page and in the calendar
feed alike. Otherwise the party itself: its full name, or its short name where space is scarce (a table).
"""

from __future__ import annotations

import logging
from enum import StrEnum

from bot.i18n import _
from bot.model.config import AppConfig
from bot.model.wheel import Item, responsible_party

logger = logging.getLogger(__name__)


class Wording(StrEnum):
    FULL = "full"
    """Chat replies and calendar feeds: the party's full name."""
    SHORT = "short"
    """The status page's table: the party's short name."""


def who_answers(*, config: AppConfig, item: Item, wording: Wording = Wording.FULL) -> str:
    """Who answers for `item`, in the reader's written form."""
    who, recorder = answering(config=config, item=item, wording=wording)
    if recorder:
        return _("{who} (registreres av {party})").format(who=who, party=recorder)
    return who


def answering(*, config: AppConfig, item: Item, wording: Wording = Wording.FULL) -> tuple[str, str | None]:
    """Who answers for `item` and, where a body adopts it (`adopted_by`), the short name of the party that
    records it: («Stortinget», «AU»), or («Agder fylkeskommune», None). For a reply that already has a bracket
    after the name (an actor's `neste`: «… (15 regioner; registreres av AU)»)."""
    party = responsible_party(config, item)
    adopted_by = getattr(item.spec, "adopted_by", None)
    if adopted_by:
        return adopted_by, config.party_short(party)
    return (config.party_short(party) if wording is Wording.SHORT else config.party_name(party)), None
