"""A local stand-in for Slack: the Web API (chat.postMessage/postEphemeral/update, views.open/publish,
conversations.open, auth.test), response_url endpoints and the Socket Mode WebSocket.

Started by each test on a free port of 127.0.0.1. It records every call and can be scripted to answer a
method with 429 (Retry-After), 500, an `ok: false` error, or a dropped connection.
"""

from __future__ import annotations

import asyncio
import json
from collections import defaultdict, deque
from dataclasses import dataclass, field
from typing import Any

from aiohttp import WSMsgType, web

BOT_USER = "U0SAMBOT"


@dataclass
class Call:
    method: str
    body: dict[str, Any]
    headers: dict[str, str] = field(repr=False)


@dataclass(frozen=True)
class Answer:
    """A scripted answer: `status` 429/500, `error` for ok:false, `drop` to cut the connection, or `delay`
    seconds before an ok answer (the call takes effect at once, as a slow Slack does: a posted message is
    in `conversations.history` while its answer is still on the way)."""

    status: int = 200
    retry_after: int | None = None
    error: str | None = None
    drop: bool = False
    delay: float | None = None
    lost: bool = False
    """With `delay`: the call never takes effect (a request lost on the way), and the answer is late."""
    taken: bool = False
    """With `drop` or a 5xx `status`: the call takes effect before the connection is cut or the error page
    answers (a reset, or a gateway's 502, after Slack took the post)."""


RATE_LIMITED = Answer(status=429, retry_after=7)
SERVER_ERROR = Answer(status=500)
DROPPED = Answer(drop=True)


class SlackStandIn:
    def __init__(self) -> None:
        self.calls: list[Call] = []
        self.ws_received: list[dict[str, Any]] = []
        self._script: dict[str, deque[Answer]] = defaultdict(deque)
        self._changed = asyncio.Condition()
        self._runner: web.AppRunner | None = None
        self._ws: web.WebSocketResponse | None = None
        self._ws_open = asyncio.Event()
        self._ts = 0
        self.uploads: dict[str, bytes] = {}
        """Bytes sent to an upload URL (files upload v2), by file id."""
        self.url = ""
        self.down = False
        """While true every Web API call answers 500 (an outage)."""
        self.files: dict[str, bytes] = {}
        self.shared: list[dict[str, Any]] = []
        self.file_token = ""
        """The bot token a file download must carry (Slack's url_private needs files:read)."""
        self.history: dict[str, list[dict[str, Any]]] = defaultdict(list)
        """Messages posted per channel, newest last (what conversations.history answers from)."""
        self.post_delay = 0.0
        """Seconds every unscripted chat.postMessage takes to answer (it takes effect at once): a slow Slack."""
        self.connections: set[object] = set()
        """The client end (address, port) of every connection a Web API call came on."""

    # ---- lifecycle ----------------------------------------------------------------------------------------
    async def start(self) -> SlackStandIn:
        app = web.Application()
        app.router.add_post("/api/{method}", self._api)
        app.router.add_get("/api/{method}", self._api)  # read methods such as files.info
        app.router.add_post("/response/{name}", self._response_url)
        app.router.add_post("/upload/{file_id}", self._upload)
        app.router.add_get("/ws", self._websocket)
        app.router.add_get("/files-pri/{name}", self._file)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        self.url = f"http://127.0.0.1:{port}"
        return self

    async def stop(self) -> None:
        if self._ws is not None:
            await self._ws.close()
        if self._runner is not None:
            await self._runner.cleanup()

    @property
    def api_url(self) -> str:
        return f"{self.url}/api/"

    def response_url(self, name: str) -> str:
        return f"{self.url}/response/{name}"

    def add_file(self, name: str, content: bytes, *, token: str) -> dict[str, Any]:
        """Share a file: returns the `files` entry of an event, with a url_private served here."""
        self.files[name] = content
        self.file_token = token
        self.shared.append(
            {
                "id": f"F0{len(self.files):04d}",
                "name": name,
                "title": name,
                "mimetype": "application/pdf",
                "size": len(content),
                "url_private": f"{self.url}/files-pri/{name}",
                "url_private_download": f"{self.url}/files-pri/{name}?download=1",
                "permalink": f"https://samhandling.slack.com/files/U0KARI/F0{len(self.files):04d}/{name}",
            }
        )
        return self.shared[-1]

    async def _file(self, request: web.Request) -> web.StreamResponse:
        name = request.match_info["name"]
        await self._record(Call(method=f"file:{name}", body={}, headers=dict(request.headers)))
        if request.headers.get("Authorization") != f"Bearer {self.file_token}":
            # What Slack does: a sign-in page with status 200, not the file.
            return web.Response(text="<html>Sign in to Slack</html>", content_type="text/html")
        if name not in self.files:
            return web.Response(status=404)
        return web.Response(body=self.files[name], content_type="application/pdf")

    # ---- scripting and inspection -------------------------------------------------------------------------
    def script(self, method: str, *answers: Answer) -> None:
        self._script[method].extend(answers)

    def calls_to(self, method: str) -> list[Call]:
        return [c for c in self.calls if c.method == method]

    async def wait_for(self, method: str, count: int = 1, *, timeout: float = 5.0) -> list[Call]:
        """Wait until `count` calls to `method` arrived (event-driven; the timeout only guards a hang)."""
        async with self._changed:
            await asyncio.wait_for(self._changed.wait_for(lambda: len(self.calls_to(method)) >= count), timeout)
        return self.calls_to(method)

    async def _record(self, call: Call) -> None:
        async with self._changed:
            self.calls.append(call)
            self._changed.notify_all()

    # ---- handlers -----------------------------------------------------------------------------------------
    async def _api(self, request: web.Request) -> web.StreamResponse:
        method = request.match_info["method"]
        if request.method == "GET":
            body = dict(request.query)
        elif request.content_type == "application/json":
            body = await request.json()
        else:  # slack_sdk sends some methods' arguments (files.*) in the query string
            body = {**dict(request.query), **dict(await request.post())}
        await self._record(Call(method=method, body=body, headers=dict(request.headers)))
        if request.transport is not None:
            self.connections.add(request.transport.get_extra_info("peername"))
        scripted = self._script[method].popleft() if self._script[method] else None
        if scripted is None and self.down:
            scripted = SERVER_ERROR
        if scripted is None and method == "chat.postMessage" and self.post_delay:
            scripted = Answer(delay=self.post_delay)
        if scripted is not None:
            return await self._scripted(request, scripted)
        return web.json_response(self._ok(method, body, request))

    async def _response_url(self, request: web.Request) -> web.StreamResponse:
        name = "response_url:" + request.match_info["name"]
        await self._record(Call(method=name, body=await request.json(), headers=dict(request.headers)))
        scripted = self._script[name].popleft() if self._script[name] else None
        if scripted is not None:
            return await self._scripted(request, scripted)
        return web.Response(text="ok")

    async def _upload(self, request: web.Request) -> web.StreamResponse:
        """The upload URL of files upload v2: takes the file's bytes as the request body."""
        file_id = request.match_info["file_id"]
        data = await request.read()
        self.uploads[file_id] = data
        await self._record(Call(method="upload", body={"file_id": file_id, "length": len(data)}, headers={}))
        return web.Response(text=f"OK - {len(data)}")

    async def _scripted(self, request: web.Request, answer: Answer) -> web.StreamResponse:
        if answer.delay is not None:
            method = request.match_info["method"]
            body = self.calls[-1].body
            answered = {} if answer.lost else self._ok(method, body, request)  # takes effect now, answered late
            await asyncio.sleep(answer.delay)
            return web.json_response(answered)
        if answer.drop:
            assert request.transport is not None
            if answer.taken:
                self._ok(request.match_info["method"], self.calls[-1].body, request)
            request.transport.close()
            return web.Response(status=500)
        if answer.status == 429:
            headers = {"Retry-After": str(answer.retry_after or 1)}
            return web.json_response({"ok": False, "error": "ratelimited"}, status=429, headers=headers)
        if answer.status >= 500:
            if answer.taken:
                self._ok(request.match_info["method"], self.calls[-1].body, request)
            return web.Response(status=answer.status, text="upstream connect error", content_type="text/html")
        return web.json_response({"ok": False, "error": answer.error if answer.error is not None else "unknown_error"})

    def _ok(self, method: str, body: dict[str, Any], request: web.Request) -> dict[str, Any]:
        self._ts += 1
        ts = f"1767000100.{self._ts:06d}"
        if method == "auth.test":
            return {
                "ok": True,
                "url": "https://samhandling.slack.com/",
                "team": "Samhandling",
                "user": "samhandling",
                "team_id": "T0SAMHAND",
                "user_id": BOT_USER,
                "bot_id": "B0SAMHAND",
                "is_enterprise_install": False,
            }
        if method == "chat.postMessage":
            message = {
                "ts": ts,
                "text": body.get("text"),
                **({"metadata": body["metadata"]} if "metadata" in body else {}),
            }
            self.history[str(body.get("channel"))].append(message)
            return {"ok": True, "channel": body.get("channel"), "ts": ts, "message": {"text": body.get("text")}}
        if method == "conversations.history":
            messages = self.history.get(str(body.get("channel")), [])
            limit = int(body.get("limit") or 100)
            return {"ok": True, "messages": list(reversed(messages))[:limit], "has_more": False}
        if method == "chat.postEphemeral":
            return {"ok": True, "message_ts": ts}
        if method == "files.info":
            wanted = body.get("file") or request.query.get("file")
            found = next((f for f in self.shared if f["id"] == wanted), None)
            return {"ok": True, "file": found} if found else {"ok": False, "error": "file_not_found"}
        if method == "views.open":
            return {"ok": True, "view": {"id": f"V{self._ts:06d}"}}
        if method == "files.getUploadURLExternal":
            file_id = f"F{self._ts:06d}"
            return {"ok": True, "upload_url": f"{self.url}/upload/{file_id}", "file_id": file_id}
        if method == "files.completeUploadExternal":
            files = body.get("files")
            parsed = json.loads(files) if isinstance(files, str) else files or []
            return {"ok": True, "files": [{"id": f.get("id"), "title": f.get("title")} for f in parsed]}
        if method == "views.publish":
            view = body.get("view") or {}
            return {
                "ok": True,
                "view": {"id": f"VH{self._ts:06d}", "type": view.get("type"), "blocks": view.get("blocks")},
            }
        if method == "chat.update":
            return {"ok": True, "channel": body.get("channel"), "ts": body.get("ts"), "text": body.get("text")}
        if method == "conversations.open":
            users = str(body.get("users") or "")
            return {"ok": True, "channel": {"id": "D" + users.split(",")[0].removeprefix("U")}}
        if method == "apps.connections.open":
            host = request.host
            return {"ok": True, "url": f"ws://{host}/ws"}
        return {"ok": True}

    # ---- Socket Mode --------------------------------------------------------------------------------------
    async def _websocket(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse(autoping=True)
        await ws.prepare(request)
        self._ws = ws
        await ws.send_json({"type": "hello", "num_connections": 1, "debug_info": {"host": "standin"}})
        self._ws_open.set()
        async for message in ws:
            if message.type == WSMsgType.TEXT:
                async with self._changed:
                    self.ws_received.append(json.loads(message.data))
                    self._changed.notify_all()
        return ws

    async def send_envelope(self, envelope: dict[str, Any], *, timeout: float = 5.0) -> dict[str, Any]:
        """Push one Socket Mode envelope and return the app's acknowledgement for it."""
        await asyncio.wait_for(self._ws_open.wait(), timeout)
        assert self._ws is not None
        await self._ws.send_json(envelope)
        envelope_id = envelope["envelope_id"]

        def acked() -> bool:
            return any(m.get("envelope_id") == envelope_id for m in self.ws_received)

        async with self._changed:
            await asyncio.wait_for(self._changed.wait_for(acked), timeout)
        return next(m for m in self.ws_received if m.get("envelope_id") == envelope_id)
