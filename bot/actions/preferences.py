"""A person's own choices and a channel's written form: `set_mentions` (`varsel av|på`),
`choose_written_form` (`målform nn|nb`) and `choose_channel_form` (`målform kanal nn|nb`)."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from bot.actions.base import Acting, record
from bot.actions.rules import require_known, require_shared_channel
from bot.i18n import Lang, _
from bot.reminders.notify import NOTIFY_TABLE, muted_people
from bot.state.store import META, DomainError
from bot.written_form import FORMS_TABLE, channel_doc_key, person_doc_key
from storage.base import Document, Tables

logger = logging.getLogger(__name__)

SET_MENTIONS = "set_mentions"
CHOOSE_WRITTEN_FORM = "choose_written_form"
CHOOSE_CHANNEL_FORM = "choose_channel_form"
FORM_NAMES = {"nb": "bokmål", "nn": "nynorsk"}


@dataclass(frozen=True)
class MentionsSet:
    on: bool
    changed: bool
    """False when it was already so: nothing recorded."""


def set_mentions(acting: Acting, *, on: bool) -> MentionsSet:
    """Whether reminders mention the caller (they reach the channel either way)."""
    caller = acting.caller
    if caller.key is None or not caller.known:
        raise DomainError(
            _(
                "Du er ikke registrert som person her ennå, så påminnelser nevner deg ikke. En administrator kan "
                "skrive «person …»."
            )
        )
    person = caller.key
    if (person not in muted_people(state=acting.state)) == on:  # already so: nothing to record
        return MentionsSet(on=on, changed=False)
    record(
        acting,
        action=SET_MENTIONS,
        partition=META,
        summary=lambda: (
            _("Omtale i påminnelser slått på for {name}") if on else _("Omtale i påminnelser slått av for {name}")
        ).format(name=caller.name),
        mutate=lambda tables: _put(tables, NOTIFY_TABLE, person, {"mentions": on}),
    )
    return MentionsSet(on=on, changed=True)


def choose_written_form(acting: Acting, *, lang: Lang) -> None:
    """The form of the replies only the caller sees."""
    caller = acting.caller
    if caller.key is None or not caller.known:
        require_known(acting)  # a newcomer reads how to join, with the button (walk 43), not «ask an admin»
        raise DomainError(_("Du er ikke registrert som person her ennå. En administrator kan skrive «person …»."))
    key = person_doc_key(caller.key)
    record(
        acting,
        action=CHOOSE_WRITTEN_FORM,
        partition=META,
        summary=lambda: _("Målform for {name}: {form}").format(name=caller.name, form=FORM_NAMES[lang]),
        mutate=lambda tables: _put(tables, FORMS_TABLE, key, {"form": lang}),
    )


def choose_channel_form(acting: Acting, *, lang: Lang) -> None:
    """The form of everything the request's channel reads: an admin, or the coordinator of its region."""
    caller, channel, request = acting.caller, acting.channel, acting.request
    allowed = caller.role == "admin" or (
        caller.role == "coordinator" and channel.region is not None and caller.party == channel.region
    )
    if not allowed and channel.region is None:  # an actor's or AU's channel has no region coordinator (walk 21 A10)
        raise DomainError(
            _(
                "Bare en administrator kan endre målformen i en kanal som ikke hører til en region. Din egen "
                "målform endrer du med «målform nynorsk» eller «målform bokmål»."
            )
        )
    if not allowed:
        raise DomainError(_("Bare en administrator eller regionens koordinator kan endre kanalens målform."))
    require_shared_channel(acting)
    key = channel_doc_key(request.platform, request.channel_id)
    record(
        acting,
        action=CHOOSE_CHANNEL_FORM,
        partition=META,
        summary=lambda: _("Målform for kanalen {channel}: {form}").format(
            channel=f"{request.platform}:{request.channel_id}", form=FORM_NAMES[lang]
        ),
        mutate=lambda tables: _put(tables, FORMS_TABLE, key, {"form": lang}),
    )


def _put(tables: Tables, table: str, key: str, doc: Document) -> None:
    tables.setdefault(table, {})[key] = doc
