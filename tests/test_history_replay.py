"""Each history entry says what it changed (bot/state/replay.py): the touched records before and after, sealed into
the chain; a record's earlier content can be read and put back as a new recorded change; the start-up
check and the admins' alert name a record changed outside the bot."""

from __future__ import annotations

import pytest

from bot.state import chain, replay
from bot.state.integrity import admin_alert, check_history
from bot.state.store import Author, DomainError
from tests.driver import BotDriver, make_bot, oslo, record_all_preconditions

AGDER = "cycle/agder/2027"
SPRING = "regional-spring"
KARI = Author(person="kari", name="Kari Nordmann", platform="terminal", channel="agder")


def dated_twice() -> BotDriver:
    bot = make_bot(at=oslo(2027, 1, 12, 9))
    record_all_preconditions(bot, year=2027)
    bot.set_time(2027, 1, 20, 9)
    assert bot.say("dato vår 22. april kl 10", as_="kari").ok
    assert bot.say("dato vår 29. april kl 12", as_="kari").ok
    return bot


def test_an_entry_holds_only_the_records_it_touched_whole_before_and_after() -> None:
    bot = dated_twice()
    history = bot.core.state.history(AGDER)
    assert replay.BASE in history[0] and history[0][replay.BASE] == {}, "a new partition's chain starts empty"
    assert not any(replay.BASE in entry for entry in history[1:])
    [first, second] = [entry[replay.CHANGES] for entry in history[-2:]]
    assert [(c["table"], c["key"], c["before"]) for c in first] == [("milestones", SPRING, None)]
    assert second[0]["before"] == first[0]["after"] and second[0]["after"]["planned"].startswith("2027-04-29T12:00")
    assert all(len(entry[replay.CHANGES]) == 1 for entry in history), "untouched records are not repeated"
    assert bot.core.state.verify_history(AGDER).ok


def test_the_chain_seals_what_an_entry_changed() -> None:
    bot = dated_twice()
    history = [dict(entry) for entry in bot.core.state.history(AGDER)]
    history[-1][replay.CHANGES] = [{**history[-1][replay.CHANGES][0], "after": {"planned": "2027-05-01"}}]
    report = chain.walk(partition=AGDER, entries=history)
    assert not report.ok and report.broken_at == len(history) - 1


def test_a_record_earlier_content_can_be_read_and_restored() -> None:
    bot = dated_twice()
    state = bot.core.state
    versions = state.record_versions(AGDER, table="milestones", key=SPRING)
    assert [v.before is None for v in versions] == [True, False]
    assert versions[0].after is not None and versions[0].after["planned"].startswith("2027-04-22T10:00")
    assert versions[1].entry["summary"].startswith("Satte dato") and versions[1].index == versions[0].index + 1

    restored = state.restore(
        partition=AGDER, table="milestones", key=SPRING, index=versions[0].index, author=KARI, at=bot.clock.now()
    )
    assert restored == versions[0].after
    assert state.doc(AGDER, "milestones", SPRING) == versions[0].after
    last, index = state.latest(AGDER, limit=1)[0], versions[0].index
    assert last["action"] == "restore" and last["restored"] == {"table": "milestones", "key": SPRING, "entry": index}
    assert last["summary"] == f"Satte milestones/{SPRING} tilbake til slik det var etter oppføring {index}."
    assert f"oppføring {index}" in last["summary_nn"] and last["summary_nn"] != last["summary"]
    assert len(state.record_versions(AGDER, table="milestones", key=SPRING)) == 3
    assert state.verify_history(AGDER).ok
    assert "22. april" in bot.say("neste", as_="kari").text


def test_restoring_from_an_entry_that_did_not_touch_the_record_is_refused_and_writes_nothing() -> None:
    bot = dated_twice()
    before = bot.core.state.history_count(AGDER)
    with pytest.raises(DomainError, match="Oppføring 0 endret ikke regional-spring"):
        bot.core.state.restore(
            partition=AGDER, table="milestones", key=SPRING, index=0, author=KARI, at=bot.clock.now()
        )
    assert bot.core.state.history_count(AGDER) == before


def test_a_change_outside_the_bot_that_a_later_change_covered_is_still_named() -> None:
    bot = dated_twice()
    with bot.core.store.update(AGDER) as tables:  # outside `StateStore.change`: no history entry
        tables["milestones"][SPRING]["planned"] = "2027-06-01T10:00:00+02:00"
    assert bot.say("dato vår 30. april kl 12", as_="kari").ok
    report = bot.core.state.verify_history(AGDER)
    index = report.entries - 1
    assert [(d.table, d.key, d.problem, d.entry, d.fields) for d in report.differences] == [
        ("milestones", SPRING, "before", index, ("planned",))
    ]
    assert f"milestones/{SPRING} was changed outside the bot before entry {index}" in report.describe()


def test_the_start_up_check_and_the_admins_alert_name_the_record() -> None:
    bot = dated_twice()
    with bot.core.store.update(AGDER) as tables:
        tables["versions"]["1"]["sha256"] = "0" * 64
    check = check_history(bot.core.state)
    assert not check.ok and check.as_json()["broken"] == [
        f"{AGDER}: versions/1 differs from what the history produces (fields: sha256)"
    ]
    alert = admin_alert(check)
    assert alert is not None and f"{AGDER}: «versions/1» er ikke slik historikken gir den" in alert.text


@pytest.mark.parametrize(
    "garbage", [{"base": 5}, {"base": {"milestones": 3}}, {"changes": "x"}, {"changes": [1, None]}]
)
def test_verify_names_a_garbled_entry_and_never_crashes(garbage: dict) -> None:
    bot = dated_twice()
    with bot.core.store.update(AGDER) as tables:
        tables["history"]["000001"].update(garbage)
    report = bot.core.state.verify_history(AGDER)
    assert not report.ok and report.broken_at == 1


def test_an_older_replica_entry_without_changes_ends_the_covered_stretch_until_the_next_base() -> None:
    """During a rolling deploy an older replica writes an entry without `changes`: the replay cannot go on
    from it, and the next entry this code writes starts again from a `base`."""
    bot = dated_twice()
    entries = [dict(entry) for entry in bot.core.state.history(AGDER)]
    entries.append({"summary": "written by an older replica"})
    assert replay.replay(entries).start is None
    state = bot.core.state.tables(AGDER)
    base = {name: rows for name, rows in replay.model_tables(state).items()}
    entries.append({replay.BASE: base, replay.CHANGES: []})
    again = replay.replay(entries)
    assert again.start == len(entries) - 1 and not replay.compare(replayed=again.state, stored=state)
