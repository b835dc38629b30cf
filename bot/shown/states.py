"""The seven states the wheel picture and the status pages show (done, not relevant, planned, a meeting over
without minutes, open, overdue, untracked),
with their words and symbols, mapped from the one item state (`bot.facts.item_state`): the picture, the
pages and the feeds never decide a state of their own."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from datetime import date
from typing import Literal

from bot.facts.item_state import item_state, minutes_missing
from bot.facts.kinds import is_meeting, is_signing
from bot.i18n import N_, _
from bot.messages import ItemState
from bot.model.config import AppConfig
from bot.model.progress import Progress, progress_of
from bot.model.wheel import Item, agreement_parties
from bot.state.store import StateStore

logger = logging.getLogger(__name__)

State = Literal["done", "not_relevant", "planned", "minutes_missing", "open", "overdue", "untracked"]
STATE_ORDER: tuple[State, ...] = ("overdue", "minutes_missing", "open", "planned", "done", "not_relevant", "untracked")
"""Worst first: a combined arc or a heat-map cell shows the worst state among its items (a group with one
letter done and one not relevant shows done: something was done there)."""

STATE_LABELS: Mapping[State, str] = {
    "done": N_("Ferdig"),
    "not_relevant": N_("Ikke aktuelt i år"),
    "planned": N_("Planlagt (dato satt)"),
    "minutes_missing": N_("Dagen er over, referat eller vedtak mangler"),
    "open": N_("Åpen (ingen dato ennå)"),
    "overdue": N_("På overtid"),
    "untracked": N_("Før boten (ikke fulgt opp)"),
}
STATE_SYMBOLS: Mapping[State, str] = {
    "done": "✓",
    "not_relevant": "⊘",
    "planned": "●",
    "minutes_missing": "◐",
    "open": "○",
    "overdue": "!",
    "untracked": "–",
}
"""A symbol per state, drawn with every label, so nothing is told by colour alone. «Ikke aktuelt» is not
done (nothing was done): it has its own symbol and colour, never the green ✓."""

PICTURE_STATES: Mapping[ItemState, State] = {
    ItemState.DONE: "done",
    ItemState.NOT_RELEVANT: "not_relevant",
    ItemState.OVERDUE: "overdue",
    ItemState.PLANNED: "planned",
    ItemState.DUE: "open",
    ItemState.OPEN: "open",
    ItemState.OPTIONAL_PAST: "open",
    ItemState.NOT_OPEN: "open",
    ItemState.UNTRACKED: "untracked",
}
"""The picture's and the status pages' six states, from the one item state (`bot.facts.item_state`)."""


def over_text(item: Item) -> str:
    """What is missing once a dated item's day has passed unrecorded (`bot.facts.item_state.minutes_missing`):
    a meeting's minutes, or the decision of a political treatment or an action plan (walk 20 F-h), one
    wording for chat, the pages and the feeds."""
    return _("møtet er over; referatet mangler") if is_meeting(item) else _("vedtaket mangler")


def over_short(item: Item) -> str:
    """`over_text` as a cell of `oversikt` says it, after the planned day: «03.12 · referat mangler»."""
    return _("referat mangler") if is_meeting(item) else _("vedtak mangler")


def state_of(*, config: AppConfig, state: StateStore, item: Item, today: date) -> tuple[State, date | None]:
    """An item's state on the picture, and its planned day (None when no date is set). A planned meeting whose
    day has passed without minutes is over, not planned (`minutes_missing`, walk 15 N3): its own mark, as
    `status` and `neste` say it."""
    progress = progress_of(config=config, state=state, item=item)
    planned = progress.planned.date() if progress.planned else None
    shown = PICTURE_STATES[item_state(config=config, progress=progress, today=today)]
    if shown == "planned" and minutes_missing(progress, today=today):
        return "minutes_missing", planned
    return shown, planned


def optional_past_words(*, config: AppConfig, state: StateStore, item: Item, today: date) -> str | None:
    """«Valgfritt, ikke på overtid (frist …)» for an optional item past its deadline (`ItemState.OPTIONAL_PAST`,
    drawn as open): what chat says of it, never «Åpen, frist …» as if the deadline were ahead; None otherwise."""
    progress = progress_of(config=config, state=state, item=item)
    if item_state(config=config, progress=progress, today=today) is not ItemState.OPTIONAL_PAST:
        return None
    return _("Valgfritt, ikke på overtid (frist {day})").format(day=item.deadline.strftime("%d.%m.%Y"))


def signed_share(*, config: AppConfig, item: Item, progress: Progress, shown: State) -> tuple[int, int] | None:
    """How many of the agreement's parties have signed, of how many, where a signing is shown neither done
    nor before the bot: the status page's «2/5 signert» and the wheel's «Signering 2/5» (walk 13, W6), one
    count. None for any other item."""
    if not is_signing(item) or shown in ("done", "untracked"):  # signed before the bot: no count (walk 8 m1)
        return None
    parties = agreement_parties(config, region=item.region)
    return len(parties) - len(progress.missing), len(parties)
