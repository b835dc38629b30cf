"""A `neste` right after a write is what a process that never saw the state before would answer, in every
kind of channel and for every kind of reader: what is kept to answer it faster (documents a write left
unchanged keeping their objects, `storage.fragments`; follow-up points kept per partition,
`bot.model.followups`; signatures per table, `bot.state.store`; what follows from the day, `bot.facts.behind`,
`bot.model.cycle`; a signing's section by what it reads, `handlers.describe`; the Slack JSON of unchanged
blocks, `adapters.slack.answer`; a partition not stat'ed while the writes feed names no write to it,
`storage.tinydb_feed`) never outlives the change, whichever process made it."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from adapters.compose import make_core
from adapters.slack import render
from adapters.slack.answer import answer_json
from bot.clock import FixedClock
from bot.messages import Reply, Request
from bot.model.config import load_config
from storage import TinyDBStore
from tests.driver import DEMO_CONFIG, BotDriver, oslo

CHANNELS = ("agder", "vestland", "in", "nasjonal")
KNOWN = ("kari", "per", "ola", "aud")
WRITES = (
    ("referat høst Høstmøtet holdt", "aud", "nasjonal"),
    ("referat høst Godt møte oppfølging: Sende utkast @IN innen 15. desember; Ringe @agder", "kari", "agder"),
    ("ikke aktuelt oppdrag 2027", "per", "vestland"),
    ("ikke aktuelt oppdrag 2027 angre", "per", "vestland"),
    ("forutsetning budsjett", "kari", "agder"),
    ("dato høst 27. november kl 10", "per", "vestland"),
    ("dato høst 30. november kl 10", "per", "vestland"),
)
SIGNING_WRITES = (  # in January, when agreement 2027's signing is in `neste` (its section kept by what it reads)
    ("ikke aktuelt oppdrag 2027", "kari", "agder"),  # the signing's partition, not what it reads
    ("avtale https://dok.fylke.no/agder/avtale-2027-v1.pdf", "kari", "agder"),
    ("forutsetning budsjett", "kari", "agder"),  # what it waits for
    ("avtale https://dok.fylke.no/agder/avtale-2027-v2.pdf", "kari", "agder"),
    ("ikke aktuelt oppdrag 2027 angre", "kari", "agder"),
)


def _walk(tmp_path: Path, *, at: datetime) -> tuple[BotDriver, Callable[[], dict[tuple[str, str], str]]]:
    """A bot at `at`, and a sweep: every reader's `neste` in every channel kind, each compared with a fresh
    process's on the same folder."""
    config = load_config(DEMO_CONFIG)
    clock = FixedClock(at)
    core = make_core(config=config, store=TinyDBStore(tmp_path / "db"), clock=clock)
    bot = BotDriver(core=core, clock=clock)
    n = 0

    def sweep() -> dict[tuple[str, str], str]:
        nonlocal n
        answers = {}
        fresh = make_core(config=config, store=TinyDBStore(tmp_path / "db"), clock=clock)  # reads every file anew
        for channel in CHANNELS:
            for user in (*KNOWN, f"ny{n}"):
                n += 1
                request = Request(platform="terminal", user_id=user, channel_id=channel, text="neste")
                got = core.handle(request)
                anew = fresh.handle(request).reply
                assert got.reply == anew, f"{user} in {channel} after {n}"
                # Slack's answer from the kept JSON of unchanged blocks (`adapters.slack.answer`) is the whole
                # answer encoded afresh.
                assert answer_json(got.reply, response_type="ephemeral", more="neste") == _whole_json(anew)
                answers[(user if user in KNOWN else "new", channel)] = got.reply.text
        return answers

    return bot, sweep


def _whole_json(reply: Reply) -> str:
    payload = render.message_payload(reply, more="neste")
    return json.dumps({"text": payload["text"], "response_type": "ephemeral", "blocks": payload["blocks"]})


def _each_write(
    bot: BotDriver, sweep: Callable[[], dict[tuple[str, str], str]], writes: tuple[tuple[str, str, str], ...]
) -> dict[tuple[str, str], str]:
    """Each write, then a sweep; the answers after the last."""
    before = sweep()
    for text, user, channel in writes:
        assert bot.say(text, as_=user, channel=channel).ok, text
        after = sweep()
        assert after != before, text  # the write shows somewhere
        before = after
    return before


def test_neste_after_each_write_is_what_a_fresh_process_answers(tmp_path: Path) -> None:
    bot, sweep = _walk(tmp_path, at=oslo(2026, 11, 23, 9))
    before = _each_write(bot, sweep, WRITES)
    assert "Sende utkast" in before[("ola", "in")]
    assert "30. november" in before[("new", "vestland")]
    point = re.search(r"Sende utkast .*?\[([A-Z0-9]{4})\]", before[("ola", "in")])
    assert point is not None
    assert bot.say(f"ferdig {point.group(1)}", as_="ola", channel="in").ok
    assert "Sende utkast" not in sweep()[("ola", "in")]  # a point closed leaves its owner's `neste` at once


def test_neste_after_another_process_writes_is_what_a_fresh_process_answers(tmp_path: Path) -> None:
    """The writes made by another process on the same folder: the sweeping bot trusts what it looked at
    before until the feed names the partition (`storage.tinydb_feed`)."""
    _, sweep = _walk(tmp_path, at=oslo(2026, 11, 23, 9))
    clock = FixedClock(oslo(2026, 11, 23, 9))
    other = make_core(config=load_config(DEMO_CONFIG), store=TinyDBStore(tmp_path / "db"), clock=clock)
    after = _each_write(BotDriver(core=other, clock=clock), sweep, WRITES)
    assert "30. november" in after[("new", "vestland")]


def test_signings_section_after_each_write_is_what_a_fresh_process_answers(tmp_path: Path) -> None:
    bot, sweep = _walk(tmp_path, at=oslo(2027, 1, 5, 9))
    before = _each_write(bot, sweep, SIGNING_WRITES)
    assert "avtale-2027-v2.pdf" in before[("new", "agder")]
