"""Memoising what follows from the configuration alone (the wheel's items, their texts).

`AppConfig` is a frozen dataclass holding dicts, so it cannot be a `functools.lru_cache` key.
`per_config` keys on the config's identity instead and keeps the config itself with each value, so an id
reused by a later configuration (a test's, a reload's) can never return the old one's value.
"""

from __future__ import annotations

import functools
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, Concatenate, Generic, ParamSpec, Protocol, TypeVar, overload

P = ParamSpec("P")
T = TypeVar("T")


class Memoised(Protocol[P, T]):
    def __call__(self, config: Any, /, *args: P.args, **kwargs: P.kwargs) -> T: ...

    def cache_clear(self) -> None: ...


def per_config(
    *, maxsize: int = 4096, key: Callable[..., Hashable] | None = None
) -> Callable[[Callable[Concatenate[Any, P], T]], Memoised[P, T]]:
    """Memoise `fn(config, …)` on the config's identity and the other arguments (hashable), or on what
    `key(…)` makes of them (e.g. an item's `ident` rather than the whole item, which hashes slowly).

    The oldest values go first once `maxsize` are held. Values are shared: return immutable ones."""

    def wrap(fn: Callable[Concatenate[Any, P], T]) -> Memoised[P, T]:
        cache: OrderedDict[tuple[Hashable, ...], tuple[object, T]] = OrderedDict()

        @functools.wraps(fn)
        def memoised(config: Any, /, *args: P.args, **kwargs: P.kwargs) -> T:
            wanted = (id(config), key(*args, **kwargs)) if key else (id(config), *args, *kwargs.items())
            hit = cache.get(wanted)
            if hit is not None and hit[0] is config:
                return hit[1]
            value = fn(config, *args, **kwargs)
            cache[wanted] = (config, value)
            if len(cache) > maxsize:
                drop_oldest(cache)
            return value

        memoised.cache_clear = cache.clear  # type: ignore[attr-defined]
        return memoised  # type: ignore[return-value]

    return wrap


V = TypeVar("V")


class IdentityMemo(Generic[V]):
    """Values kept by the identity of an immutable object (a `Section`, a stored document) and a hashable
    `extra` (what else the value depends on).

    The object is held with its value, so its id cannot be given to another object while the value is
    kept; the oldest values go first once `maxsize` are held. For a stored document this is sound because
    nobody mutates what `Store.read` hands out (storage.base), so a value made from a document follows from
    that document for as long as it lives. A hit is a saving, never a version check: a store may hand out a
    new object for unchanged content (a miss), and nothing may take "the same tables object" to mean "the
    partition has not changed" (that is `Store.version`)."""

    def __init__(self, *, maxsize: int = 4096) -> None:
        self._values: OrderedDict[tuple[int, Hashable], tuple[object, V]] = OrderedDict()
        self._maxsize = maxsize

    def get(self, obj: object, extra: Hashable = None) -> V | None:
        hit = self._values.get((id(obj), extra))
        return hit[1] if hit is not None and hit[0] is obj else None

    def put(self, obj: object, value: V, extra: Hashable = None) -> V:
        self._values[(id(obj), extra)] = (obj, value)
        if len(self._values) > self._maxsize:
            drop_oldest(self._values)
        return value

    def clear(self) -> None:
        self._values.clear()


def drop_oldest(values: OrderedDict[Any, Any]) -> None:
    """Forget the oldest entry (an OrderedDict: a plain dict emptied from the front gets slower to iterate
    with every entry removed). Without a lock: a reminder pass in a worker thread may be putting into the
    same memo; a memo only loses a value it can make again. A plain `try`: `contextlib.suppress` builds an
    object per call, and a full memo drops one entry per put (a request's parse, its answer's JSON)."""
    try:  # noqa: SIM105 - see above
        values.popitem(last=False)
    except KeyError:  # emptied meanwhile
        pass


Owner = TypeVar("Owner")


class lazy(Generic[Owner, T]):
    """`functools.cached_property` without its lock: worked out at the first access and kept in the
    instance's `__dict__` (which then answers every later access). On Python 3.11 `cached_property` takes an
    `RLock` at every first access; a request's `Job` has six such values, each asked once (~0.5 µs each). For
    objects of one thread (a request's job), where working a value out twice would be harmless anyway."""

    def __init__(self, fn: Callable[[Owner], T]) -> None:
        self._fn = fn
        self._name = fn.__name__
        self.__doc__ = fn.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self._name = name

    @overload
    def __get__(self, instance: None, owner: type | None = None) -> lazy[Owner, T]: ...

    @overload
    def __get__(self, instance: Owner, owner: type | None = None) -> T: ...

    def __get__(self, instance: Owner | None, owner: type | None = None) -> T | lazy[Owner, T]:
        if instance is None:
            return self
        value = instance.__dict__[self._name] = self._fn(instance)
        return value
