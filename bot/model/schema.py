"""Checking app.yaml's data against the configuration's frozen dataclasses (bot/model/config.py).

Why not a validation library: app.yaml needs strings, whole numbers, yes/no, dates, a choice of words,
optional values, lists, a map of platform ids and nested sections, each with a few bounds. Pydantic did
this, at ~70 ms of imports and class building in every start-up (`serve` is ready in ~1.2x a bare server's
time only without it: bench/serve_startup.py). Here each field is declared once, on the dataclass, with
`rule(…)` for its alias and bounds; a section's own check is a `_valid_<field>` static method (raise
ValueError) or a `_check` method (return the problem). Every problem is collected with its key path, so
`parse_config` names each one with its line, as before.
"""

from __future__ import annotations

import dataclasses
import re
import types
import typing
from collections.abc import Callable, Mapping
from datetime import date
from typing import Any, Literal, TypeVar, get_args, get_origin

from bot.model.yaml_lines import Path

T = TypeVar("T")

_MISSING = dataclasses.MISSING
_TRUE = {"true", "yes", "on", "1"}
_FALSE = {"false", "no", "off", "0"}


section = dataclasses.dataclass(frozen=True, kw_only=True)
"""How a section of app.yaml is declared: immutable, every field named (in any order, by keyword)."""


class Invalid(Exception):
    """The data does not fit: `problems` are (key path, message) pairs, every one that was found."""

    def __init__(self, problems: list[tuple[Path, str]]) -> None:
        self.problems = problems
        super().__init__("; ".join(f"{'.'.join(map(str, path))}: {message}" for path, message in problems))


def rule(
    *,
    default: Any = _MISSING,
    default_factory: Callable[[], Any] | Any = _MISSING,
    alias: str | None = None,
    pattern: str | None = None,
    ge: int | None = None,
    le: int | None = None,
    min_length: int | None = None,
    max_length: int | None = None,
) -> Any:
    """A dataclass field with what app.yaml calls it (`alias`) and the bounds its value must keep."""
    metadata = {
        "alias": alias,
        "pattern": re.compile(pattern) if pattern else None,
        "ge": ge,
        "le": le,
        "min_length": min_length,
        "max_length": max_length,
    }
    if default_factory is not _MISSING:
        return dataclasses.field(default_factory=default_factory, metadata=metadata)
    return dataclasses.field(default=default, metadata=metadata)


def build(cls: type[T], data: Any) -> T:
    """An instance of `cls` from plain data (a mapping), or `Invalid` naming every problem."""
    problems: list[tuple[Path, str]] = []
    value = _section(cls, data, (), problems)
    if problems:
        raise Invalid(problems)
    return value


@dataclasses.dataclass(frozen=True)
class _Field:
    name: str
    key: str
    """Its name in app.yaml: the alias, else the attribute's name."""
    hint: Any
    required: bool
    rules: Mapping[str, Any]
    check: Callable[[Any], Any] | None


_FIELDS: dict[type, tuple[_Field, ...]] = {}


def _fields(cls: type) -> tuple[_Field, ...]:
    """The section's fields as the checks read them, worked out once per class."""
    found = _FIELDS.get(cls)
    if found is None:
        hints = typing.get_type_hints(cls)
        found = _FIELDS[cls] = tuple(
            _Field(
                name=f.name,
                key=f.metadata.get("alias") or f.name,
                hint=hints[f.name],
                required=f.default is _MISSING and f.default_factory is _MISSING,
                rules=f.metadata,
                check=getattr(cls, f"_valid_{f.name}", None),
            )
            for f in dataclasses.fields(cls)
        )
    return found


def _section(cls: type, data: Any, path: Path, problems: list[tuple[Path, str]]) -> Any:
    before = getattr(cls, "_before", None)
    if before is not None:
        data = before(data)
    if isinstance(data, cls):
        return data
    if not isinstance(data, Mapping):
        problems.append((path, f"Input should be a valid dictionary or instance of {cls.__name__}"))
        return None
    fields = _fields(cls)
    values: dict[str, Any] = {}
    found = len(problems)
    for field in fields:
        if field.key not in data:
            if field.required:
                problems.append(((*path, field.key), "Field required"))
            continue
        at = (*path, field.key)
        before_field = len(problems)
        value = _value(field.hint, data[field.key], at, problems)
        if len(problems) == before_field:
            value = _bounded(field.rules, value, at, problems)
        if len(problems) == before_field and field.check is not None:
            try:
                value = field.check(value)
            except ValueError as exc:
                problems.append((at, str(exc)))
        values[field.name] = value
    keys = {field.key for field in fields}
    problems.extend(((*path, key), "Extra inputs are not permitted") for key in data if key not in keys)
    if len(problems) > found:
        return None
    made = cls(**values)
    check_all = getattr(made, "_check", None)
    if check_all is not None and (problem := check_all()) is not None:
        problems.append((path, problem))
    return made


def _value(hint: Any, data: Any, path: Path, problems: list[tuple[Path, str]]) -> Any:
    origin = get_origin(hint)
    if origin is types.UnionType or origin is typing.Union:
        options = [option for option in get_args(hint) if option is not type(None)]
        if data is None:
            return None
        (option,) = options  # the configuration's unions are all «X or nothing»
        return _value(option, data, path, problems)
    if origin is Literal:
        if data in get_args(hint) and isinstance(data, str):
            return data
        *others, last = (repr(word) for word in get_args(hint))
        words = f"{', '.join(others)} or {last}" if others else last
        problems.append((path, f"Input should be {words}"))
        return None
    if origin is tuple:
        if not isinstance(data, list | tuple):
            problems.append((path, "Input should be a valid tuple"))
            return None
        (item, _ellipsis) = get_args(hint)
        return tuple(_value(item, element, (*path, index), problems) for index, element in enumerate(data))
    if origin is dict:
        if not isinstance(data, Mapping):
            problems.append((path, "Input should be a valid dictionary"))
            return None
        key_hint, value_hint = get_args(hint)
        return {
            _value(key_hint, key, (*path, key), problems): _value(value_hint, value, (*path, key), problems)
            for key, value in data.items()
        }
    if dataclasses.is_dataclass(hint):
        return _section(typing.cast(type, hint), data, path, problems)
    return _scalar(hint, data, path, problems)


def _scalar(hint: Any, data: Any, path: Path, problems: list[tuple[Path, str]]) -> Any:
    if hint is str:
        if isinstance(data, str):
            return data
        problems.append((path, "Input should be a valid string"))
    elif hint is bool:
        if isinstance(data, bool):
            return data
        if isinstance(data, str) and data.lower() in _TRUE | _FALSE:
            return data.lower() in _TRUE
        problems.append((path, "Input should be a valid boolean"))
    elif hint is int:
        if isinstance(data, int) and not isinstance(data, bool):
            return data
        if isinstance(data, str) and re.fullmatch(r"[+-]?\d+", data.strip()):
            return int(data)
        problems.append((path, "Input should be a valid integer"))
    elif hint is date:
        if isinstance(data, date):
            return data
        if isinstance(data, str):
            try:
                return date.fromisoformat(data)
            except ValueError:
                pass
        problems.append((path, "Input should be a valid date in the format YYYY-MM-DD"))
    else:  # a type the configuration does not use: a mistake in config.py, not in app.yaml
        raise TypeError(f"no rule for {hint!r} at {path}")
    return None


def _bounded(rules: Mapping[str, Any], value: Any, path: Path, problems: list[tuple[Path, str]]) -> Any:
    if value is None:
        return value
    pattern = rules.get("pattern")
    if pattern is not None and not pattern.search(value):
        problems.append((path, f"String should match pattern '{pattern.pattern}'"))
    what = "String" if isinstance(value, str) else "Tuple"
    unit = "character" if isinstance(value, str) else "item"
    if (least := rules.get("min_length")) is not None and len(value) < least:
        problems.append((path, f"{what} should have at least {least} {unit}{'s' if least != 1 else ''}"))
    if (most := rules.get("max_length")) is not None and len(value) > most:
        problems.append((path, f"{what} should have at most {most} {unit}{'s' if most != 1 else ''}"))
    if (ge := rules.get("ge")) is not None and value < ge:
        problems.append((path, f"Input should be greater than or equal to {ge}"))
    if (le := rules.get("le")) is not None and value > le:
        problems.append((path, f"Input should be less than or equal to {le}"))
    return value
