"""What a store class lacks of the `Store` contract, said one obligation a line.

`missing` is checked when a store is registered (`storage.register_store`): a store written from
`storage.base.Store` alone either has every obligation, and then runs the contract suite
(`tests/storage/`), or is told here, before anything opens it, exactly which methods it still needs and
what each must do.
"""

from __future__ import annotations

import inspect
import logging
import re

from storage.base import Store

logger = logging.getLogger(__name__)


def missing(store_class: type) -> list[str]:
    """One line per obligation `store_class` does not implement, in the order `Store` declares them: the
    method with its signature and the first sentence of what it must do. Empty when nothing is missing."""
    if not (isinstance(store_class, type) and issubclass(store_class, Store)):
        return [f"{getattr(store_class, '__name__', store_class)!s} is not a subclass of storage.base.Store"]
    lacking = set(getattr(store_class, "__abstractmethods__", ()))
    return [_obligation(name) for name in Store.__dict__ if name in lacking]


def require(store_class: type, *, name: str) -> None:
    """Raise TypeError naming everything `store_class` lacks (what `register_store` calls)."""
    lacking = missing(store_class)
    if lacking:
        lines = "\n".join(f"- {line}" for line in lacking)
        raise TypeError(f"store {name!r} ({store_class.__name__}) cannot be registered; it lacks:\n{lines}")


def _obligation(name: str) -> str:
    """``version(self, partition: str) -> int: The partition's version now, …`` for `Store.<name>`."""
    method = Store.__dict__[name]
    doc = inspect.getdoc(method) or ""
    first = " ".join(doc.split("\n\n")[0].split())
    sentence = _SENTENCE_END.split(first, maxsplit=1)[0].rstrip(".") + "."
    signature = (
        str(inspect.signature(method))
        .replace("''", '""')
        .replace("'", "")
        .replace("(self, ", "(")
        .replace("(self)", "()")
    )
    return f"{name}{signature}: {sentence}"


_SENTENCE_END = re.compile(r"(?<!e\.g)(?<!i\.e)\.\s")
