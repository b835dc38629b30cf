"""Who a person is across tenants: their own tenant, from the Teams roster where the activity cannot say.

In a standard channel, a group chat or a personal chat the activity's tenant (``channelData.tenant.id``,
``conversation.tenantId``) is the person's own (a guest has an account in the host tenant). In a shared
channel (Teams Connect) it is the host's, and an external member comes from their own tenant: Microsoft's
guidance for apps in shared and private channels is to read the member from the roster
(``TeamsInfo.get_member``), whose ``tenantId`` names their home tenant. One lookup per person and
process; a failed lookup keeps the activity's tenant and is logged, so a person is never mistaken for
someone of another organisation, only treated as not (yet) known by their organisation.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Mapping
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


class MemberTenants:
    """The home tenant of each person met in a shared channel, by AAD object id (or Teams id)."""

    def __init__(self) -> None:
        self._tenants: OrderedDict[str, tuple[str, str | None]] = OrderedDict()
        """user id -> (home tenant, e-mail domain)."""

    def forget(self, user_id: str) -> None:
        """A member removed from a channel: read them again next time (they may come back from elsewhere)."""
        self._tenants.pop(user_id, None)

    async def identify(self, turn_context: TurnContext, request: Request) -> Request:
        """`request` with the person's own tenant as its organisation, and `external` when that is not the
        tenant the channel lives in."""
        activity = turn_context.activity
        host = host_tenant(activity)
        if not is_shared_channel(activity):
            return request
        known = self._tenants.get(request.user_id)
        if known is None:
            known = await _roster_member(turn_context, activity)
            if known is None:
                return request
            self._tenants[request.user_id] = known
            while len(self._tenants) > MAX_REMEMBERED:
                self._tenants.popitem(last=False)
        tenant, domain = known
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


async def _roster_member(turn_context: TurnContext, activity: Activity) -> tuple[str, str | None] | None:
    """The member's (tenant, e-mail domain) from the roster: the team's first (``TeamsInfo.get_member``),
    then the shared channel's own, which also lists the external members who are in no team of the host."""
    sender = activity.from_property
    if sender is None or not sender.id:
        return None
    member: TeamsChannelAccount | None = None
    try:
        member = await TeamsInfo.get_member(turn_context, sender.id)
    except Exception as error:  # the SDK raises its own error types for a 404 or a throttled roster
        logger.info("Teams: %s is not in the host team's roster (%s); asking the channel's", sender.id, error)
    if member is None or not member.tenant_id:
        try:
            client = await TeamsInfo._get_connector_client(turn_context)  # the SDK's one way to reach it
            member = await TeamsInfo._get_member(client, channel_key(activity.conversation.id), sender.id)
        except Exception as error:
            logger.warning("Teams: could not read the tenant of %s from the roster: %s", sender.id, error)
            return None
    if not member.tenant_id:
        return None
    return str(member.tenant_id).lower(), _domain(member.email or member.user_principal_name)


def _domain(address: str | None) -> str | None:
    """The domain of a member's own address; a guest's ``…#EXT#@host`` names the host, not them."""
    if not address or "#EXT#" in address.upper() or "@" not in address:
        return None
    return address.rsplit("@", 1)[1].lower()
