"""The refusal of a region's write to someone who is not its coordinator, said once for every write.

It names the council as app.yaml names the region (Oslo is «Oslo kommune», a municipality, not a county
council: walk 18 F10) and, where the region has no coordinator at all, says so and who gives the role, since
nobody there can do it until an administrator does (walk 18 F9).
"""

from __future__ import annotations

import logging

from bot.actions.base import Acting
from bot.i18n import _
from bot.model.config import AppConfig
from bot.parsing import fold
from bot.reminders.notify import known_people
from bot.state.store import DomainError, StateStore

logger = logging.getLogger(__name__)


def is_municipality(config: AppConfig, *, region: str) -> bool:
    """Whether app.yaml names the region a municipality («Oslo kommune») rather than a county council."""
    words = fold(config.party_name(region)).split()
    return bool(words) and words[-1] == "kommune"


def regions_without_coordinator(*, config: AppConfig, state: StateStore) -> list[str]:
    """The regions (app.yaml's order) where nobody, in app.yaml or a runtime binding, is coordinator now."""
    people = known_people(config=config, state=state).values()
    held = {p["party"] for p in people if p["role"] == "coordinator"}
    return [region.key for region in config.parties.regions if region.key not in held]


def has_coordinator(*, config: AppConfig, state: StateStore, region: str) -> bool:
    """Whether anyone is the region's coordinator now."""
    return region not in regions_without_coordinator(config=config, state=state)


def no_coordinator_note(*, config: AppConfig, state: StateStore, region: str) -> str:
    """«Oslo kommune har ingen koordinator hos meg ennå; …», or "" where the region has one."""
    if has_coordinator(config=config, state=state, region=region):
        return ""
    return _("{party} har ingen koordinator hos meg ennå; en administrator gir rollen med «{command}».").format(
        party=config.party_name(region), command=f"person @… {region} koordinator"
    )


def refuse_non_coordinator(acting: Acting, *, region: str, what: str | None = None) -> DomainError:
    """The refusal to raise: «Bare fylkeskommunens/kommunens koordinatorer kan {what}.», with the note."""
    config = acting.config
    what = what or _("sette datoer og registrere møteutfall")
    if is_municipality(config, region=region):
        said = _("Bare kommunens koordinatorer kan {what}.").format(what=what)
    else:
        said = _("Bare fylkeskommunens koordinatorer kan {what}.").format(what=what)
    note = no_coordinator_note(config=config, state=acting.state, region=region)
    return DomainError(f"{said} {note}" if note else said)
