"""Handlers read the stored state through typed accessors only (docs/architecture.md, "Actions"): no handler
module calls the store's raw readers or names a partition, so where a table lives can change under them."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RAW_READERS = {"tables", "latest", "latest_under", "history", "doc", "ledger", "read", "update", "change"}
PARTITION_NAMES = {"META", "cycle_partition", "national_partition", "item_partition"}


def _raw_reads(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in RAW_READERS
            and isinstance(node.func.value, ast.Attribute)
            and node.func.value.attr in ("state", "store")
        ):
            found.append(f"{path.name}:{node.lineno} .{node.func.value.attr}.{node.func.attr}()")
        if isinstance(node, ast.ImportFrom) and node.module in ("bot.state.store", "storage.base"):
            found += [f"{path.name}:{node.lineno} imports {a.name}" for a in node.names if a.name in PARTITION_NAMES]
    return found


def test_no_handler_reads_a_stored_table_directly() -> None:
    found = [hit for path in sorted((ROOT / "handlers").glob("*.py")) for hit in _raw_reads(path)]
    assert found == []


def test_the_check_sees_a_raw_read(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "from bot.state.store import META\n\ndef f(ctx):\n    return ctx.state.tables(META)\n", encoding="utf-8"
    )
    assert _raw_reads(sample) == ["sample.py:1 imports META", "sample.py:4 .state.tables()"]
