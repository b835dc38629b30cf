"""Who a person is across tenants: their own tenant, from the Teams roster, never assumed from the conversation.

The activity names the tenant the conversation lives in (``channelData.tenant.id``, ``conversation.tenantId``).
That is the person's own only for a member of that tenant: in a shared channel (Teams Connect) an external
member comes from their own tenant, and a B2B guest (roster ``userRole`` "guest", an ``#EXT#`` address) has an
account in the host tenant but belongs to another organisation. So the person's organisation is what the
roster says (``TeamsInfo.get_member``, then a shared channel's own roster): its ``tenantId`` for a member, no
organisation for a guest (a guest is registered with `person`, README «Gjester»). A failed lookup (404, a
throttled 429, a member added a moment ago) leaves the person with NO organisation, logged, and is asked again
a minute later (`RETRY_AFTER`): unknown is unknown (they may read and are asked to `bli med`), never the host's
party (walk 28 F6). One successful lookup per person and process, and none for a read while no
organisation is bound to a party (`CorePort.organisations_bound`).
"""

from __future__ import annotations

import logging
import time
from collections import OrderedDict
from collections.abc import Callable, Mapping
from dataclasses import replace

from botbuilder.core import TurnContext
from botbuilder.core.teams import TeamsInfo
from botbuilder.schema import Activity
from botbuilder.schema.teams import TeamsChannelAccount

from bot.messages import Request

from .translate import channel_key, host_tenant, is_shared_channel

logger = logging.getLogger(__name__)

MAX_REMEMBERED = 5000
"""People whose tenant a process keeps (a few hundred in a national deployment)."""


RETRY_AFTER = 60.0
"""Seconds a failed roster read is not asked again for the same person (a throttled roster is not hammered,
and each of their messages meanwhile does not wait for two failing calls); they stay unknown meanwhile."""


class MemberTenants:
    """The home tenant of each person met, by AAD object id (or Teams id)."""

    def __init__(self, *, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._failed: OrderedDict[str, float] = OrderedDict()
        """user id -> when their roster read last failed."""
        self._tenants: OrderedDict[str, tuple[str | None, str | None]] = OrderedDict()
        """user id -> (home tenant, None for a guest; e-mail domain)."""

    def forget(self, user_id: str) -> None:
        """A member removed from a channel: read them again next time (they may come back from elsewhere)."""
        self._tenants.pop(user_id, None)
        self._failed.pop(user_id, None)

    async def identify(self, turn_context: TurnContext, request: Request, *, ask_roster: bool = True) -> Request:
        """`request` with the person's own tenant as its organisation (None for a guest or when the roster
        cannot be read), and `external` when that is not the tenant the conversation lives in.

        `ask_roster` False (a read, while no organisation is bound to a party: nothing the roster says could
        make the person a party's member) answers from what is known and leaves a person not met yet without
        an organisation, as a failed read does, instead of a roster call on their first message: a channel's
        new readers then cost what any read does (issue 21). A write (`bli med` records the organisation
        for the admin) and every request once something is bound ask as before."""
        activity = turn_context.activity
        host = host_tenant(activity)
        known = self._tenants.get(request.user_id)
        if known is None and not ask_roster:
            return replace(request, organisation=None, email_domain=None, external=is_shared_channel(activity))
        if known is None:
            failed_at = self._failed.get(request.user_id)
            due = failed_at is None or self._clock() - failed_at >= RETRY_AFTER
            if due:
                known = await _roster_member(turn_context, activity)
            if known is None:
                if due:
                    self._failed[request.user_id] = self._clock()
                    while len(self._failed) > MAX_REMEMBERED:
                        self._failed.popitem(last=False)
                return replace(request, organisation=None, email_domain=None, external=is_shared_channel(activity))
            self._failed.pop(request.user_id, None)
            self._tenants[request.user_id] = known
            while len(self._tenants) > MAX_REMEMBERED:
                self._tenants.popitem(last=False)
        tenant, domain = known
        if tenant is None:  # a guest of the host: their own organisation is not the host's
            return replace(request, organisation=None, email_domain=None, external=True)
        return replace(
            request,
            organisation=tenant,
            email_domain=domain or request.email_domain,
            external=bool(host and tenant != host),
        )


class TeamsIds:
    """Each sender's Teams id (``29:…``) -> their AAD object id, learnt when they speak. A Teams @mention of a
    person may carry only the Teams id and display name (walk15b N5); with this it names the person the
    core knows by their AAD id. One process's memory: a person not met yet is matched by name in the core."""

    def __init__(self) -> None:
        self._aad: OrderedDict[str, str] = OrderedDict()

    @property
    def known(self) -> Mapping[str, str]:
        return self._aad

    def learn(self, activity: Activity) -> None:
        sender = activity.from_property
        if sender is None or not sender.id or not sender.aad_object_id or sender.id == sender.aad_object_id:
            return
        self._aad[sender.id] = sender.aad_object_id
        self._aad.move_to_end(sender.id)
        while len(self._aad) > MAX_REMEMBERED:
            self._aad.popitem(last=False)


async def _roster_member(turn_context: TurnContext, activity: Activity) -> tuple[str | None, str | None] | None:
    """The member's (tenant, e-mail domain) from the roster, tenant None for a guest; None when it cannot be
    read. The team's or chat's roster first (``TeamsInfo.get_member``), then the channel's own (by its id
    without the thread suffix), which in a shared channel also lists the external members who are in no team
    of the host."""
    sender = activity.from_property
    if sender is None or not sender.id:
        return None
    member: TeamsChannelAccount | None = None
    try:
        member = await TeamsInfo.get_member(turn_context, sender.id)
    except Exception as error:  # the SDK raises its own error types for a 404 or a throttled roster
        logger.info("Teams: %s is not in the conversation's roster (%s)", sender.id, error)
    if member is None or not member.tenant_id:
        try:
            client = await TeamsInfo._get_connector_client(turn_context)  # the SDK's one way to reach it
            member = await TeamsInfo._get_member(client, channel_key(activity.conversation.id), sender.id)
        except Exception as error:
            member = None
            logger.info("Teams: %s is not in the channel's roster (%s)", sender.id, error)
    if member is None or not member.tenant_id:
        logger.warning("Teams: could not read the tenant of %s from the roster; known by no organisation", sender.id)
        return None
    if is_guest(member):
        return None, None
    return str(member.tenant_id).lower(), _domain(member.email or member.user_principal_name)


def is_guest(member: TeamsChannelAccount) -> bool:
    """A B2B guest or an anonymous user (the roster's ``userRole``; a guest's address carries ``#EXT#``)."""
    role = str(getattr(member, "user_role", None) or "").lower()
    address = str(member.user_principal_name or member.email or "").upper()
    return role in {"guest", "anonymous"} or "#EXT#" in address


def _domain(address: str | None) -> str | None:
    """The domain of a member's own address; a guest's ``…#EXT#@host`` names the host, not them."""
    if not address or "#EXT#" in address.upper() or "@" not in address:
        return None
    return address.rsplit("@", 1)[1].lower()
