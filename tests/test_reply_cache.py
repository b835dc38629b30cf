"""A repeated `neste` or `status` is answered from memory, and never once anything it read has changed.

Driven as people do: the same command twice is the same answer; a record in between, a new day, another
person or channel, the channel's written form, or a change made by another process on the same store
folder, each gives the new answer at once (bot/reply_cache.py)."""

from __future__ import annotations

from pathlib import Path

from adapters.compose import make_core
from adapters.slack.render import message_payload
from bot.clock import FixedClock
from bot.model.config import load_config
from storage import TinyDBStore
from tests.driver import DEMO_CONFIG, BotDriver, make_bot, oslo


def test_the_same_neste_twice_is_the_same_answer_until_something_is_recorded() -> None:
    bot = make_bot(at=oslo(2026, 11, 23, 9))
    first = bot.say("neste", as_="kari")
    assert bot.say("neste", as_="kari") is first  # kept, not worked out again
    assert bot.say("dato høst 27. november kl 10", as_="kari").ok
    after = bot.say("neste", as_="kari")
    assert after is not first
    assert "27. november" in after.text and "27. november" not in first.text


def test_status_follows_a_record_made_in_another_channel() -> None:
    bot = make_bot(at=oslo(2026, 11, 23, 9))
    first = bot.say("status agder", as_="aud", channel="nasjonal")
    assert bot.say("status agder", as_="aud", channel="nasjonal") is first
    assert bot.say("dato høst 27. november kl 10", as_="kari", channel="agder").ok
    assert "27. november" in bot.say("status agder", as_="aud", channel="nasjonal").text


def test_a_new_day_is_a_new_answer() -> None:
    bot = make_bot(at=oslo(2026, 11, 23, 9))
    monday = bot.say("neste", as_="kari")
    bot.set_time(2026, 11, 23, 16)  # later the same day: kept
    assert bot.say("neste", as_="kari") is monday
    bot.set_time(2026, 11, 24, 9)
    tuesday = bot.say("neste", as_="kari")
    assert tuesday is not monday
    assert "per 24.11.2026" in tuesday.text and "per 23.11.2026" in monday.text


def test_each_person_and_channel_has_its_own_answer() -> None:
    bot = make_bot(at=oslo(2026, 11, 23, 9))
    kari = bot.say("neste", as_="kari", channel="agder")
    per = bot.say("neste", as_="per", channel="vestland")
    ola = bot.say("neste", as_="ola", channel="in")
    assert len({kari.title, per.title, ola.title}) == 3
    assert bot.say("neste", as_="per", channel="vestland") is per


def test_the_channels_written_form_changes_the_answer_at_once() -> None:
    bot = make_bot(at=oslo(2026, 11, 23, 9))
    bokmal = bot.say("neste", as_="kari", channel="agder")
    assert bot.say("målform kanal nn", as_="kari", channel="agder").ok
    nynorsk = bot.say("neste", as_="kari", channel="agder")
    assert nynorsk.lang == "nn" and bokmal.lang == "nb"


def test_a_record_made_by_another_process_on_the_same_folder_shows_at_once(tmp_path: Path) -> None:
    """Two cores on one TinyDB folder (a second process, or `python -m bot chat` beside `serve`)."""
    config = load_config(DEMO_CONFIG)
    clock = FixedClock(oslo(2026, 11, 23, 9))
    reader = BotDriver(core=make_core(config=config, store=TinyDBStore(tmp_path / "db"), clock=clock), clock=clock)
    writer = BotDriver(core=make_core(config=config, store=TinyDBStore(tmp_path / "db"), clock=clock), clock=clock)
    first = reader.say("neste", as_="kari")
    assert reader.say("neste", as_="kari") is first
    assert writer.say("dato høst 27. november kl 10", as_="kari").ok
    assert "27. november" in reader.say("neste", as_="kari").text


def test_a_kept_reply_is_laid_out_once_and_each_payload_is_its_own() -> None:
    """The Slack payload of a kept reply is shared underneath, but a caller that changes its own payload
    (a clicked message updated in place) changes nothing of the next one."""
    bot = make_bot(at=oslo(2026, 11, 23, 9))
    reply = bot.say("neste", as_="kari")
    first = message_payload(reply, more="neste")
    first["blocks"].append({"type": "divider"})
    first["text"] = "changed"
    second = message_payload(bot.say("neste", as_="kari"), more="neste")
    assert second["text"] != "changed" and {"type": "divider"} not in second["blocks"]


def test_every_store_call_but_a_read_makes_a_request_one_not_to_keep() -> None:
    """The request view (`StateStore.for_request`) marks anything but `read` (rows, history, listings,
    writes, leases), so a reply that used it is never kept: each data call of the Store interface is its own
    in the view and clears `only_reads`."""
    import inspect

    from bot.state.views import RequestReads as _RequestReads
    from storage.base import Store

    bookkeeping = {"read", "faults", "note_fault", "clear_fault", "verify", "close", "forget_sealed", "one_look"}
    for name, _member in inspect.getmembers(Store, inspect.isfunction):
        if name.startswith("_") or name in bookkeeping:
            continue
        own = _RequestReads.__dict__.get(name)
        assert own is not None, f"_RequestReads.{name} falls back to Store's own"
        assert "self.only_reads = False" in inspect.getsource(own), f"_RequestReads.{name} does not mark the view"
