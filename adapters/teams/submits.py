"""A card submit that no card of ours could have sent: refused before the core, with one short line.

Teams sends a click as a message whose ``value`` is the button's data merged with the card's inputs. Our
cards' inputs are ``Input.Text`` (a string, at most `cards.MAX_MULTILINE` characters, which the client alone
enforces), and every button names its command. A value edited by hand can carry anything: a form field as
an object or a list was written into minutes as Python's repr («{'a': 1}», a follow-up point «True»), and a
button without a readable command answered with the whole help page, or not at all (walk 30 M1-M3). Such a
submit changes nothing and is told what was wrong and how to write it instead. A field too long (walk 30 M2:
a 50 kB field recorded 5000 decisions) is text of the right shape: the core's size step refuses it, for Slack's
forms and Teams' cards alike (`bot.pipeline.size`), so the limit is decided once.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from typing import Any

from botbuilder.schema import Activity

from bot.i18n import _, using
from bot.messages import Reply, Request
from bot.port import CorePort

from .cards import DATA_KEY, FIELD_PREFIX
from .translate import PLATFORM, channel_key, user_key

logger = logging.getLogger(__name__)

_FIELD_NAME = re.compile(r"[a-zæøå_]{1,30}")
"""A field name as our forms write them; another (hand-written) one is not repeated back in the reply."""


def submit_problem(value: Any) -> tuple[str, str] | None:
    """(what is wrong, the field it is in) for a submit of ours that no card of ours sends; None for a
    sound one and for a value that is not ours (no ``samhandling`` key: read as a typed message)."""
    if not isinstance(value, Mapping) or DATA_KEY not in value:
        return None
    data = value[DATA_KEY]
    command = data.get("command") if isinstance(data, Mapping) else None
    if not isinstance(command, str) or not command.strip():
        return "command", ""
    for key, raw in value.items():
        if not isinstance(key, str) or not key.startswith(FIELD_PREFIX) or raw is None:
            continue
        name = key[len(FIELD_PREFIX) :]
        shown = name if _FIELD_NAME.fullmatch(name) else "?"
        if not isinstance(raw, str):
            return "not-text", shown
    return None


def submit_refusal(activity: Activity, *, core: CorePort) -> Reply | None:
    """The reply to a submit `submit_problem` refuses, in the written form the person reads there; None
    when the submit is sound (or not ours)."""
    found = submit_problem(activity.value) if activity.value is not None else None
    if found is None:
        return None
    problem, field = found
    logger.info("Teams: a card submit refused (%s%s)", problem, f" in field {field!r}" if field else "")
    asker = Request(
        platform=PLATFORM,
        user_id=user_key(activity),
        channel_id=channel_key(activity.conversation.id if activity.conversation else ""),
        text="",
    )
    lang = "nn" if core.lang_for(asker) == "nn" else "nb"
    with using(lang):
        if problem == "command":
            text = _(
                "Knappen kom fram uten en kommando jeg kan lese, så ingenting er gjort. Skriv kommandoen i en ny "
                "melding, f.eks. «neste», eller «hjelp» for alle kommandoene."
            )
        else:
            text = _(
                "Feltet {field} i skjemaet kom fram som noe annet enn tekst, så ingenting er registrert. Åpne "
                "skjemaet på nytt og fyll det inn, eller skriv kommandoen i en ny melding."
            ).format(field=field)
        return Reply(title=_("Ikke registrert"), text=text, ok=False, lang=lang)
