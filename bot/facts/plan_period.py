"""A region's plan period (the regional plan the agreements build on), the same in `status`, on the status
page and wherever else it is shown: the period set with `plan` (stored in `meta`) wins over app.yaml's."""

from __future__ import annotations

import logging

from bot.config import AppConfig
from bot.state import META, StateStore

logger = logging.getLogger(__name__)


def plan_period(*, config: AppConfig, state: StateStore, region: str) -> str | None:
    """«2028–2031», or None where neither `plan` nor app.yaml gives one."""
    stored = state.tables(META).get("plan_periods", {}).get(region)
    if isinstance(stored, dict) and stored.get("period"):
        return str(stored["period"])
    spec = config.region(region)
    return spec.plan_period if spec else None
