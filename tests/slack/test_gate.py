"""Hostile requests on 127.0.0.1 against the real server and real Bolt: each refused with its own status,
for one short log line, never with a traceback, never with the body in the log."""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import time
from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

import pytest

from .fake_core import FakeCore
from .harness import SIGNING_SECRET, fixture, running, sign

FORM = "application/x-www-form-urlencoded"
MARKER = "FORGED-BODY-MARKER"


async def test_ten_forged_one_megabyte_bodies_add_under_100_kb_of_log(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    core = FakeCore()
    big = "text=" + (MARKER + "\nINFO forged log line\n") * (1024 * 1024 // 40)  # 1 MB, raw newlines
    small = "text=" + (MARKER + "\n") * (400 * 1024 // 20)  # under the cap: refused for its signature
    async with running(core) as h:
        headers = {"X-Slack-Signature": "v0=" + "0" * 64}
        answers = [await h.post(big, content_type=FORM, headers=headers) for _ in range(10)]
        answers += [await h.post(small, content_type=FORM, headers=headers) for _ in range(10)]
        await h.settle()
    assert [a.status for a in answers] == [413] * 10 + [401] * 10
    assert len(caplog.text.encode()) < 100 * 1024
    assert MARKER not in caplog.text and "forged log line" not in caplog.text
    assert "Traceback" not in caplog.text
    assert core.requests == []
    refusals = [r.getMessage() for r in caplog.records if r.getMessage().startswith("refused POST /slack/events")]
    assert len(refusals) == 20 and all("\n" not in line for line in refusals)


def _without(payload: dict[str, Any], *path: str) -> dict[str, Any]:
    inner = payload
    for key in path[:-1]:
        inner = inner[key]
    del inner[path[-1]]
    return payload


SIGNED_BUT_MISSHAPEN: dict[str, Callable[[], dict[str, Any]]] = {
    "block_actions with no actions": lambda: {**fixture("block_actions"), "actions": []},
    "block_actions with an action without an id": lambda: {**fixture("block_actions"), "actions": [{}]},
    "view_submission whose view has no type": lambda: _without(fixture("view_submission"), "view", "type"),
    "response_urls that is not a list": lambda: {**fixture("view_submission"), "response_urls": 1},
    "authorizations holding a number": lambda: {**fixture("event_app_mention"), "authorizations": [1]},
}
"""Signed payloads Bolt read with a 500 before the gate knew their shape."""


@pytest.mark.parametrize(
    ("case", "status"),
    [
        ("non-numeric timestamp", 401),
        ("timestamp with a sign", 401),
        ("huge timestamp", 401),
        ("stale timestamp", 401),
        ("malformed signature", 401),
        ("signature of another body", 401),
        ("no signature headers", 401),
        ("json with a control character", 400),
        ("payload that is not json", 400),
        ("payload that is a list", 400),
        ("body that is not utf-8", 400),
        ("json nested too deep", 400),
        ("block_actions with no actions", 400),
        ("block_actions with an action without an id", 400),
        ("view_submission whose view has no type", 400),
        ("response_urls that is not a list", 400),
        ("authorizations holding a number", 400),
    ],
)
async def test_hostile_requests_each_get_their_status_and_never_a_traceback(
    case: str, status: int, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    core = FakeCore()
    now = int(time.time())
    async with running(core) as h:
        good = h.slash_body("neste")
        body, content_type, headers, signed = good, FORM, {}, True
        if case == "non-numeric timestamp":
            headers = {**sign(good), "X-Slack-Request-Timestamp": "abc"}
        elif case == "timestamp with a sign":
            headers = {**sign(good), "X-Slack-Request-Timestamp": f"+{now}"}
        elif case == "huge timestamp":
            headers = {**sign(good), "X-Slack-Request-Timestamp": "9" * 400}
        elif case == "stale timestamp":
            headers = sign(good, timestamp=now - 3600)
        elif case == "malformed signature":
            headers = {**sign(good), "X-Slack-Signature": "v0=not-hex"}
        elif case == "signature of another body":
            headers = sign("text=status")
        elif case == "no signature headers":
            signed = False
        elif case == "json with a control character":
            body, content_type = '{"type": "event_callback", "event": {"text": "a\x01b"}}', "application/json"
        elif case == "payload that is not json":
            body = "payload=%7Bnot-json"
        elif case == "json nested too deep":
            body, content_type = "[" * 200_000, "application/json"
        elif case == "payload that is a list":
            body = "payload=%5B1%2C2%5D"
        elif case in SIGNED_BUT_MISSHAPEN:  # found by mutating each fixture at every path (walk: hostile)
            body = urlencode({"payload": json.dumps(SIGNED_BUT_MISSHAPEN[case]())})
            if case == "authorizations holding a number":
                body, content_type = json.dumps(SIGNED_BUT_MISSHAPEN[case]()), "application/json"
        if case == "body that is not utf-8":
            raw = b"text=\xff\xfe"
            digest = hmac.new(SIGNING_SECRET.encode(), f"v0:{now}:".encode() + raw, hashlib.sha256).hexdigest()
            headers = {"X-Slack-Request-Timestamp": str(now), "X-Slack-Signature": f"v0={digest}"}
            async with h.session.post(
                f"{h.base_url}/slack/events", data=raw, headers={"Content-Type": FORM, **headers}
            ) as r:
                answer_status, answer_text = r.status, await r.text()
        else:
            answer = await h.post(body, content_type=content_type, headers=headers, signed=signed and not headers)
            answer_status, answer_text = answer.status, answer.text
        await h.settle()
    assert answer_status == status, case
    assert "Traceback" not in caplog.text and "Traceback" not in answer_text
    assert core.requests == []
    assert any(r.getMessage().startswith("refused POST /slack/events") for r in caplog.records)


async def test_a_signed_request_still_passes_the_gate() -> None:
    core = FakeCore()
    async with running(core) as h:
        answer = await h.post(
            json.dumps({"type": "url_verification", "challenge": "c1", "token": "t"}), content_type="application/json"
        )
        command = await h.slash("neste")
    assert answer.status == 200 and answer.json()["challenge"] == "c1"
    assert command.status == 200 and [r.text for r in core.requests] == ["neste"]


async def test_a_chunked_body_is_read_no_further_than_the_cap(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    sent = 0

    async def chunks():  # no Content-Length: the gate must stop reading by itself
        nonlocal sent
        for _ in range(64):
            sent += 1
            yield b"x" * (64 * 1024)

    async with (
        running(FakeCore()) as h,
        h.session.post(f"{h.base_url}/slack/events", data=chunks(), headers={"Content-Type": FORM, **sign("x")}) as r,
    ):
        status = r.status
    assert status == 413
    assert len(caplog.text.encode()) < 10 * 1024 and "xxxx" not in caplog.text


async def test_the_server_reads_no_body_over_one_megabyte_on_any_route(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    async with running(FakeCore()) as h:
        slack = await h.post("x" * (2 * 1024 * 1024), content_type=FORM)
        async with h.session.post(f"{h.base_url}/healthz", data=b"y" * (3 * 1024 * 1024)) as r:
            other = r.status
    assert (slack.status, other) == (413, 413)
    assert "body over cap" in caplog.text and "xxxx" not in caplog.text and "yyyy" not in caplog.text


@pytest.mark.parametrize("name", ["block_actions", "view_submission"])
async def test_a_user_or_channel_given_as_a_bare_id_is_read_as_that_id(name: str) -> None:
    """The gate lets `user` and `channel` through as an id or an object with one; the listeners read them as
    objects only, so a bare id (a broken client's) was an AttributeError and a 500 (bench.faults_fuzz)."""
    core = FakeCore()
    payload = {**fixture(name), "user": "U0KARI"}
    if name == "block_actions":
        payload["channel"] = "C0AGDER"
    async with running(core) as h:
        answer = await h.interact(payload)
        await h.settle()
    assert answer.status == 200
    assert [request.user_id for request in core.requests] == ["U0KARI"]
