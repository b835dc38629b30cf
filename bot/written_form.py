"""Who reads which written form (målform): the rules in one place, for replies, reminders and digests.

A channel reads its own setting (`målform kanal nn`, stored at runtime, else `written_form` on the channel
in app.yaml), else its region's `written_form` (Vestland: nynorsk), else bokmål (actor and national
channels). A person's own choice (`målform nn`) applies to what only they read: reads, help and every refusal
or other private answer (bot.pipeline.language says such an answer to a recording command again in their form).
A personal chat (a DM) is read by the person alone, so everything there is in their form: their own choice, else
the form their party's channels read (`party_form`: Vestland's coordinator reads nynorsk), else bokmål.
"""

from __future__ import annotations

import logging

from bot.i18n import DEFAULT_LANG, Lang
from bot.model.config import AppConfig
from bot.model.identity import ChannelContext, Directory
from bot.state.store import META, StateStore

logger = logging.getLogger(__name__)

FORMS_TABLE = "written_forms"


def person_doc_key(person: str) -> str:
    return f"person:{person}"


def channel_doc_key(platform: str, channel_id: str) -> str:
    return f"channel:{platform}:{channel_id}"


def _stored(state: StateStore, key: str) -> Lang | None:
    doc = state.tables(META).get(FORMS_TABLE, {}).get(key)
    form = doc.get("form") if isinstance(doc, dict) else None
    return form if form in ("nb", "nn") else None


def person_form(*, state: StateStore, person: str | None, locale: str | None = None) -> Lang | None:
    """The person's own choice, else the nynorsk their client is set to (`locale_form`), or None when they
    have made none."""
    stored = _stored(state, person_doc_key(person)) if person else None
    return stored or locale_form(locale)


def locale_form(locale: str | None) -> Lang | None:
    """«nn», «nn-NO», «nn_NO»: the client set to nynorsk, which the person reads; None for anything else. A
    bokmål or English client says nothing of the form (most Norwegian clients are «nb-NO» by default, also
    in a nynorsk county's channel, whose form stays the channel's)."""
    if not isinstance(locale, str):
        return None
    return "nn" if locale.strip().lower().replace("_", "-").split("-", 1)[0] == "nn" else None


def channel_form(
    *, config: AppConfig, state: StateStore, platform: str, channel_id: str, context: ChannelContext
) -> Lang:
    """The written form a channel reads."""
    stored = _stored(state, channel_doc_key(platform, channel_id))
    if stored:
        return stored
    configured = config.channel_with_id(platform, channel_id)
    if configured is not None and configured.written_form:
        return configured.written_form
    return region_form(config=config, region=context.region) if context.kind == "region" else DEFAULT_LANG


def configured_form(*, config: AppConfig, platform: str, channel_id: str) -> Lang:
    """The written form app.yaml alone gives a channel (its own, else its region's): what a reply is written in
    when the stored choices cannot be read (the store is gone; walk 34)."""
    configured = config.channel_with_id(platform, channel_id)
    if configured is None:
        return DEFAULT_LANG
    return configured.written_form or region_form(config=config, region=configured.region)


def region_form(*, config: AppConfig, region: str | None) -> Lang:
    """A region's own written form (app.yaml `written_form`), bokmål when none is set."""
    found = config.region(region) if region else None
    return found.written_form if found else DEFAULT_LANG


def party_form(*, config: AppConfig, state: StateStore, party: str | None) -> Lang:
    """The written form a party reads where it is told things: the one form all its channels read, else its
    region's (a region with no channel bound yet), else bokmål (parties whose channels read both)."""
    if not party:
        return DEFAULT_LANG
    directory = Directory(config=config, state=state)
    forms = {
        channel_form(
            config=config,
            state=state,
            platform=address.platform,
            channel_id=address.channel_id,
            context=directory.channel(platform=address.platform, channel_id=address.channel_id),
        )
        for address in directory.channels_of_party(party=party)
    }
    if len(forms) == 1:
        return forms.pop()
    return region_form(config=config, region=party) if not forms else DEFAULT_LANG
