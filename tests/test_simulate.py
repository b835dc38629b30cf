"""`python -m bot simulate`: one line per message that would be posted, on the shipped app.yaml."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from adapters.cli import main

ROOT = Path(__file__).resolve().parents[1]
LINE = re.compile(r"^(\d{4}-\d{2}-\d{2}) (man|tir|ons|tor|fre) (\d{2}:\d{2})  (\S+:\S+)\s+(.+)$")


@pytest.fixture(autouse=True)
def empty_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SAMHANDLING_CONFIG", str(ROOT / "app.yaml"))
    monkeypatch.setenv("SAMHANDLING_DB", str(tmp_path / "db"))


def simulate(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[str], str]:
    code = main(["simulate", *args])
    captured = capsys.readouterr()
    return code, captured.out.splitlines(), captured.err


def test_sixteen_months_stay_within_the_message_budget(capsys: pytest.CaptureFixture[str]) -> None:
    code, lines, _ = simulate(capsys, "--from", "2026-09-01", "--to", "2027-12-31")
    assert code == 0
    messages = [LINE.match(line) for line in lines[:-1]]
    assert all(messages), [line for line, m in zip(lines, messages, strict=False) if not m][:3]
    per_day = Counter((m[1], m[4]) for m in messages if m)
    assert max(per_day.values()) == 1  # at most one message per channel per day
    per_channel = Counter(m[4] for m in messages if m)
    national = {"terminal:nasjonal", "slack:C0NASJONAL", "teams:19:nasjonal@thread.tacv2"}
    assert all(count <= 90 for channel, count in per_channel.items() if channel in national), per_channel
    assert all(count <= 60 for channel, count in per_channel.items() if channel not in national), per_channel
    assert lines[-1] == f"{len(messages)} meldinger med {lines[-1].split(' med ')[1]}"


def test_a_region_by_name_or_key_and_the_region_in_every_line(capsys: pytest.CaptureFixture[str]) -> None:
    code, by_name, _ = simulate(capsys, "--from", "2027-01-01", "--to", "2027-03-31", "--region", "Møre og Romsdal")
    assert code == 0
    _, by_key, _ = simulate(capsys, "--from", "2027-01-01", "--to", "2027-03-31", "--region", "more-og-romsdal")
    assert by_name == by_key
    regional = [line for line in by_name if "terminal:more-og-romsdal" in line]
    assert regional and all("Møre og Romsdal · " in line for line in regional)


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (("--from", "2027-03-01", "--to", "2027-01-01"), "er etter --to"),
        (("--from", "2027-01-01", "--to", "2027-03-01", "--region", "Atlantis"), "Ukjent region «Atlantis»"),
    ],
)
def test_refusals_are_norwegian_with_exit_code_2(capsys: pytest.CaptureFixture[str], args, needle) -> None:  # type: ignore[no-untyped-def]
    code, lines, err = simulate(capsys, *args)
    assert code == 2 and needle in err and lines == []


def test_a_malformed_date_is_refused_in_norwegian(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["simulate", "--from", "31.01.2027", "--to", "2027-03-01"])
    assert exit_.value.code == 2 and "skriv ÅÅÅÅ-MM-DD" in capsys.readouterr().err


def test_a_region_alone_names_it_on_shared_lines_not_the_regions_filtered_out(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Walk 31 F7: `--region vestland` leaves the other regions out of the run, not the channel; a line shared by
    every region says «Vestland · Signering 2027», never «Alle regioner unntatt» fourteen names."""
    code, lines, _ = simulate(capsys, "--from", "2027-01-10", "--to", "2027-01-20", "--region", "vestland")
    assert code == 0
    assert not [line for line in lines if "unntatt" in line], lines
    assert [line for line in lines if "slack:C0NASJONAL" in line and "Vestland · Signering 2027" in line], lines
