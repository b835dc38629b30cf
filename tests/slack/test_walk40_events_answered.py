"""Events Slack sends every app with the Events API on, whatever it subscribed to (walk 40): `tokens_revoked`
and `app_uninstalled` when an admin takes the bot's token away, `app_rate_limited`. Bolt answered them 404,
so Slack retried each three times and counted failed deliveries, and /healthz said «ok» until the next post
failed (perhaps the next morning's digests). Over HTTP: each is answered 200, and a revoked token is named
on /healthz at once."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from adapters.refused_credentials import REFUSED
from bot.core import Core

from .harness import fixture, real_core, running


@pytest.fixture
def core(tmp_path: Path) -> Iterator[Core]:
    with real_core(tmp_path, at=datetime(2027, 3, 3, 10)) as core:
        yield core
    REFUSED.clear(platform="slack")  # one per process: the next test starts with Slack accepting the bot


def _event(kind: str, **fields: object) -> dict[str, object]:
    payload = fixture("event_app_mention")
    payload.update(event={"type": kind, "event_ts": "1767000020.000300", **fields}, event_id=f"Ev{kind}")
    return payload


async def test_events_sent_to_every_app_are_answered_and_a_revoked_token_is_on_healthz(core: Core) -> None:
    async with running(core) as h:
        before = json.loads((await h.get("/healthz")).text)
        limited = await h.event({**_event("app_rate_limited"), "type": "app_rate_limited", "minute_rate_limited": 1})
        other = await h.event(_event("reaction_added", user="U0KARI", reaction="tada"))
        people = await h.event(_event("tokens_revoked", tokens={"oauth": ["U0KARI"], "bot": []}))
        after_people = json.loads((await h.get("/healthz")).text)
        revoked = await h.event(_event("tokens_revoked", tokens={"oauth": [], "bot": ["U0SAMBOT"]}))
        after = json.loads((await h.get("/healthz")).text)
        mention = await h.event(fixture("event_app_mention"))
        await h.settle()
    assert "credentials" not in before and "credentials" not in after_people  # a person's own token only
    assert (limited.status, other.status, people.status, revoked.status, mention.status) == (200,) * 5
    assert after["status"] != "ok" and "tokens_revoked" in after["credentials"]["slack"]
