"""The open follow-up points a person may close (`ferdig`): their own (their party's, or named to them) and
those of the meetings their party keeps, whose coordinators close them too (README «the meeting's
coordinators close one»). `ferdig` alone lists both, and `hjelp ferdig` takes its example id from them, so
a coordinator whose meetings hold others' points is not told there are none (walk 14a F6, walk 13 W2).
Who may close a point is `bot.model.followups.may_close`; this splits what it lets through into the caller's
own and the rest."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date

from bot.model.config import AppConfig
from bot.model.followups import Followup, closable_by, open_for
from bot.model.identity import Caller
from bot.state.store import StateStore

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Closable:
    """The caller's own open points, and the other open points of the meetings their party keeps."""

    own: tuple[Followup, ...]
    kept: tuple[Followup, ...]

    @property
    def first(self) -> Followup | None:
        return (self.own or self.kept or (None,))[0]


def closable_points(*, config: AppConfig, state: StateStore, caller: Caller, today: date) -> Closable:
    if not caller.known:
        return Closable(own=(), kept=())
    own = tuple(open_for(config=config, state=state, today=today, party=caller.party, person=caller.key))
    if not caller.party:
        return Closable(own=own, kept=())
    mine = {point.id for point in own}
    everything = closable_by(config=config, state=state, today=today, party=caller.party, person=caller.key)
    return Closable(own=own, kept=tuple(point for point in everything if point.id not in mine))
