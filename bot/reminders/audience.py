"""Who hears an item's reminder: the parties an occurrence is for, and their channels (`ItemAudience`, which
the planner is, `bot.reminders.planner`; a moved date's notice asks it too, `handlers/date_moved.py`)."""

from __future__ import annotations

from bot.facts.kinds import is_signing
from bot.messages import ChannelAddress
from bot.model.config import Lead
from bot.model.identity import Binding, Directory
from bot.model.progress import Progress, missing_for_signing
from bot.model.wheel import Item, responsible_party
from bot.reminders.schedule import ItemSchedule, Occurrence, last_call
from bot.state.store import StateStore


class ItemAudience(ItemSchedule):
    """The audience of an item's occurrences under a configuration, a state and a directory."""

    state: StateStore
    directory: Directory
    _by_address: tuple[list[Binding], dict[ChannelAddress, Binding]] | None

    def audience(
        self,
        progress: Progress,
        occurrence: Occurrence,
        *,
        bindings: list[Binding] | None = None,
        blockers: list[Item] | None = None,
        channels: dict[tuple[str, str | None], list[ChannelAddress]] | None = None,
    ) -> list[tuple[str, Binding]]:
        """(party, channel) pairs that should hear of this occurrence.

        `bindings` and, for a signing, `blockers` may be passed in by a caller that already has them.
        """
        item = progress.item
        if bindings is None:
            bindings = self.directory.bindings()
        parties = self.audience_parties(progress, occurrence, blockers=blockers)
        by_address = self._bindings_by_address(bindings)
        pairs: list[tuple[str, Binding]] = []
        seen: set[ChannelAddress] = set()
        for party in dict.fromkeys(parties):
            key = (party, item.region)
            found = channels.get(key) if channels is not None else None
            if found is None:
                found = self.directory.channels_of_party(party=party, region=item.region, bindings=bindings)
                if channels is not None:
                    channels[key] = found
            for address in found:
                if address not in seen:
                    seen.add(address)
                    pairs.append((party, by_address[address]))
        return pairs

    def audience_parties(
        self, progress: Progress, occurrence: Occurrence, *, blockers: list[Item] | None = None
    ) -> list[str]:
        """The parties that should hear of this occurrence, whether or not they have a channel (a party with
        none is told of in AU's channel: `bot.reminders.unheard`)."""
        item = progress.item
        parties: list[str] = []
        if is_signing(item):
            if blockers is None:
                blockers = missing_for_signing(config=self.config, state=self.state, signing=item)
            region = responsible_party(self.config, item)
            # Blocked, the region hears what it waits on (and its own text, its part), whoever holds it up:
            # the agreement is the region's to sign and answer for (§3), so its reminders do not depend on
            # whose precondition is missing.
            # Unblocked, every party that has not signed hears it in its own channel: they are the ones that
            # must act (late, on the same overdue rhythm: they fell silent exactly when the agreement became
            # late, walk 5 N4; a party whose signature a new text voided among them). The region hears it
            # too, having signed or not: it answers for the signing (§3, `responsible: region`) and chases a
            # slow party at the leads, not first the day after the deadline (walk 20 F-e).
            parties = [region, *(responsible_party(self.config, blocker) for blocker in blockers)]
            if not blockers:
                parties = [region, *progress.missing]
        else:
            # Overdue and minutes: the one who must act; those who prepare heard it in the leads.
            wanted = occurrence.lead.to if occurrence.lead else ("responsible",)
            if occurrence.lead and not progress.planned and self._last_call_of(item, occurrence.lead):
                # Undated, the last call counts to the deadline, not to a meeting: the one responsible must
                # act; actors told «forbereder seg» two days before New Year's Eve had nothing to prepare for.
                wanted = ("responsible",)
            if "responsible" in wanted:
                parties.append(responsible_party(self.config, item))
            if "prepare" in wanted and item.kind == "milestone" and "actors" in item.spec.prepare:
                parties += [actor.key for actor in self.config.enabled_actors]
        return parties

    def _bindings_by_address(self, bindings: list[Binding]) -> dict[ChannelAddress, Binding]:
        """Each binding by its address, made once for the list a caller passes to every `audience` call (a
        pass's items, a moved date's leads): made anew per call it was ~a third of `audience`."""
        kept = self._by_address
        if kept is None or kept[0] is not bindings:
            kept = self._by_address = (bindings, {binding.address: binding for binding in bindings})
        return kept[1]

    def _last_call_of(self, item: Item, lead: Lead) -> bool:
        """Whether `lead` is the item's last call (`last_call`: counted from the deadline without a date)."""
        return lead.before == "anchor" and lead.days == last_call(self.config.leads_for(item.spec))
