"""Handlers imported when first run, so a starting server does not import every command's code.

`COMMANDS` (handlers/__init__.py) names each handler as `module.function` through `LaterModule`, which
hands out a `Later` instead of importing the module: the router, `hjelp` and the permission step read only
the declaration; the handler's module (and the actions, facts and pictures it imports, ~30 ms) is imported
by its first call, or before it by the server's warm-up (`resolve_all`) once the server listens.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable, Iterable
from typing import Literal

from bot.context import Context
from bot.messages import Outcome, Request

logger = logging.getLogger(__name__)

Handler = Callable[[Request, Context], Outcome]


class Later:
    """A handler built at its first call (`build` imports its module); then called directly."""

    __slots__ = ("_build", "_handler", "name")

    def __init__(self, build: Callable[[], Handler], *, name: str) -> None:
        self._build = build
        self._handler: Handler | None = None
        self.name = name

    def resolve(self) -> Handler:
        # Two threads may both build it (a request and the warm-up): the same function either way.
        if self._handler is None:
            self._handler = self._build()
        return self._handler

    def __call__(self, request: Request, ctx: Context) -> Outcome:
        handler = self._handler if self._handler is not None else self.resolve()
        return handler(request, ctx)

    def __repr__(self) -> str:
        return f"Later({self.name})"


class LaterModule:
    """A handler module by name: `LaterModule("handlers.sign").handle` is that function, imported when first
    called, so the declarations in handlers/__init__.py read as if the module were imported."""

    def __init__(self, module: str) -> None:
        self._module = module

    def __getattr__(self, name: str) -> Later:
        if name.startswith("__"):
            raise AttributeError(name)
        module = self._module
        return Later(lambda: getattr(importlib.import_module(module), name), name=f"{module}.{name}")


def with_status_link(handler: Handler, *, page: Literal["region", "national"]) -> Later:
    """`handlers.links.with_status_link(handler, page=page)`, built at its first call like the handler."""

    def build() -> Handler:
        from handlers.links import with_status_link as linked

        return linked(handler.resolve() if isinstance(handler, Later) else handler, page=page)

    return Later(build, name=f"with_status_link({handler!r}, page={page!r})")


def resolve_all(handlers: Iterable[Handler]) -> None:
    """Import every handler that is still waiting (the server's warm-up, off the event loop)."""
    for handler in handlers:
        if isinstance(handler, Later):
            handler.resolve()
