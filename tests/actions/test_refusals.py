"""Each action's rules and permission check, called directly: a refused action raises DomainError with the
rule in Norwegian and writes nothing (not even a history entry)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from bot.actions.agreement_text import register_text
from bot.actions.assignments import record_assignment
from bot.actions.bindings import ChannelBinding, bind_channel
from bot.actions.dates import DateQuestion, set_date
from bot.actions.links import renew_link
from bot.actions.minutes import record_minutes
from bot.actions.optional import mark_not_relevant
from bot.actions.plan import set_plan_period
from bot.actions.preconditions import record_precondition
from bot.actions.preferences import choose_channel_form, choose_written_form, set_mentions
from bot.actions.signing import sign
from bot.state.store import DomainError
from tests.actions.conftest import World
from tests.driver import oslo


def refused(world: World, call: Callable[[], Any], *, says: str) -> DomainError:
    before = world.snapshot()
    with pytest.raises(DomainError) as caught:
        call()
    assert says in str(caught.value), str(caught.value)
    assert world.snapshot() == before
    return caught.value


def never(what: str) -> Callable[[], Any]:
    def called() -> Any:
        raise AssertionError(f"{what} was read before the permission check")

    return called


def test_sign_only_by_a_member_of_the_party(world: World) -> None:
    refused(
        world,
        lambda: sign(world.acting("ola"), party="agder", region="agder", year=2027, version=None, confirmed=False),
        says="Bare Agder fylkeskommune kan signere for dem",
    )


def test_sign_waits_for_the_preconditions(world: World) -> None:
    refused(
        world,
        lambda: sign(world.acting("kari"), party=None, region=None, year=2027, version=None, confirmed=False),
        says="kan ikke signeres ennå",
    )


def test_sign_a_party_outside_the_agreement(world: World) -> None:
    refused(
        world,
        lambda: sign(world.acting("kari"), party="vestland", region="agder", year=2027, version=None, confirmed=False),
        says="er ikke part i avtalen for Agder",
    )


def test_set_date_by_a_coordinator_of_the_region_only(world: World) -> None:
    def call() -> object:
        return set_date(
            world.acting("ola"),
            key="regional-spring",
            region="agder",
            year=2027,
            when=oslo(2027, 4, 22, 10, 0),
            has_time=True,
            vague=False,
            confirmed=False,
        )

    refused(world, call, says="Bare Agder fylkeskommune kan registrere for Agder fylkeskommune")


def test_set_date_on_a_saturday_asks_and_writes_nothing(world: World) -> None:
    before = world.snapshot()
    result = set_date(
        world.acting("kari"),
        key="regional-spring",
        region="agder",
        year=2027,
        when=oslo(2027, 4, 24, 10, 0),
        has_time=True,
        vague=False,
        confirmed=False,
    )
    assert isinstance(result, DateQuestion)
    assert "en lørdag" in result.worries
    assert world.snapshot() == before


def test_set_date_far_away_is_a_slip(world: World) -> None:
    def call() -> object:
        return set_date(
            world.acting("kari"),
            key="regional-spring",
            region="agder",
            year=2072,
            when=oslo(2072, 4, 22, 10, 0),
            has_time=True,
            vague=False,
            confirmed=True,
        )

    refused(world, call, says="2072 er for langt unna")


def test_minutes_refused_before_the_text_is_read(world: World) -> None:
    refused(
        world,
        lambda: record_minutes(
            world.acting("ola"),
            key="regional-spring",
            region="agder",
            year=2026,
            confirmed=True,
            outcome=never("the text"),
        ),
        says="Bare Agder fylkeskommune kan registrere",
    )


def test_minutes_not_before_the_window_opens(world: World) -> None:
    refused(
        world,
        lambda: record_minutes(
            world.acting("kari"),
            key="regional-autumn",
            region="agder",
            year=2027,
            confirmed=True,
            outcome=never("text"),
        ),
        says="vinduet åpner",
    )


def test_assignments_have_no_minutes(world: World) -> None:
    refused(
        world,
        lambda: record_minutes(
            world.acting("kari"), key="assignments", region="agder", year=2027, confirmed=True, outcome=never("text")
        ),
        says="Oppdragsavtalene har ikke referat",
    )


def test_an_allocation_letter_only_by_its_actor(world: World) -> None:
    refused(
        world,
        lambda: record_precondition(world.acting("siri"), key="tildelingsbrev", region=None, party="IN", year=2027),
        says="Bare Innovasjon Norge kan registrere sitt tildelingsbrev",
    )


def test_the_state_budget_by_au_only(world: World) -> None:
    refused(
        world,
        lambda: record_precondition(world.acting("ola"), key="statsbudsjett", region=None, party=None, year=2027),
        says="Statsbudsjettet registreres av AU",
    )
    refused(
        world,
        lambda: record_precondition(world.acting("kari"), key="statsbudsjett", region=None, party=None, year=2027),
        says="Statsbudsjettet registreres av AU",
    )


def test_the_agreement_text_by_the_regions_coordinators_only(world: World) -> None:
    refused(
        world,
        lambda: register_text(world.acting("ola"), region="agder", year=2027, text=never("the link")),
        says="Bare koordinatorene i Agder fylkeskommune kan registrere avtaleteksten",
    )


def test_a_fixed_milestone_cannot_be_not_relevant(world: World) -> None:
    refused(
        world,
        lambda: mark_not_relevant(world.acting("kari"), key="regional-spring", region="agder", year=2027, undo=False),
        says="er en fast del av modellen",
    )


def test_not_relevant_by_the_coordinator_only(world: World) -> None:
    refused(
        world,
        lambda: mark_not_relevant(world.acting("ola"), key="assignments", region="agder", year=2027, undo=False),
        says="Bare Agder fylkeskommune kan registrere",
    )


def test_nothing_to_undo(world: World) -> None:
    refused(
        world,
        lambda: mark_not_relevant(world.acting("kari"), key="assignments", region="agder", year=2027, undo=True),
        says="ingenting å angre",
    )


def test_an_assignment_needs_an_actor_and_a_coordinator(world: World) -> None:
    refused(
        world,
        lambda: record_assignment(world.acting("kari"), actor="AU", status="sent", region="agder", year=2027),
        says="Hvilken aktør?",
    )
    refused(
        world,
        lambda: record_assignment(world.acting("ola"), actor="IN", status="sent", region="agder", year=2027),
        says="Bare Agder fylkeskommune kan registrere",
    )
    refused(
        world,
        lambda: record_assignment(world.acting("aud"), actor="IN", status="sent", region=None, year=2027),
        says="fylkeskommunens koordinatorer",  # AU records none: said at once (walk 14b F8)
    )


def test_bindings_by_an_admin_only_before_the_words_are_read(world: World) -> None:
    refused(
        world, lambda: bind_channel(world.acting("kari"), binding=never("the binding")), says="Bare en administrator"
    )


def test_a_new_link_by_an_admin_only(world: World) -> None:
    refused(world, lambda: renew_link(world.acting("kari"), link=never("the link")), says="Bare en administrator")


def test_mentions_and_form_need_a_known_person(world: World) -> None:
    refused(world, lambda: set_mentions(world.acting("stranger"), on=False), says="ikke registrert som person")
    refused(
        world, lambda: choose_written_form(world.acting("stranger"), lang="nn"), says="«bli med <part>»"
    )  # how to join (walk 43)


def test_a_channels_form_by_an_admin_or_the_regions_coordinator(world: World) -> None:
    refused(  # an actor's channel has no region coordinator to name (walk 21 A10)
        world,
        lambda: choose_channel_form(world.acting("ola"), lang="nn"),
        says="Bare en administrator kan endre målformen i en kanal som ikke hører til en region",
    )
    refused(
        world,
        lambda: choose_channel_form(world.acting("per", channel="agder"), lang="nn"),
        says="Bare en administrator",
    )


def test_the_plan_period_rules(world: World) -> None:
    refused(
        world, lambda: set_plan_period(world.acting("kari"), region="agder", first=2031, last=2028), says="ser feil ut"
    )
    refused(
        world, lambda: set_plan_period(world.acting("ola"), region="agder", first=2028, last=2031), says="Bare Agder"
    )
    refused(
        world,
        lambda: set_plan_period(world.acting("admin"), region=None, first=2028, last=2031),
        says="ikke registrert for noen part",  # an admin sets no region's plan: said at once (walk 14b F8)
    )


def test_an_unchanged_binding_is_not_recorded_twice(world: World) -> None:
    binding = ChannelBinding(region="agder")
    _, first = bind_channel(world.acting("admin", channel="c1"), binding=lambda: binding)
    before = world.snapshot()
    _, again = bind_channel(world.acting("admin", channel="c1"), binding=lambda: binding)
    assert first.changed and not again.changed
    assert world.snapshot() == before
