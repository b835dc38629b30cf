"""Teams activities with fields of the wrong shape, over HTTP to the real adapter and core: botbuilder keeps
a null or a number where a list item or an object belongs as it came, and reading it failed the turn with
«Beklager, noe gikk galt» and a traceback. Each is answered, or ignored, without an error (found by
mutating each fixture at every path: a null, a number, a missing field)."""

from __future__ import annotations

import copy
import logging
from collections.abc import Iterator
from typing import Any

import pytest

from tests.teams.harness import BotServer, ConnectorStandIn, load_activity
from tests.teams.test_teams_real_core import _core

MISSING = object()


def paths(value: object, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Every path into a JSON value (keys and list indexes), outermost first (also bench.faults_fuzz's)."""
    if prefix:
        yield prefix
    if isinstance(value, dict):
        for key, inner in value.items():
            yield from paths(inner, (*prefix, key))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            yield from paths(inner, (*prefix, index))


def changed(activity: dict[str, Any], path: tuple[Any, ...], new: object) -> dict[str, Any]:
    """A deep copy of `activity` with the value at `path` replaced by `new` (`MISSING`: removed)."""
    changed = copy.deepcopy(activity)
    inner: Any = changed
    for key in path[:-1]:
        inner = inner[key]
    if new is MISSING:
        del inner[path[-1]]
    else:
        inner[path[-1]] = new
    return changed


def _posts(connector: ConnectorStandIn) -> str:
    return " ".join(str(posted.activity) for posted in connector.accepted)


@pytest.mark.parametrize(
    ("fixture", "path", "new"),
    [
        ("channel_message_mention", ("attachments", 0), None),
        ("channel_message_mention", ("entities", 0), None),
        ("personal_message", ("entities", 0), None),
        ("conversation_update_channel_shared", ("channelData", "sharedWithTeams"), 1),
    ],
)
def test_a_field_of_the_wrong_shape_is_no_failed_turn(
    run, caplog: pytest.LogCaptureFixture, fixture: str, path: tuple[Any, ...], new: object
) -> None:
    async def body() -> str:
        connector = await ConnectorStandIn().start()
        server = await BotServer(core=_core()).start()
        try:
            activity = changed(load_activity(fixture, service_url=connector.url), path, new)
            assert await server.post(activity) < 500
            return _posts(connector)
        finally:
            await server.stop()
            await connector.stop()

    caplog.set_level(logging.INFO)
    posted = run(body())
    assert "noe gikk galt" not in posted.lower()
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info], caplog.text[-2000:]


def test_a_mention_with_each_field_null_or_a_number_never_fails_a_turn(run, caplog: pytest.LogCaptureFixture) -> None:
    async def body() -> tuple[int, str]:
        connector = await ConnectorStandIn().start()
        server = await BotServer(core=_core()).start()
        try:
            base = load_activity("channel_message_mention", service_url=connector.url)
            sent = 0
            for path in list(paths(base)):
                if path == ("serviceUrl",):
                    continue
                for new in (None, 7, MISSING):
                    sent += 1
                    activity = changed(base, path, new)
                    if path != ("id",):
                        activity["id"] = f"hostile-{sent}"
                    assert await server.post(activity) < 500, (path, new)
            return sent, _posts(connector)
        finally:
            await server.stop()
            await connector.stop()

    caplog.set_level(logging.INFO)
    sent, posted = run(body())
    assert sent > 100
    assert "noe gikk galt" not in posted.lower()
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info], caplog.text[-2000:]


@pytest.mark.parametrize("answers", [[502], [403] * 10])
def test_a_connector_answer_that_is_not_json_is_retried_and_never_said_as_a_failure(
    run, caplog: pytest.LogCaptureFixture, answers: list[int]
) -> None:
    """A gateway's 502 page or a proxy's text/plain 403 in front of the connector: msrest cannot read it
    (DeserializationError), which failed the turn with a traceback and a «noe gikk galt» try. Now it is
    retried as a lost answer is, and when it never goes, one line says so."""

    async def body() -> tuple[list[str], int]:
        connector = await ConnectorStandIn(garbled=list(answers)).start()
        server = await BotServer(core=_core()).start()
        try:
            ask = load_activity("channel_message_mention", service_url=connector.url)
            assert await server.post(ask) < 500
            return [str(posted.activity.get("text") or "") for posted in connector.accepted], len(connector.rejected)
        finally:
            await server.stop()
            await connector.stop()

    caplog.set_level(logging.INFO)
    posted, refused = run(body())
    assert not any(record.exc_info for record in caplog.records), caplog.text[-2000:]
    assert "noe gikk galt" not in " ".join(posted).lower()
    if len(answers) == 1:
        assert refused == 1 and len(posted) == 1  # the reply, once, on the second try
        assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
    else:
        assert posted == [] and refused == 4  # the retries, then one line
        assert any("not delivered" in r.getMessage() for r in caplog.records)
