"""The benchmark's scripted year goes through the real rules: no command is refused or asks for `bekreft`
(core_bench stopped on `dato`'s weekend/holiday question once issue 7 landed)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from bench.history import FIRST_CYCLE, Step, at_hour, cycle_steps, open_bench


@pytest.mark.parametrize("year", [FIRST_CYCLE, FIRST_CYCLE + 3])
def test_one_scripted_cycle_is_accepted_as_typed(tmp_path: Path, year: int) -> None:
    bench = open_bench(tmp_path, at=at_hour(date(year - 1, 8, 1), 8))
    for region, user in bench.coordinators.items():
        if user.startswith("koord-"):
            bench.must(
                Step(at_hour(date(year - 1, 8, 1), 8), "admin", "nasjonal", f"person @{user} {region} koordinator")
            )
    for step in sorted(cycle_steps(bench, year=year), key=lambda step: step.at):
        bench.must(step)
    bench.core.store.close()
    bench.loop.close()
    assert bench.failures == []


def test_the_scale_matrix_builds_and_measures_a_tiny_matrix(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`bench.scale_matrix` end to end on half a cycle (years 0) at 15 and 16 organisations, tinydb: the
    synthetic organisation gets its coordinator and channel, and every command it times is accepted."""
    from bench import scale_matrix

    scale_matrix.main(
        ["--stores", "tinydb", "--years", "0", "--organisations", "15", "16", "--runs", "3", "--keep", str(tmp_path)]
    )
    out = capsys.readouterr().out
    assert "| tinydb | 16 | 0 |" in out and "tinydb   logg  CPU" in out
