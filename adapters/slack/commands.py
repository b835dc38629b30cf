"""The slash command, answered as a Bolt middleware rather than a listener.

Every request still goes through Bolt (`AsyncApp.async_dispatch`: its SSL check, authorization and error
handler, and its listeners for clicks, forms and events). But to match a listener and to call it, Bolt
builds every argument a listener might ask for (`client`, `say`, `respond`, and a probe of the payload
for each kind of request), twice: ~30 µs of a slash command that the bare framework answers in ~300 µs.
A middleware object is handed the parsed request as it is (`AsyncMiddleware`, Bolt's own extension point),
so the command is answered here, after Bolt's built-in middleware, with the same `ack` a listener gets.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.middleware.async_middleware import AsyncMiddleware
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_bolt.response import BoltResponse

Answer = Callable[[AsyncAck, dict[str, Any]], Awaitable[None]]


class SlashCommand(AsyncMiddleware):
    """Answers `command` with `answer(ack, body)`, as `app.command(command)(answer)` would; anything
    else goes on to Bolt's listeners."""

    def __init__(self, *, command: str, answer: Answer) -> None:
        self.command = command
        self.answer = answer

    async def async_process(
        self, *, req: AsyncBoltRequest, resp: BoltResponse, next: Callable[[], Awaitable[BoltResponse]]
    ) -> BoltResponse:
        body = req.body
        if body.get("command") != self.command:
            return await next()
        ack = AsyncAck()
        await self.answer(ack, body)
        if ack.response is None:  # never acked: Bolt's answer to a command no listener acked (404, logged)
            return await next()
        return ack.response
