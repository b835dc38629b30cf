"""Load YAML while remembering the line of every key, so config errors can name their line."""

from __future__ import annotations

from typing import Any

import yaml

Path = tuple[str | int, ...]

_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's parser when PyYAML has it (app.yaml in ~3 ms instead of ~35 ms at every start); same nodes and marks."""


class YamlSyntaxError(ValueError):
    def __init__(self, *, line: int | None, message: str, path: Path | None = None) -> None:
        self.line = line
        self.path = path
        super().__init__(message)


def load_with_lines(text: str) -> tuple[Any, dict[Path, int]]:
    """Parse YAML text into plain Python data plus a map from each key path to its 1-based line."""
    try:
        try:
            root = yaml.compose(text, Loader=_LOADER)
        except yaml.YAMLError:  # the pure-Python parser's message is the more specific one ("found '\\t'")
            root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise YamlSyntaxError(line=line, message=str(exc.problem or exc)) from exc
    except yaml.YAMLError as exc:
        raise YamlSyntaxError(line=None, message=str(exc)) from exc
    if root is None:
        return {}, {}
    lines: dict[Path, int] = {}
    constructor = yaml.SafeLoader("")  # only used for scalar type resolution

    def convert(node: yaml.Node, path: Path) -> Any:
        lines.setdefault(path, node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            result: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                key = constructor.construct_object(key_node, deep=True)
                key_path = (*path, key)
                if key in result:  # PyYAML would silently keep the last one
                    raise YamlSyntaxError(
                        line=key_node.start_mark.line + 1, message=f"duplicate key {key!r}", path=key_path
                    )
                lines[key_path] = key_node.start_mark.line + 1
                result[key] = convert(value_node, key_path)
                lines[key_path] = key_node.start_mark.line + 1
            return result
        if isinstance(node, yaml.SequenceNode):
            return [convert(item, (*path, index)) for index, item in enumerate(node.value)]
        return constructor.construct_object(node, deep=True)

    return convert(root, ()), lines


def line_of(lines: dict[Path, int], path: Path) -> int | None:
    """The line of the deepest known prefix of `path` (a missing key points at its parent)."""
    for end in range(len(path), -1, -1):
        found = lines.get(tuple(path[:end]))
        if found is not None:
            return found
    return None


def dotted(path: Path) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(top level)"
