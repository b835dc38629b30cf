"""The actions that succeed: one history entry each, named by the action, and the result the handler
describes; a repeated request id records once; the same value again records nothing."""

from __future__ import annotations

import pytest

from bot.actions.agreement_text import TextAlready, TextRegistered, register_text
from bot.actions.assignments import AssignmentAlready, AssignmentRecorded, record_assignment
from bot.actions.bindings import PersonBinding, bind_person
from bot.actions.dates import DateSet, DateUnchanged, set_date
from bot.actions.links import Link, renew_link
from bot.actions.minutes import MinutesRecorded, MinutesWanted, record_minutes
from bot.actions.optional import NotRelevantAlready, NotRelevantMarked, mark_not_relevant
from bot.actions.plan import region_plan_period, set_plan_period
from bot.actions.preconditions import PreconditionAlready, PreconditionRecorded, record_precondition
from bot.actions.preferences import choose_channel_form, choose_written_form, set_mentions
from bot.actions.rules import milestone_for
from bot.actions.signing import AlreadySigned, Signed, sign
from bot.reminders.notify import muted_people
from bot.shown.web_links import generation
from bot.state.store import META, AlreadyApplied, cycle_partition
from bot.written_form import person_form
from tests.actions.conftest import World
from tests.driver import oslo

SHA = "a" * 64


def actions_in(world: World, partition: str) -> list[str]:
    return [entry.get("action") for entry in world.history(partition)]


def ready_to_sign(world: World) -> None:
    """Agder's agreement 2027 with everything in place but the signatures, through the actions alone."""
    assert isinstance(
        record_precondition(world.acting("aud"), key="statsbudsjett", region=None, party=None, year=2027),
        PreconditionRecorded,
    )
    record_precondition(world.acting("kari"), key="budsjett", region="agder", party=None, year=2027)
    for who in ("ola", "siri", "nils", "rita"):
        record_precondition(world.acting(who), key="tildelingsbrev", region=None, party=None, year=2027)
    treated = record_minutes(
        world.acting("kari"),
        key="draft-political",
        region="agder",
        year=2027,
        confirmed=True,
        outcome=lambda: {"summary": "Vedtatt", "link": None, "decisions": [], "followups": []},
    )
    assert isinstance(treated, MinutesRecorded)
    text = register_text(
        world.acting("kari"),
        region="agder",
        year=2027,
        text=lambda: {"link": "https://example.no/a.pdf", "sha256": SHA},
    )
    assert isinstance(text, TextRegistered) and text.ready


def test_a_whole_signing_through_the_actions(world: World) -> None:
    ready_to_sign(world)
    parties = ("agder", "IN", "SIVA", "NFR", "RFF")
    people = {"agder": "kari", "IN": "ola", "SIVA": "siri", "NFR": "nils", "RFF": "rita"}
    results = [
        sign(world.acting(people[p]), party=p, region="agder", year=2027, version=None, confirmed=False)
        for p in parties
    ]
    assert all(isinstance(r, Signed) for r in results)
    assert [r.progress.done for r in results] == [False, False, False, False, True]
    again = sign(world.acting("kari"), party=None, region=None, year=2027, version=None, confirmed=False)
    assert isinstance(again, AlreadySigned) and again.signature["person"] == "kari"
    partition = cycle_partition("agder", 2027)
    assert actions_in(world, partition) == ["record_precondition", "record_minutes", "register_text", *["sign"] * 5]
    assert actions_in(world, "national/2027").count("record_precondition") == 5


def test_the_same_text_again_changes_nothing(world: World) -> None:
    ready_to_sign(world)
    before = world.snapshot()
    again = register_text(
        world.acting("kari"), region="agder", year=2027, text=lambda: {"link": "https://x.no", "sha256": SHA}
    )
    assert isinstance(again, TextAlready) and again.version.number == 1
    assert world.snapshot() == before


def test_a_precondition_recorded_twice_keeps_the_first(world: World) -> None:
    record_precondition(world.acting("aud"), key="statsbudsjett", region=None, party=None, year=2027)  # it follows
    first = record_precondition(world.acting("ola"), key="tildelingsbrev", region=None, party="IN", year=2027)
    assert isinstance(first, PreconditionRecorded) and first.newly_ready == ()
    before = world.snapshot()
    again = record_precondition(world.acting("ola"), key="tildelingsbrev", region=None, party=None, year=2027)
    assert isinstance(again, PreconditionAlready) and again.doc["by"] == "Ola Berg"
    assert world.snapshot() == before


def test_a_date_set_once(world: World) -> None:
    args = dict(
        key="regional-spring", region="agder", year=2027, when=oslo(2027, 4, 22, 10, 0), has_time=True, vague=False
    )
    assert isinstance(set_date(world.acting("kari"), confirmed=False, **args), DateSet)
    before = world.snapshot()
    assert isinstance(set_date(world.acting("kari"), confirmed=False, **args), DateUnchanged)
    assert world.snapshot() == before
    assert actions_in(world, cycle_partition("agder", 2027)) == ["set_date"]


def test_a_repeated_request_records_once(world: World) -> None:
    args = dict(key="regional-spring", region="agder", year=2027, has_time=True, vague=False, confirmed=False)
    set_date(world.acting("kari", request_id="r1"), when=oslo(2027, 4, 22, 10, 0), **args)
    with pytest.raises(AlreadyApplied):
        set_date(world.acting("kari", request_id="r1"), when=oslo(2027, 4, 23, 10, 0), **args)
    item = milestone_for(world.config, key="regional-spring", year=2027, region="agder")
    assert world.state.item_doc(item)["planned"] == oslo(2027, 4, 22, 10, 0).isoformat()  # the first date stands
    assert actions_in(world, cycle_partition("agder", 2027)) == ["set_date"]


def test_minutes_without_an_outcome_ask_for_one(world: World) -> None:
    before = world.snapshot()
    asked = record_minutes(
        world.acting("kari"), key="draft-political", region="agder", year=2027, confirmed=True, outcome=lambda: None
    )
    assert isinstance(asked, MinutesWanted) and asked.item.key == "draft-political"
    assert world.snapshot() == before


def test_not_relevant_and_back(world: World) -> None:
    marked = mark_not_relevant(world.acting("kari"), key="assignments", region="agder", year=2027, undo=False)
    assert isinstance(marked, NotRelevantMarked) and not marked.undo
    assert isinstance(
        mark_not_relevant(world.acting("kari"), key="assignments", region="agder", year=2027, undo=False),
        NotRelevantAlready,
    )
    back = mark_not_relevant(world.acting("kari"), key="assignments", region="agder", year=2027, undo=True)
    assert isinstance(back, NotRelevantMarked) and back.undo
    assert actions_in(world, cycle_partition("agder", 2027)) == ["mark_not_relevant", "mark_not_relevant"]


def test_assignments_complete_when_every_actor_has_an_answer(world: World) -> None:
    results = [
        record_assignment(world.acting("kari"), actor=actor, status=status, region="agder", year=2027)
        for actor, status in (("IN", "sent"), ("SIVA", "none"), ("NFR", "none"), ("RFF", "sent"))
    ]
    assert all(isinstance(r, AssignmentRecorded) for r in results)
    assert [r.complete for r in results] == [False, False, False, True]
    assert world.state.assignments(region="agder", year=2027)["SIVA"]["status"] == "none"
    again = record_assignment(world.acting("kari"), actor="IN", status="sent", region="agder", year=2027)
    assert isinstance(again, AssignmentAlready)


def test_runtime_bindings_and_choices_in_meta(world: World) -> None:
    person = PersonBinding(user_id="U9", party="vestland", role="adviser", person="U9", name="Ny")
    _, bound = bind_person(world.acting("admin"), binding=lambda: person)
    assert bound.changed and world.state.person_binding(key="terminal:U9") == person.as_doc()
    assert set_mentions(world.acting("kari"), on=False).changed
    assert not set_mentions(world.acting("kari"), on=False).changed
    assert "kari" in muted_people(state=world.state)
    choose_written_form(world.acting("kari"), lang="nn")
    assert person_form(state=world.state, person="kari") == "nn"
    choose_channel_form(world.acting("kari", channel="agder"), lang="nn")
    link = renew_link(world.acting("admin"), link=lambda: Link(link_id="feed:agder", path="/x", what=lambda: "x"))
    assert generation(world.state, link.link_id) == 1
    assert actions_in(world, META) == [
        "bind_person", "set_mentions", "choose_written_form", "choose_channel_form", "renew_link"
    ]  # fmt: skip


def test_the_plan_period_set_and_read(world: World) -> None:
    assert region_plan_period(config=world.config, state=world.state, region="agder", year=2027) == "2024–2027"
    assert set_plan_period(world.acting("kari"), region="agder", first=2028, last=2031).changed
    assert region_plan_period(config=world.config, state=world.state, region="agder", year=2028) == "2028–2031"
    assert region_plan_period(config=world.config, state=world.state, region="agder", year=2027) == "2024–2027"
    assert not set_plan_period(world.acting("kari"), region="agder", first=2028, last=2031).changed
    entry = world.history(META)[-1]
    assert entry["action"] == "set_plan_period" and entry["region"] == "agder"
