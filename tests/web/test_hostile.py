"""Every HTTP surface of `serve` attacked over real HTTP on 127.0.0.1: /slack/events, /api/messages,
/healthz and the web routes (feeds, status pages, signed pictures), all mounted in one app on the real core.

For each hostile request: the status promised (401 unverifiable, 400 malformed, 404 revealing nothing,
413 over the cap, 408 too slow; never a 500), and its log: at most one line, no traceback, no part of the
body, no secret or token."""

from __future__ import annotations

import asyncio
import copy
import gzip
import hashlib
import hmac
import json
import logging
import time
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any
from urllib.parse import quote

import aiohttp
import jwt
from aiohttp import web

from adapters.request_guard import BODY_TIMEOUT
from adapters.server import build_app
from adapters.teams.auth import CHANNEL_ISSUER
from adapters.teams.settings import ENV_APP_ID, ENV_APP_PASSWORD, ENV_OPENID_URL, ENV_TENANT_ID
from adapters.web.signed import link_secret, picture_address
from bot.messages import Picture
from tests.driver import BotDriver, make_bot, oslo, record_all_preconditions
from tests.slack.harness import SIGNING_SECRET, sign, slack_env
from tests.slack.standin import SlackStandIn
from tests.teams.harness import ConnectorStandIn
from tests.teams.openid_standin import KID, OpenIdStandIn

from .harness import link_in

MARKER = "SECRETBODYMARKER"
"""Put in every hostile body: it must never reach a log."""
APP_ID = "00000000-0000-0000-0000-0000000b0701"


class Captured(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@dataclass
class Answer:
    status: int
    body: bytes
    headers: Mapping[str, str]
    logs: list[str] = field(default_factory=list)
    levels: list[int] = field(default_factory=list)
    tracebacks: bool = False


@dataclass
class Server:
    base: str
    port: int
    app: web.Application
    session: aiohttp.ClientSession
    captured: Captured
    bot: BotDriver
    connector: ConnectorStandIn

    async def call(self, method: str, path: str, **kwargs: Any) -> Answer:
        mark = len(self.captured.records)
        async with self.session.request(method, self.base + path, allow_redirects=False, **kwargs) as response:
            body = await response.read()
            answer = Answer(status=response.status, body=body, headers=dict(response.headers))
        return self._with_logs(answer, mark)

    async def raw(self, data: bytes) -> bytes:
        """Bytes as sent by a broken or hostile client; the answer's first bytes."""
        reader, writer = await asyncio.open_connection("127.0.0.1", self.port)
        writer.write(data)
        await writer.drain()
        answer = await reader.read(200)
        writer.close()
        return answer

    def _with_logs(self, answer: Answer, mark: int) -> Answer:
        records = self.captured.records[mark:]
        answer.logs = [record.getMessage() for record in records]
        answer.levels = [record.levelno for record in records]
        answer.tracebacks = any(record.exc_info or record.exc_text for record in records)
        return answer


def the_year_bot() -> BotDriver:
    """A cycle under way in which a person's name and the minutes they wrote are HTML and script."""
    bot = make_bot(at=oslo(2027, 1, 12, 9))
    record_all_preconditions(bot, year=2027)
    hostile = "<script>alert(1)</script>"
    assert bot.say(f"person {hostile} agder koordinator", as_="admin", channel="agder").ok
    minutes = f"referat handlingsplan agder 2027 <img/src=x/onerror=alert(1)> {MARKER}"
    assert bot.say(minutes, as_=hostile).ok  # their name lands in the page's history
    return bot


@asynccontextmanager
async def serving(*, teams_auth: OpenIdStandIn | None = None) -> AsyncIterator[Server]:
    """Slack (against its stand-in), Teams (Emulator mode, or with `teams_auth` its real token checks)
    and the web routes in one app, as `python -m bot serve` builds it."""
    bot = the_year_bot()
    standin = await SlackStandIn().start()
    connector = await ConnectorStandIn().start()
    environ = slack_env(standin)  # link tokens and picture signatures: the process's own keys, as in replies
    if teams_auth is not None:
        environ |= {
            ENV_APP_ID: APP_ID,
            ENV_APP_PASSWORD: "pw",
            ENV_TENANT_ID: "t",
            ENV_OPENID_URL: teams_auth.metadata_url,
        }
    app = build_app(core=bot.core, environ=environ, scheduler=False)
    app[BODY_TIMEOUT] = 0.5  # the slow-body case below is answered by the server; no test waits on a clock
    captured = Captured()
    root = logging.getLogger()
    root.addHandler(captured)
    old_level = root.level
    root.setLevel(logging.DEBUG)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    session = aiohttp.ClientSession(auto_decompress=False)
    try:
        yield Server(f"http://127.0.0.1:{port}", port, app, session, captured, bot, connector)
    finally:
        await session.close()
        await runner.cleanup()
        await standin.stop()
        await connector.stop()
        root.removeHandler(captured)
        root.setLevel(old_level)


def problems(label: str, answer: Answer, *, status: int | set[int], secrets: tuple[str, ...] = ()) -> list[str]:
    """What is wrong with one hostile case's answer and log (empty when all is well)."""
    wanted = {status} if isinstance(status, int) else status
    found = []
    if answer.status not in wanted:
        found.append(f"{label}: status {answer.status}, wanted {sorted(wanted)}")
    noisy = [line for level, line in zip(answer.levels, answer.logs, strict=True) if level >= logging.WARNING]
    if len(noisy) > 1 or any("\n" in line for line in noisy):
        found.append(f"{label}: {len(noisy)} log lines {noisy[:3]!r}")
    if answer.tracebacks or b"Traceback" in answer.body:
        found.append(f"{label}: traceback")
    for secret in (MARKER, SIGNING_SECRET, *secrets):
        if any(secret in line for line in answer.logs):
            found.append(f"{label}: {secret[:12]}… in the log")
    return found


def tokens(bot: BotDriver) -> dict[str, str]:
    national = link_in(bot.say("oversikt 2027", as_="aud", channel="nasjonal").text, "/status")
    region = link_in(bot.say("status agder 2027").text, "/status/agder")
    feed = link_in(bot.say("kalender", channel="agder").text, "/kalender/agder.ics")
    return {
        "national": national.split("token=")[1].split("&")[0],
        "region": region.split("token=")[1].split("&")[0],
        "feed": feed.split("token=")[1].split("&")[0],
    }


async def test_web_routes_answer_hostile_addresses_with_the_same_bare_404() -> None:
    async with serving() as server:
        tok = tokens(server.bot)
        secrets = tuple(tok.values())
        now = server.bot.core.clock.now()
        picture = Picture(name="arshjul", alt="Årshjul", params={"view": "region", "region": "agder", "year": "2027"})
        good_picture = picture_address(picture, base="", secret=link_secret({}), now=now)
        expired = picture_address(picture, base="", secret=link_secret({}), now=now - timedelta(days=31))
        ok = {
            "national page": f"/status?token={tok['national']}",
            "region page": f"/status/agder?token={tok['region']}",
            "region page by AU's token": f"/status/agder?token={tok['national']}",
            "feed": f"/kalender/agder.ics?token={tok['feed']}",
            "picture": good_picture,
            "picture as svg": good_picture.replace(".png?", ".svg?"),
            "first of repeated tokens": f"/status?token={tok['national']}&token=x",
            "year out of range": f"/status?token={tok['national']}&aar=99999999999999999999",
            "year in superscript digits": f"/status?token={tok['national']}&aar=%C2%B2%C2%B2%C2%B2%C2%B2",
            "year in Arabic digits": f"/status?token={tok['national']}&%C3%A5r=%D9%A2%D9%A0%D9%A2%D9%A7",
        }
        hidden = {
            "region token on the national page": f"/status?token={tok['region']}",
            "region token on another region": f"/status/vestland?token={tok['region']}",
            "national token as a feed": f"/kalender/nasjonal.ics?token={tok['national']}",
            "feed token on the status page": f"/status?token={tok['feed']}",
            "feed token for another feed": f"/kalender/vestland.ics?token={tok['feed']}",
            "no token": "/status",
            "empty token": "/status?token=",
            "token as array": f"/status?token[]={tok['national']}",
            "second of repeated tokens": f"/status?token=x&token={tok['national']}",
            "token with a NUL": f"/status?token={tok['national']}%00",
            "7 KB token": "/status?token=" + "a" * 7000,
            "unknown route": "/admin",
            "route with a trailing slash": f"/status/?token={tok['national']}",
            "expired picture": expired,
            "tampered picture region": good_picture.replace("region=agder", "region=vestland"),
            "tampered picture expiry": good_picture.replace("exp=", "exp=9"),
            "picture without signature": "/bilde/arshjul.png?view=region&region=agder&year=2027",
            "picture with a 5,000-digit expiry": "/bilde/x.png?exp=" + "9" * 5000 + "&sig=x",
            "picture as gif": good_picture.replace(".png?", ".gif?"),
        }
        for name in ("..%2f..%2fetc%2fpasswd", "%2e%2e", "agder%00", "a" * 3000, "%C3%A6%C3%B8", "%ff%fe", "AGDER"):
            hidden[f"feed named {name[:20]}"] = f"/kalender/{name}.ics?token={tok['feed']}"
            hidden[f"region named {name[:20]}"] = f"/status/{name}?token={tok['national']}"
            hidden[f"picture named {name[:20]}"] = f"/bilde/{name}.png?exp=1&sig=x"
        found: list[str] = []
        answers = {}
        for label, path in ok.items():
            answers[label] = answer = await server.call("GET", path)
            found += problems(label, answer, status=200, secrets=secrets)
            for header in ("Cache-Control", "X-Content-Type-Options", "Referrer-Policy"):
                if header not in answer.headers:
                    found.append(f"{label}: no {header}")
        refusals = set()
        for label, path in hidden.items():
            answer = await server.call("GET", path)
            found += problems(label, answer, status=404, secrets=secrets)
            refusals.add((answer.body, answer.headers.get("Content-Type"), answer.headers.get("Cache-Control")))
        for label, path in (("status", ok["national page"]), ("feed", ok["feed"]), ("picture", good_picture)):
            for method in ("PUT", "DELETE", "POST", "OPTIONS"):
                found += problems(f"{method} {label}", await server.call(method, path), status=405, secrets=secrets)
            found += problems(f"HEAD {label}", await server.call("HEAD", path), status=200, secrets=secrets)
        concurrent = await asyncio.gather(*(server.call("GET", ok["national page"]) for _ in range(10)))
        long_line = await server.raw(b"GET /status?token=" + b"a" * 9000 + b" HTTP/1.1\r\nHost: x\r\n\r\n")
        raw_nul = await server.raw(
            b"GET /status/\x00?token=" + tok["national"].encode() + b" HTTP/1.1\r\nHost: x\r\n\r\n"
        )
        protocol_logs = [r.getMessage() for r in server.captured.records[-4:]]
    assert not found, "\n".join(found)
    assert len(refusals) == 1, refusals  # nothing tells one refusal from another
    assert {a.status for a in concurrent} == {200}
    page = answers["region page"].body.decode()
    assert "<script>alert" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "<img/src" not in page
    for label in ("national page", "region page"):
        policy = answers[label].headers["Content-Security-Policy"]
        assert "default-src 'none'" in policy and "script-src" not in policy and "frame-ancestors 'none'" in policy
    assert "default-src 'none'" in answers["picture as svg"].headers["Content-Security-Policy"]
    assert long_line.startswith(b"HTTP/1.") and b" 400 " in long_line[:20]
    assert raw_nul.startswith(b"HTTP/1.") and b" 400 " in raw_nul[:20]
    assert not any(tok["national"] in line or "aaaaaaaa" in line for line in protocol_logs), protocol_logs


async def test_healthz_tells_health_and_no_secret() -> None:
    async with serving() as server:
        answer = await server.call("GET", "/healthz")
        methods = [await server.call(method, "/healthz") for method in ("POST", "PUT", "DELETE")]
    body = answer.body.decode()
    assert answer.status == 200 and json.loads(body)["status"] == "ok"
    for secret in (SIGNING_SECRET, "xoxb-", "token"):
        assert secret not in body
    assert {m.status for m in methods} == {405}


def _signed(body: str | bytes, content_type: str = "application/json") -> dict[str, str]:
    raw = body if isinstance(body, bytes) else body.encode()
    ts = str(int(time.time()))
    digest = hmac.new(SIGNING_SECRET.encode(), f"v0:{ts}:".encode() + raw, hashlib.sha256).hexdigest()
    return {"X-Slack-Request-Timestamp": ts, "X-Slack-Signature": f"v0={digest}", "Content-Type": content_type}


def _form(payload: Any) -> str:
    return "payload=" + quote(json.dumps(payload) if not isinstance(payload, str) else payload)


SLACK_400 = {
    "a JSON list": "[]",
    "a JSON string": '"x"',
    "a huge float": "1e999999",
    "a 5,000-digit number": '{"type":"event_callback","event":{"type":"app_mention","ts":' + "9" * 5000 + "}}",
    "10,000 nested lists": "[" * 10000 + "]" * 10000,
    "10,000 nested objects": '{"a":' * 10000 + "1" + "}" * 10000,
    "event as a string": '{"type":"event_callback","event":"x"}',
    "event as a list": '{"type":"event_callback","event":[1]}',
    "mention with text, user and channel of the wrong types": json.dumps(
        {"type": "event_callback", "event": {"type": "app_mention", "text": [1], "user": {"id": 5}, "channel": 5}}
    ),
    "message with numeric text": json.dumps({"type": "event_callback", "event": {"type": "message", "text": 5}}),
    "control character in JSON": '{"type":"event_callback","event":{"type":"app_mention","text":"a\x01b"}}',
}
SLACK_FORM_400 = {
    "payload a list": _form([]),
    "payload a string": _form("x"),
    "payload nested 10,000": "payload=" + "%5B" * 10000,
    "actions a string": _form({"type": "block_actions", "actions": "x", "user": 5}),
    "actions a list of strings": _form(
        {"type": "block_actions", "actions": ["x"], "user": {"id": "U1"}, "team": {"id": "T1"}}
    ),
    "view a string": _form({"type": "view_submission", "view": "x", "user": {"id": "U1"}}),
    "view state values a list": _form(
        {"type": "view_submission", "view": {"callback_id": "x", "state": {"values": []}}, "user": {"id": "U1"}}
    ),
    "team a string": _form({"type": "block_actions", "actions": [], "team": "T1", "user": {"id": "U1"}}),
}


async def test_slack_refuses_junk_with_its_status_and_one_line() -> None:
    async with serving() as server:
        found: list[str] = []
        cases: list[tuple[str, dict[str, Any], int]] = [
            ("no signature", {"data": f"text={MARKER}"}, 401),
            ("stale signature", {"data": MARKER, "headers": sign(MARKER, timestamp=int(time.time()) - 600)}, 401),
            (
                "non-numeric timestamp",
                {"data": MARKER, "headers": sign(MARKER) | {"X-Slack-Request-Timestamp": "x"}},
                401,
            ),
            ("signed over other bytes", {"data": MARKER, "headers": sign("other")}, 401),
            ("two megabytes", {"data": MARKER.encode() * 130_000, "headers": sign("x")}, 413),
            (
                "body not UTF-8",
                {
                    "data": b"text=\xff" + MARKER.encode(),
                    "headers": _signed(b"text=\xff" + MARKER.encode(), "application/x-www-form-urlencoded"),
                },
                400,
            ),
        ]
        for label, raw in SLACK_400.items():
            body = raw.replace('"x"', f'"{MARKER}"')
            cases.append((f"signed {label}", {"data": body.encode(), "headers": _signed(body)}, 400))
        for label, body in SLACK_FORM_400.items():
            cases.append(
                (
                    f"signed form {label}",
                    {"data": body, "headers": _signed(body, "application/x-www-form-urlencoded")},
                    400,
                )
            )
        for label, kwargs, status in cases:
            found += problems(f"slack {label}", await server.call("POST", "/slack/events", **kwargs), status=status)

        async def chunks() -> AsyncIterator[bytes]:
            for _ in range(40):
                yield MARKER.encode() * 4000

        chunked = await server.call("POST", "/slack/events", data=chunks(), headers=_signed("x"))
        found += problems("slack chunked 2.5 MB", chunked, status=413)
        bomb = gzip.compress(b"{" + b" " * (20 * 1024 * 1024) + b"}")
        gz = await server.call("POST", "/slack/events", data=bomb, headers=_signed("x") | {"Content-Encoding": "gzip"})
        found += problems("slack gzip bomb", gz, status=413)
        for method in ("GET", "PUT", "DELETE", "OPTIONS"):
            found += problems(f"slack {method}", await server.call(method, "/slack/events"), status=405)
        event = json.dumps(
            {
                "type": "event_callback",
                "event_id": "Ev1",
                "event": {
                    "type": "app_mention",
                    "text": "<@UBOT> neste",
                    "user": "U0KARI",
                    "channel": "C0AGDER",
                    "ts": "1.1",
                },
            }
        )
        for retry in ("1", "x", "-1", "99999999999999999999"):
            headers = _signed(event) | {"X-Slack-Retry-Num": retry, "X-Slack-Retry-Reason": "http_timeout"}
            found += problems(
                f"slack retry {retry}",
                await server.call("POST", "/slack/events", data=event, headers=headers),
                status=200,
            )
        unhandled = json.dumps({"type": "event_callback", "event": {"type": "reaction_added", "user": "U1"}})
        answer = await server.call("POST", "/slack/events", data=unhandled, headers=_signed(unhandled))
        # 200, or Slack retries it and counts a failed delivery (walk 40: adapters/slack/app.py)
        found += problems("slack event with no listener", answer, status=200)
    assert not found, "\n".join(found)


def _activity(connector: ConnectorStandIn, **changes: Any) -> dict[str, Any]:
    activity = {
        "type": "message",
        "id": "a1",
        "channelId": "msteams",
        "serviceUrl": connector.url,
        "from": {"id": "29:kari", "name": "Kari"},
        "conversation": {"id": "19:agder", "conversationType": "channel"},
        "recipient": {"id": "28:bot", "name": "Samhandling"},
        "text": "neste",
    }
    for key, value in changes.items():
        if value is None:
            activity.pop(key, None)
        else:
            activity[key] = value
    return activity


async def test_teams_refuses_malformed_activities_with_400_and_one_line() -> None:
    async with serving() as server:
        conn = server.connector
        found: list[str] = []
        raw_cases = {
            "a JSON list": "[]",
            "a JSON string": '"x"',
            "10,000 nested lists": "[" * 10000 + "]" * 10000,
            "10,000 nested lists inside an activity": '{"type":"message","x":' + "[" * 10000 + "]" * 10000 + "}",
            "NaN": '{"type":"message","id":NaN}',
            "empty": "",
            "a control character": '{"type":"message","text":"a\x01b"}',
            "a 5,000-digit number": '{"type":"message","id":' + "9" * 5000 + "}",
            "type only": '{"type":"message"}',
        }
        for label, raw in raw_cases.items():
            answer = await server.call(
                "POST",
                "/api/messages",
                data=raw.replace('"x"', f'"{MARKER}"'),
                headers={"Content-Type": "application/json"},
            )
            found += problems(f"teams {label}", answer, status=400)
        shaped = {
            "no conversation": {"conversation": None},
            "conversation without id": {"conversation": {"conversationType": "channel"}},
            "no serviceUrl": {"serviceUrl": None},
            "serviceUrl not a URL": {"serviceUrl": "not a url"},
            "serviceUrl a file": {"serviceUrl": "file:///etc/passwd"},
            "channelData a string": {"channelData": MARKER},
            "channelData.team a string": {"channelData": {"team": MARKER}},
            "conversationUpdate without channelData": {
                "type": "conversationUpdate",
                "membersAdded": [{"id": "28:bot"}],
            },
            "membersAdded with no ids": {"type": "conversationUpdate", "membersAdded": [{}], "channelData": {}},
            "channel created with a string channel": {
                "type": "conversationUpdate",
                "channelData": {"eventType": "channelCreated", "channel": "x"},
            },
            "installation removed, no conversation": {
                "type": "installationUpdate",
                "action": "remove",
                "conversation": None,
            },
            "from a list": {"from": [1]},
            "entities not objects": {"entities": [1, MARKER]},
            "timestamp not a time": {"timestamp": "yesterday"},
            "locale an object": {"locale": {"x": 1}},
        }
        for label, changes in shaped.items():
            body = json.dumps(_activity(conn, id=f"id-{label}", **changes))
            answer = await server.call("POST", "/api/messages", data=body, headers={"Content-Type": "application/json"})
            found += problems(f"teams {label}", answer, status=400)
        for content_type in ("text/plain", "application/jsonx", ""):
            headers = {"Content-Type": content_type} if content_type else {}
            answer = await server.call(
                "POST", "/api/messages", data=json.dumps(_activity(conn)).encode(), headers=headers
            )
            found += problems(f"teams content type {content_type!r}", answer, status=415)
        before = len(conn.accepted)
        odd_but_fine = {"no from": {"from": None}, "text a list": {"text": [1]}, "value a string": {"value": "x"}}
        for label, changes in odd_but_fine.items():
            body = json.dumps(_activity(conn, id=f"id-{label}", **changes))
            answer = await server.call("POST", "/api/messages", data=body, headers={"Content-Type": "application/json"})
            found += problems(f"teams {label}", answer, status={200, 201})
        big = json.dumps(_activity(conn, text=MARKER * 80_000))
        found += problems(
            "teams 1.3 MB",
            await server.call("POST", "/api/messages", data=big, headers={"Content-Type": "application/json"}),
            status=413,
        )
        for method in ("GET", "PUT", "DELETE"):
            found += problems(f"teams {method}", await server.call(method, "/api/messages"), status=405)
    assert not found, "\n".join(found)
    assert len(conn.accepted) - before == len(odd_but_fine)  # each answered once; the refused ones never


async def test_a_trickled_or_abandoned_body_costs_one_line() -> None:
    async with serving() as server:
        found = []
        for path, headers in (("/slack/events", sign("x")), ("/api/messages", {})):
            mark = len(server.captured.records)
            reader, writer = await asyncio.open_connection("127.0.0.1", server.port)
            head = f"POST {path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n"
            head += "".join(f"{k}: {v}\r\n" for k, v in headers.items())
            writer.write(head.encode() + b"\r\n" + b'{"a":')
            await writer.drain()
            answer = await reader.read(100)  # the server gives up on the body by itself
            writer.close()
            if b" 408 " not in answer[:20]:
                found.append(f"slow body on {path}: {answer[:40]!r}")
            found += problems(f"slow body on {path}", server._with_logs(Answer(408, b"", {}), mark), status=408)
        for path in ("/slack/events", "/api/messages"):
            mark = len(server.captured.records)
            reader, writer = await asyncio.open_connection("127.0.0.1", server.port)
            writer.write(
                f"POST {path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n".encode()
                + b"{"
            )
            await writer.drain()
            writer.close()
            await writer.wait_closed()
            await server.call("GET", "/healthz")  # the server is still answering
            answer = server._with_logs(Answer(0, b"", {}), mark)
            if answer.tracebacks or len(answer.logs) > 1:
                found.append(f"abandoned body on {path}: {answer.logs!r}")
    assert not found, "\n".join(found)


async def test_teams_never_posts_to_a_service_url_its_token_does_not_name() -> None:
    """The activity names where replies go; the channel's token names it too (the `serviceurl` claim).
    When they disagree, or the token names none, the request is refused and nothing is posted anywhere
    (a forwarded token must not send the bot's own access token to an address of the forger's choosing)."""
    openid = await OpenIdStandIn().start()
    catcher_hits: list[str] = []
    catcher = web.Application()

    async def catch(request: web.Request) -> web.Response:
        catcher_hits.append(request.path)
        return web.json_response({"id": "x"}, status=201)

    catcher.router.add_route("*", "/{tail:.*}", catch)
    runner = web.AppRunner(catcher, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    catcher_url = f"http://127.0.0.1:{site._server.sockets[0].getsockname()[1]}"  # type: ignore[union-attr]
    try:
        async with serving(teams_auth=openid) as server:
            conn = server.connector
            claimless = {"iss": CHANNEL_ISSUER, "aud": APP_ID, "exp": int(time.time()) + 3600}
            tokens_and_urls = {
                "token for the connector, activity elsewhere": (
                    openid.token(app_id=APP_ID, service_url=conn.url),
                    catcher_url,
                ),
                "token without a serviceurl claim": (
                    jwt.encode(claimless, openid.key, algorithm="RS256", headers={"kid": KID}),
                    catcher_url,
                ),
                "token naming the catcher, activity naming the connector": (
                    openid.token(app_id=APP_ID, service_url=catcher_url),
                    conn.url,
                ),
            }
            found = []
            for label, (token, url) in tokens_and_urls.items():
                body = json.dumps(_activity(conn, id=label, serviceUrl=url))
                headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
                answer = await server.call("POST", "/api/messages", data=body, headers=headers)
                found += problems(f"teams {label}", answer, status=401, secrets=(token,))
            unauthenticated = await server.call(
                "POST", "/api/messages", data=json.dumps(_activity(conn)), headers={"Content-Type": "application/json"}
            )
            found += problems("teams without a token", unauthenticated, status=401)
            as_text = await server.call("POST", "/api/messages", data=MARKER, headers={"Content-Type": "text/plain"})
            found += problems("teams without a token, as text", as_text, status=401)  # the token before anything
        assert not found, "\n".join(found)
        assert catcher_hits == [] and conn.accepted == []
    finally:
        await runner.cleanup()
        await openid.stop()


def test_the_hostile_matrix_covers_each_surface() -> None:
    """A reminder for whoever adds a route: it belongs in the matrix above."""
    bot = make_bot()
    app = build_app(
        core=bot.core,
        environ=copy.deepcopy({"SLACK_BOT_TOKEN": "xoxb-x", "SLACK_SIGNING_SECRET": "s"}),
        scheduler=False,
    )
    routes = {getattr(r.resource, "canonical", "") for r in app.router.routes()}
    assert routes == {
        "/slack/events",
        "/api/messages",
        "/healthz",
        "/kalender/{feed}.ics",
        "/status",
        "/status/{region}",
        "/bilde/{name}.{ext}",
    }


async def test_encodings_framing_and_forged_paths_cost_one_line() -> None:
    """Compressed bodies are capped after decompression, broken encodings and framing are one line naming
    the error, and a path with an encoded line break cannot forge a log line."""
    async with serving() as server:
        bomb = gzip.compress(b'{"type":"message","x":"' + MARKER.encode() + b" " * (30 * 1024 * 1024) + b'"}')
        json_type = {"Content-Type": "application/json"}
        cases = [
            ("forged log line in the path", "/x%0aWARNING%20forged", {"data": b"x" * (2 * 1024 * 1024)}, 413),
            (
                "Teams gzip bomb",
                "/api/messages",
                {"data": bomb, "headers": json_type | {"Content-Encoding": "gzip"}},
                413,
            ),
            (
                "Slack gzip bomb",
                "/slack/events",
                {"data": bomb, "headers": _signed("x") | {"Content-Encoding": "gzip"}},
                413,
            ),
            (
                "broken gzip",
                "/api/messages",
                {"data": MARKER, "headers": json_type | {"Content-Encoding": "gzip"}},
                400,
            ),
            (
                "broken deflate",
                "/slack/events",
                {"data": MARKER, "headers": _signed("x") | {"Content-Encoding": "deflate"}},
                400,
            ),
        ]
        found = []
        for label, path, kwargs, status in cases:
            answer = await server.call("POST", path, **kwargs)
            found += problems(label, answer, status=status)
            if any("forged" in line and "%0A" not in line for line in answer.logs):
                found.append(f"{label}: {answer.logs!r}")
        mark = len(server.captured.records)
        framing = b"POST /slack/events HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Length: 1\r\n\r\n"
        answered = await server.raw(framing + MARKER.encode())
        found += problems(
            "chunked and a length", server._with_logs(Answer(int(answered[9:12]), b"", {}), mark), status=400
        )
    assert not found, "\n".join(found)
