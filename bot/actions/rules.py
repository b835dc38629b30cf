"""The model's rules that several actions share: who may write for a party, which cycle a write means,
and the order checks that `bekreft` lets a person pass."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta

from bot.actions.base import Acting
from bot.actions.coordinators_only import refuse_non_coordinator
from bot.actions.departed import refuse_the_departed
from bot.actions.membership import refuse_the_waiting
from bot.actions.typed_back import typed_with
from bot.i18n import _, using
from bot.messages import Button
from bot.model.config import AppConfig
from bot.model.cycle import next_opening, write_cycle
from bot.model.identity import Caller, ChannelContext
from bot.model.order import confirm_word, mark, nynorsk_mark, refuse, signing_breaches
from bot.model.progress import progress_of
from bot.model.wheel import Item, milestone_item, tracked
from bot.shown.replies import day_text
from bot.state.store import DomainError

logger = logging.getLogger(__name__)


def milestone_for(config: AppConfig, *, key: str, year: int, region: str | None) -> Item:
    """The dated item of a configured milestone in one cycle."""
    spec = config.milestone(key)
    assert spec is not None
    return milestone_item(config, milestone=spec, year=year, region=region)


def _is_done(acting: Acting) -> Callable[[Item], bool]:
    return lambda item: progress_of(config=acting.config, state=acting.state, item=item).done


def meant_year(acting: Acting, *, item_for: Callable[[int], Item]) -> int | None:
    """The cycle a write without a year means by the write rule alone (bot/model/cycle.py), or None: asked."""
    return write_cycle(acting.config, today=acting.now.date(), item_for=item_for, done=_is_done(acting))


def pick_year(acting: Acting, *, item_for: Callable[[int], Item], done: Callable[[Item], bool] | None = None) -> int:
    """The cycle a date or plan means without a year: the write rule (bot/model/cycle.py), or else the cycle
    whose window for the item opens next (a meeting may be planned before its window opens)."""
    today = acting.now.date()
    year = write_cycle(acting.config, today=today, item_for=item_for, done=done or _is_done(acting))
    return year if year is not None else next_opening(today=today, item_for=item_for)


READ_YEARS = 10  # a read looks this far either way: a plan period set ahead ends five years out at most


Example = str | Callable[[], str]
"""An example command for a refusal, or how to make it: built only when the refusal is said (a write that
passes never pays for the words of the refusals it did not meet)."""


def require_near_year(acting: Acting, year: int, *, example: Example) -> None:
    """A write goes to a cycle near today (last year to two years ahead): a typed 2072 for 2027 is a slip,
    not a plan, and must not create a cycle decades away. Reads look wider (`require_readable_year`).
    A year too far back gets no example (walk 19 F1): the same command with this year put in would write
    another meeting or cycle than the one meant, so the reply names the years a write may go to instead."""
    first, last = acting.now.year - 1, acting.now.year + 2
    if year < first:
        raise DomainError(
            _("{year} er for langt tilbake til å registrere noe nytt der. Skriv et år fra {first} til {last}.").format(
                year=year, first=first, last=last
            )
        )
    if year > last:
        too_far(year, example=example() if callable(example) else example)


def require_readable_year(*, this_year: int, year: int, example: str) -> None:
    """A read may look back at history and ahead at a plan period set ahead, but a year decades off holds
    nothing: `status 2099` is a slip like `signer 2099`, refused with the same words, not an empty page."""
    if abs(year - this_year) > READ_YEARS:
        too_far(year, example=example)


def too_far(year: int, *, example: str) -> None:
    """«1900 er for langt unna»: one refusal for every year too far off, read or written."""
    raise DomainError(
        _("{year} er for langt unna. Skriv et år nær i år, f.eks. «{example}».").format(year=year, example=example)
    )


def write_year(
    acting: Acting,
    *,
    typed: int | None,
    item_for: Callable[[int], Item],
    done: Callable[[Item], bool] | None = None,
    example: Callable[[], str | None] | None = None,
) -> int:
    """The cycle a write goes to: the typed year, else the one rule of bot/model/cycle.py, else ask for the year
    with the asker's own command and the year whose window opens next put in (`typed_with`); a command whose
    free text follows its names (`referat`) gives its own `example` (how to make it: None for the usual one)."""
    if typed is not None:
        if not (typed < acting.now.year and (done or _is_done(acting))(item_for(typed))):  # a record restored
            require_near_year(
                acting, typed, example=lambda: typed_with(acting, word=str(acting.now.year), instead=str(typed))
            )
        return typed
    today = acting.now.date()
    year = write_cycle(acting.config, today=today, item_for=item_for, done=done or _is_done(acting))
    if year is None:
        title = item_for(today.year).spec.name
        said = (example() if example else None) or typed_with(
            acting, word=str(next_opening(today=today, item_for=item_for))
        )
        raise DomainError(
            _(
                "Vinduet for «{title}» er ikke åpent nå, så jeg vet ikke hvilket år du mener. "
                "Skriv året i kommandoen, f.eks. «{example}»."
            ).format(title=title, example=said)
        )
    return year


def require_region(region: str | None, *, example: str) -> str:
    """A regional write needs its region: named, the channel's or the caller's (`region` as found)."""
    if region is None:
        raise DomainError(
            _("Hvilken region gjelder det? Skriv regionen i kommandoen, f.eks. «{example}».").format(example=_(example))
        )
    return region


def refuse_for_the_role(*, config: AppConfig, caller: Caller, command: str, region: str | None) -> None:
    """A write only a county council makes for itself (a regional meeting's date or minutes, the agreement's
    text, its budget, the assignment agreements, the plan period, an optional item), when no region is found
    and the asker belongs to no county council (an actor's or AU's adviser in its own channel): refused for
    the role first, saying who records it, since «Hvilken region?» would suggest a command the asker may not
    run (walk 14b F8). `command` is the command word as typed."""
    if region is None and caller.known and not (caller.party and config.region(caller.party)):
        if caller.party is None:  # an admin belongs to no party
            raise DomainError(
                _(
                    "«{command}» registreres av fylkeskommunens koordinatorer, hver for sin region; du er ikke "
                    "registrert for noen part."
                ).format(command=command)
            )
        raise DomainError(
            _(
                "«{command}» registreres av fylkeskommunens koordinatorer, hver for sin region; du er registrert "
                "for {own}. Si fra til fylkeskommunen, så registrerer de det."
            ).format(command=command, own=config.party_name(caller.party))
        )


def require_county_region(*, config: AppConfig, caller: Caller, command: str, region: str | None, example: str) -> str:
    """The region of a write only a county council makes for itself: `refuse_for_the_role`, then the region
    asked for with `example` (a command the asker may run) where none is found."""
    refuse_for_the_role(config=config, caller=caller, command=command, region=region)
    return require_region(region, example=example)


def write_item(
    acting: Acting,
    *,
    key: str,
    region: str | None,
    typed: int | None,
    example: Callable[[], str | None] | None = None,
) -> Item:
    """The item of milestone `key` a write means: in the typed year's cycle, else the one `write_year` finds."""
    config = acting.config
    year = write_year(
        acting, typed=typed, item_for=lambda y: milestone_for(config, key=key, year=y, region=region), example=example
    )
    return milestone_for(config, key=key, year=year, region=region)


def join_party(channel: ChannelContext) -> str | None:
    """The party a newcomer here most likely joins (the channel's actor or region): the example and button
    of «bli med» in a refusal and in `hjelp` (walk 41, walk 43)."""
    return channel.actor or channel.region


def require_known(acting: Acting, *, reads: str | None = None) -> None:
    """Only a registered person (app.yaml or `person`) writes; also the pipeline's check for a command
    declared `Who.MEMBER` (bot/pipeline/permission.py). `reads`: the members-only command that writes
    nothing (`hvem`), whose refusal says what it is for rather than «men ikke registrere» (walk 28 F4)."""
    if not acting.caller.known:
        refuse_the_departed(acting)
        refuse_the_waiting(acting)
        party = join_party(acting.channel)
        join = (
            (
                Button(
                    label=_("Bli med for {party}").format(party=acting.config.party_name(party)),
                    command=f"bli med {party}",
                ),
            )
            if party
            else ()
        )
        # The example is the channel's own party, as the button is (walk 41: «bli med IN» in Agder's channel).
        example = party or "IN"
        if reads:
            raise DomainError(
                _(
                    "Du er ikke registrert hos meg ennå, og «{command}» svarer bare dem som er med for en part; "
                    "«neste», «status», «årshjul» og «logg» kan du lese nå. Skriv «bli med <part>», f.eks. «bli med "
                    "{example}», så slipper koordinatorene for parten deg inn."
                ).format(command=reads, example=example),
                buttons=join,
            )
        raise DomainError(
            _(
                "Du er ikke registrert hos meg ennå, så du kan lese alt («neste», «status», «årshjul», «logg»), "
                "men ikke registrere. Skriv «bli med <part>», f.eks. «bli med {example}», så slipper koordinatorene "
                "for parten deg inn."
            ).format(example=example),
            buttons=join,
        )


def require_member(acting: Acting, *, party: str, what: str) -> None:
    """Only a member of a party may write for it."""
    caller = acting.caller
    require_known(acting)
    if caller.party != party:
        if caller.party is None:  # an admin belongs to no party («registrert for ingen part» read oddly)
            raise DomainError(
                _("Bare {party} kan {what}. Du er ikke registrert for noen part.").format(
                    party=acting.config.party_name(party), what=what
                )
            )
        raise DomainError(
            _("Bare {party} kan {what}. Du er registrert for {own}.").format(
                party=acting.config.party_name(party), what=what, own=acting.config.party_name(caller.party)
            )
        )


def require_acts_for(acting: Acting, *, party: str, what: str) -> None:
    """The model's rule for who acts on a party's behalf: a county council acts through its coordinators
    (a region's adviser reads and closes follow-up points, but does not sign or record the county's
    decisions); an actor and AU act through any member, advisers included (issue 20: an adviser bound to
    IN signs for IN). `what` completes «Bare fylkeskommunens koordinatorer kan …»."""
    require_member(acting, party=party, what=what)
    if not acts_for(acting.config, role=acting.caller.role, party=party):
        raise refuse_non_coordinator(acting, region=party, what=what)


def acts_for(config: AppConfig, *, role: str | None, party: str) -> bool:
    """Whether a member of `party` with `role` acts on its behalf (`require_acts_for`): `neste` offers a
    signature only to those whose click would be kept."""
    return not config.region(party) or role == "coordinator"


def adviser_may(config: AppConfig, *, party: str) -> str:
    """What an adviser of `party` may do, in words, by the rule of `require_acts_for`: the approval card
    says exactly this, so a coordinator knows what a click lets in."""
    name = config.party_name(party)
    if config.region(party):
        return _(
            "lese alt og lukke oppfølgingspunkter for {party}; datoer, referater, budsjett, avtaletekst og "
            "signering gjør fortsatt koordinatorene"
        ).format(party=name)
    if party == config.parties.coordinator.key:
        return _("lese alt og registrere for {party}: de nasjonale møtene og statsbudsjettet").format(party=name)
    return _(
        "lese alt og handle for {party}: registrere tildelingsbrev og signere samarbeidsavtalene for {party}"
    ).format(party=name)


def require_coordinator(acting: Acting, *, item: Item, what: str | None = None) -> None:
    """Dates and outcomes: a region's coordinators for its own milestones, AU for the national ones.
    `what` names the write in the refusal (default: dates and meeting outcomes)."""
    if item.region is None:
        require_national(acting)
        return
    require_member(
        acting,
        party=item.region,
        what=_("registrere for {party}").format(party=acting.config.party_name(item.region)),
    )
    if acting.caller.role != "coordinator":
        raise refuse_non_coordinator(acting, region=item.region, what=what)


def require_national(acting: Acting) -> None:
    """The national meetings are AU's to record: asked before anything else about them, so a county coordinator
    typing `dato høstmøte` is told who sets it, not asked «Hvilken dato?» first (walk 39)."""
    require_member(acting, party=acting.config.parties.coordinator.key, what=_("registrere de nasjonale møtene"))


def require_admin(acting: Acting) -> None:
    if acting.caller.role != "admin":
        raise DomainError(_("Bare en administrator kan koble kanaler og personer."))


def require_shared_channel(acting: Acting) -> None:
    """A channel's setting (what it is bound to, its written form) is made in that channel, never in a
    personal chat (a Slack DM, a Teams personal chat), which is the person's alone: bound, a region's
    digests and requests would land in one admin's private chat (walk 18 F12)."""
    if acting.request.personal:
        raise DomainError(
            _(
                "Dette er en privat samtale med meg, og den er bare din. Skriv «{command}» i kanalen det gjelder, "
                "den som skal få påminnelsene. Ingenting er endret."
            ).format(command=" ".join(acting.request.text.split()))
        )


def order_note(acting: Acting, *, item: Item, confirmed: bool, at: datetime | None = None) -> str | None:
    """The signing's window rule (bot/model/order.py) at `at` (the day it was signed, else now): refused
    unless confirmed; the note to store if confirmed."""
    now = at or acting.now
    breaches = signing_breaches(config=acting.config, item=item, now=now, named=True)
    if breaches and not confirmed:
        raise refuse(item=item, breaches=breaches)
    with using("nb"):  # stored with the item and shown as written, like the history
        return mark(signing_breaches(config=acting.config, item=item, now=now))


def order_note_nn(acting: Acting, *, item: Item, at: datetime | None = None) -> str | None:
    """The signing's note in nynorsk (stored beside the bokmål one, for nynorsk readers)."""
    return nynorsk_mark(lambda: signing_breaches(config=acting.config, item=item, now=at or acting.now))


def replace_question(*, what: str, again: str | None = None, kept: str | None = None) -> DomainError:
    """A write that would replace a record asks first and names what it replaces: `bekreft` replaces it,
    and the earlier content stays in the history. `again` says how to confirm where typing the same with
    `bekreft` does not fit (a form); `kept` where the earlier content is read (minutes: `referat vis … tidligere`)."""
    how = again or _("Skriv det samme med «{confirm}» til slutt for å erstatte det").format(confirm=confirm_word())
    where = kept or _("det forrige beholdes i «logg»")
    return DomainError(
        _("Dette erstatter {what}. {how}; {where}.").format(what=what, how=how, where=where),
        again=None if again else _("Erstatt"),
    )


EARLY_GRACE = timedelta(days=31)
"""How long before its window a precondition may be recorded without a question."""


def require_opened_window(acting: Acting, *, item: Item, confirmed: bool) -> None:
    """A fact (a budget adopted) recorded months before its window opens is most likely a slip of the year
    («budsjett 2029» in January 2027, «budsjett 2028» in May 2027): it asks for `bekreft` first, as a date
    outside its window does. A few weeks early is real life (an allocation letter in late November)."""
    if confirmed or acting.now.date() >= item.start - EARLY_GRACE:
        return
    raise DomainError(
        _(
            "{item} kan tidligst skje fra {start}, så jeg regner med at året er feil. "
            "Skriv et annet år, eller det samme med «{confirm}» til slutt for å registrere det likevel."
        ).format(item=item.title(), start=day_text(item.start), confirm=confirm_word())
    )


def require_untaken_cycle(acting: Acting, *, item: Item, confirmed: bool) -> None:
    """A cycle whose agreement was signed before the bot took over (`tracking_start`) is history: a write
    into it is most likely a slip of the year, so it asks for `bekreft` first."""
    start = acting.config.tracking_start
    if confirmed or tracked(acting.config, item) or start is None or acting.now.date() < start:
        return
    raise DomainError(
        _(
            "{item} hører til en syklus som ble avsluttet før boten tok over, så jeg regner med at året er feil. "
            "Skriv et annet år, eller det samme med «{confirm}» til slutt for å registrere det likevel."
        ).format(item=item.title(), confirm=confirm_word())
    )
