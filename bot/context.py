"""What a handler gets besides the request: the configuration, the state, who asks and from where."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from bot.messages import Request
from bot.model.config import AppConfig
from bot.model.identity import Caller, ChannelContext, Directory
from bot.parsing import Vocabulary
from bot.state.store import Author, StateStore

if TYPE_CHECKING:
    from bot.router import Router


@dataclass(frozen=True)
class Context:
    config: AppConfig
    state: StateStore
    directory: Directory
    vocab: Vocabulary
    now: datetime
    caller: Caller
    channel: ChannelContext
    args: str
    """The command's text after its first word, as typed."""
    public_url: str | None = None
    """Where people reach `serve` (PUBLIC_URL), for links to the status page and the calendar feeds; None
    gives paths only."""
    router: Router | None = None
    """The declared commands, for what lists them (`hjelp`)."""
    clock: Callable[[], datetime] | None = None
    """The clock's `now`, read when a change lands (its history entry's «at», under the partition's lock);
    None: `now`."""

    def author(self, request: Request) -> Author:
        return Author(
            person=self.caller.key,
            name=self.caller.name,
            platform=request.platform,
            channel=request.channel_id,
        )
