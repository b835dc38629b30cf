"""Slack refuses the bot's token (revoked, or a missing scope), or is down, for longer than an outbox row's tries
(walk 40).

A date moved while the token was refused: its announcements failed at every try (the request's delivery,
its follow-ups, each pass), and after five they were given up, though a refused token is no channel's
fault and `adapters/refused_credentials.py` promises what waits «goes once the credentials work»; the same
after an hour of Slack's 5xx pages (`adapters/platform_outage.py`: «an outage delays, never loses») or of 429s
asking for ten minutes' wait. Over
HTTP against the Slack stand-in: a move, an hour of passes with every post refused, the token mended, one
pass: each of the four actors' channels gets the move once, and nothing was given up."""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timedelta

import pytest

from bot.delivery.outbox import pending
from bot.reminders.passes import run_pass
from storage.base import Store

from .harness import real_core, running
from .standin import Answer

ACTORS = {"C0INAGDER", "C0SIVA", "C0NFR", "C0RFF"}


def _given_up(store: Store) -> list[str]:
    return [key for key, doc in store.rows("cycle/agder/2027", table="ledger").items() if doc.get("given_up_at")]


@pytest.mark.parametrize("fault", ["token_revoked", "down", "ratelimited"])
async def test_announcements_wait_while_slack_refuses_the_token_and_go_once_when_it_works(tmp_path, fault) -> None:
    with real_core(tmp_path, at=datetime(2027, 3, 3, 10)) as core:
        async with running(core) as h:
            assert (await h.slash("dato vår 2027-04-20 10:00 bekreft", trigger="a")).status == 200
            await h.settle()
            if fault == "down":  # Slack's 5xx pages for an hour: platform-wide as well
                h.standin.down = True
            elif fault == "ratelimited":  # 429, «wait ten minutes», for an hour
                h.standin.script("chat.postMessage", *[Answer(status=429, retry_after=600)] * 500)
            else:
                h.standin.script("chat.postMessage", *[Answer(error=fault)] * 500)
            moved = await h.slash("dato vår 2027-04-22 10:00 bekreft", trigger="b")
            await h.settle()
            assert "Dato satt" in moved.json()["text"]
            for _ in range(12):  # an hour of passes, every post refused
                core.clock.advance(timedelta(minutes=5))
                await run_pass(core=core, senders=h.senders)
            waiting = [d for d in pending(core.store, "cycle/agder/2027").values() if d["platform"] == "slack"]
            assert {d["channel"] for d in waiting} >= ACTORS
            assert _given_up(core.store) == []
            h.standin._script["chat.postMessage"].clear()  # the operator gives the bot a working token
            h.standin.down = False
            core.clock.advance(timedelta(minutes=5))
            await run_pass(core=core, senders=h.senders)
            await run_pass(core=core, senders=h.senders)
            moves = Counter(
                channel
                for channel, messages in h.standin.history.items()
                for message in messages
                if "flyttet" in str(message.get("text"))
            )
    assert {channel: moves[channel] for channel in ACTORS} == dict.fromkeys(ACTORS, 1)
