"""Conversation references for every team, channel and chat the bot has been added to or spoken in.

Kept in the store partition ``teams/conversations`` (table ``references``, keyed by the conversation id
without any ``;messageid=`` suffix), so reminders reach a channel through ``continue_conversation`` also
after a restart. The reference keeps only what posting needs (the bot, the conversation, the channel and
the service URL; the person only in a personal chat, which is theirs alone), not who spoke last, so a
read never writes: a turn writes only when what posting needs changed, and the common turn (same
conversation, same service URL, whoever speaks) costs a tuple comparison, not an fsync.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from copy import copy
from typing import Any

from botbuilder.core import TurnContext
from botbuilder.schema import Activity, ConversationReference

from bot.delivery.targets import REFERENCES
from storage.base import Store

from .translate import channel_key

logger = logging.getLogger(__name__)

PARTITION, TABLE = REFERENCES["teams"]
"""Named in the core (`bot.delivery.targets.REFERENCES`): a channel without a reference here is one no
process can post to, so the outbox keeps nothing for it."""


def is_personal(activity: Activity | ConversationReference) -> bool:
    """A one-to-one chat with the bot (no @mention there: every message is for the bot)."""
    conversation = activity.conversation
    return conversation is not None and conversation.conversation_type == "personal"


def reference_document(activity: Activity, *, conversation_id: str | None = None) -> tuple[str, dict[str, Any]]:
    """(key, JSON document) for the conversation an activity came from.

    The reference carries no activity id and the bare channel id: a reminder is a new post in the
    channel, not a reply in whichever thread the bot was last spoken to. Nor the speaker or their locale
    (outside a personal chat): posting does not need them, and keeping them would make every new speaker
    a write.
    """
    reference = TurnContext.get_conversation_reference(activity)
    reference.activity_id = None
    reference.locale = None
    if not is_personal(activity):
        reference.user = None
    conversation = copy(reference.conversation)
    key = channel_key(conversation_id or conversation.id)
    conversation.id = key
    reference.conversation = conversation
    channel_data = activity.channel_data if isinstance(activity.channel_data, dict) else {}
    team = channel_data.get("team") or {}
    document: dict[str, Any] = {
        "reference": reference.serialize(),
        "kind": conversation.conversation_type or ("channel" if team else "personal"),
        "team_id": team.get("id"),
        "team_name": team.get("name"),
        "tenant_id": (channel_data.get("tenant") or {}).get("id") or conversation.tenant_id,
    }
    return key, document


def _signature(activity: Activity, *, conversation_id: str | None) -> tuple[Any, ...]:
    """Everything `reference_document` keeps from an activity (msrest models compare by value): the
    speaker only in a personal chat."""
    channel_data = activity.channel_data if isinstance(activity.channel_data, dict) else {}
    return (
        conversation_id,
        activity.channel_id,
        activity.service_url,
        copy(activity.from_property) if is_personal(activity) else None,
        copy(activity.recipient),
        _bare_conversation(activity),
        channel_data.get("team"),
        channel_data.get("tenant"),
    )


def _bare_conversation(activity: Activity) -> Any:
    """The conversation without the thread's `;messageid=` (each new thread in a channel has its own)."""
    conversation = copy(activity.conversation)
    if conversation is not None and conversation.id:
        conversation.id = channel_key(conversation.id)
    return conversation


class ConversationBook:
    """The stored references, with a read-through cache in front of the store."""

    def __init__(self, *, store: Store, on_new: Callable[[str], None] | None = None) -> None:
        self._store = store
        self._on_new = on_new
        """Told each conversation whose reference was written (the core then clears a mark of it as
        unreachable: `CorePort.reachable`)."""
        self._cache: dict[str, dict[str, Any]] | None = None
        self._signatures: dict[str, tuple[Any, ...]] = {}

    def _documents(self) -> dict[str, dict[str, Any]]:
        if self._cache is None:
            self._cache = dict(self._store.read(PARTITION).get(TABLE, {}))
        return self._cache

    def remember(self, activity: Activity, *, conversation_id: str | None = None) -> str:
        # Every message calls this; msrest serialising the reference costs ~0.3 ms, so an activity
        # whose reference parts equal those last remembered for its conversation is known unchanged.
        signature = _signature(activity, conversation_id=conversation_id)
        key = channel_key(conversation_id or activity.conversation.id)
        if self._signatures.get(key) == signature and key in self._documents():
            return key
        key, document = reference_document(activity, conversation_id=conversation_id)
        documents = self._documents()
        if documents.get(key) != document:
            with self._store.update(PARTITION) as tables:
                tables.setdefault(TABLE, {})[key] = document
            documents[key] = document
            logger.info("Teams: remembered conversation %s (%s)", key, document["kind"])
            if self._on_new is not None:
                self._on_new(key)
        self._signatures[key] = signature
        return key

    def forget(self, conversation_id: str) -> None:
        key = channel_key(conversation_id)
        self._signatures.pop(key, None)
        documents = self._documents()
        with self._store.update(PARTITION) as tables:
            tables.setdefault(TABLE, {}).pop(key, None)
        documents.pop(key, None)
        logger.info("Teams: forgot conversation %s", key)

    def forget_team(self, team_id: str) -> None:
        keys = [key for key, doc in self._documents().items() if doc.get("team_id") == team_id or key == team_id]
        for key in keys:
            self.forget(key)

    def reference(self, conversation_id: str) -> ConversationReference | None:
        document = self._documents().get(channel_key(conversation_id))
        if document is None:
            # Another process (e.g. a `koble` from the terminal) may have written since we cached.
            document = self._store.read(PARTITION).get(TABLE, {}).get(channel_key(conversation_id))
            if document is None:
                return None
            self._documents()[channel_key(conversation_id)] = document
        return ConversationReference.deserialize(document["reference"])

    def keys(self) -> list[str]:
        return sorted(self._documents())

    def personal_chat(self, user_key: str) -> str | None:
        """The key of the person's own chat with the bot (its reference keeps the person: the AAD id, or the
        Teams id, as `translate.user_key` reads them), or None when they never wrote to the bot there."""
        for key, document in self._documents().items():
            user = (document.get("reference") or {}).get("user") or {}
            if document.get("kind") == "personal" and user_key in (user.get("aadObjectId"), user.get("id")):
                return key
        return None
