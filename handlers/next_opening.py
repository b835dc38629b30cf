"""An actor's `neste` before a signing window opens (walk 17 F-d): an agreement with everything it waits on
recorded is named with the day it can be signed from, «Signering av samarbeidsavtalen 2028 – Agder: kan
signeres fra 1. januar 2028.», as the coordinator's `neste` and `status` say it. Without it an actor in
late December heard nothing of the agreements it would sign on the window's first day."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import date

from bot.agreement.signing import opens_text
from bot.context import Context
from bot.facts.kinds import is_signing
from bot.model.progress import Progress, missing_for_signing

logger = logging.getLogger(__name__)


def opening_text(ctx: Context, others: Iterable[Progress], *, today: date) -> str:
    """One sentence per agreement year whose window has not opened, naming the ready regions; "" when none."""
    config, state = ctx.config, ctx.state
    ready: dict[str, tuple[Progress, list[str]]] = {}
    for progress in others:
        item = progress.item
        if not is_signing(item) or today >= item.start or not item.region:
            continue
        if missing_for_signing(config=config, state=state, signing=item):
            continue
        regions = ready.setdefault(item.title(), (progress, []))[1]
        regions.append(config.party_short(item.region))
    return " ".join(
        f"{title} – {', '.join(regions)}: {opens_text(first.item)}." for title, (first, regions) in ready.items()
    )
