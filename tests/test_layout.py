"""The layout the code promises (docs/architecture.md): the core imports no handler and no adapter, and no
platform SDK is imported under bot/ or handlers/. Read from the source with `ast`, so a lazy import inside
a function counts as much as one at the top."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SDKS = ("slack_bolt", "slack_sdk", "botbuilder")


def imports(path: Path, *, root: Path = ROOT) -> Iterator[tuple[int, str]]:
    """(line, module) of every import in the file, relative ones resolved within its package."""
    package = path.relative_to(root).with_suffix("").parts[:-1]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else ()
            module = ".".join([*base, *([node.module] if node.module else [])])
            yield node.lineno, module
            if not node.module:  # `from . import x`: x is a module of the package
                for alias in node.names:
                    yield node.lineno, f"{module}.{alias.name}"


def offending(folder: str, *, banned: tuple[str, ...]) -> list[str]:
    found = []
    for path in sorted((ROOT / folder).rglob("*.py")):
        for line, module in imports(path):
            if module.split(".")[0] in banned:
                found.append(f"{path.relative_to(ROOT)}:{line} imports {module}")
    return found


def test_nothing_under_bot_imports_handlers_or_adapters() -> None:
    assert offending("bot", banned=("handlers", "adapters")) == []


def test_no_platform_sdk_under_bot_or_handlers() -> None:
    assert offending("bot", banned=SDKS) + offending("handlers", banned=SDKS) == []


def test_the_check_sees_every_kind_of_import(tmp_path: Path) -> None:
    """The walker itself: top-level, lazy and relative imports are all seen."""
    (tmp_path / "bot").mkdir()
    probe = tmp_path / "bot" / "probe.py"
    probe.write_text("def f():\n    import handlers.sign\n    from adapters.cli import main\nfrom . import core\n")
    found = {module for _, module in imports(probe, root=tmp_path)}
    assert found == {"bot", "bot.core", "handlers.sign", "adapters.cli"}


def test_no_fallbacks_for_a_stand_in_core() -> None:
    """Adapters and the core use the port (bot/port.py) whole: no `getattr(core, …)` fallbacks."""
    pattern = re.compile(r"getattr\(\s*(self\.)?_?(core|runtime\.core)\b")
    found = [
        f"{path.relative_to(ROOT)}:{number}"
        for folder in ("adapters", "bot", "handlers")
        for path in sorted((ROOT / folder).rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if pattern.search(line)
    ]
    assert found == []
