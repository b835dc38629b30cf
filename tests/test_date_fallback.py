"""dateparser behind the grammar (bot/dates/fallback.py): asked only when the grammar read nothing, only on a
phrase that looks like an absolute date, never overriding the grammar and never reading noise."""

from __future__ import annotations

import importlib.util
from datetime import datetime
from types import SimpleNamespace

import pytest

from bot.clock import OSLO
from bot.dates import fallback as date_fallback
from bot.dates.grammar import ParsedDate, read_date

MON = datetime(2026, 12, 7, 10, tzinfo=OSLO)


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """A stand-in dateparser that reads every phrase as 15 December 2026 09:30 and records what it was asked."""
    calls: list[str] = []

    def parse(text: str, *, languages: list[str], settings: dict[str, object]) -> datetime:
        calls.append(text)
        assert settings["STRICT_PARSING"] is True and settings["PREFER_DATES_FROM"] == "future"
        return datetime(2026, 12, 15, 9, 30)

    monkeypatch.setattr(date_fallback, "_parser", lambda: SimpleNamespace(parse=parse))
    return calls


def test_a_date_in_another_language_is_read_behind_the_grammar(asked: list[str]) -> None:
    # English month names are the grammar's since batch 6 (copied English invitations); German is dateparser's
    parsed = read_date("15. Dezember 2026", now=MON)
    assert isinstance(parsed, ParsedDate) and parsed.when == datetime(2026, 12, 15, tzinfo=OSLO)
    assert parsed.year_typed and not parsed.has_time
    timed = read_date("Dez 15, 2026 9:30", now=MON)
    assert isinstance(timed, ParsedDate) and timed.has_time and timed.when.hour == 9
    assert asked == ["15. Dezember 2026", "Dez 15, 2026 9:30"]


@pytest.mark.parametrize(
    "text", ["15. desember 2026", "tirsdag 15.12.2026", "i morgen", "2026-12-15", "15 December 2026", "Dec 15, 2026"]
)
def test_the_grammar_is_never_overridden(asked: list[str], text: str) -> None:
    assert isinstance(read_date(text, now=MON), ParsedDate)
    assert asked == []


@pytest.mark.parametrize(
    "text",
    # «1.-9. mars»: issue 18 reads up to five days as one meeting; a refusal is over that
    ["blah 12", "side 12 av 2027 i rapporten her", "2027-13-01", "12 2027", "1.-9. mars 2027", "julaften 99999"],
)
def test_noise_and_the_grammars_refusals_never_reach_dateparser(asked: list[str], text: str) -> None:
    assert not isinstance(read_date(text, now=MON), ParsedDate)
    assert asked == []


def test_without_dateparser_the_phrase_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(date_fallback, "_parser", lambda: None)
    assert read_date("15. Dezember 2026", now=MON) is None


def test_a_failing_dateparser_is_a_refusal(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(text: str, **_: object) -> datetime:
        raise RuntimeError("boom")

    monkeypatch.setattr(date_fallback, "_parser", lambda: SimpleNamespace(parse=broken))
    assert read_date("15. Dezember 2026", now=MON) is None


@pytest.mark.skipif(importlib.util.find_spec("dateparser") is None, reason="dateparser is not installed")
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("15 December 2026", datetime(2026, 12, 15, tzinfo=OSLO)),
        ("Tuesday, December 15, 2026 9:30 AM", datetime(2026, 12, 15, 9, 30, tzinfo=OSLO)),
        ("15. Dezember 2026", datetime(2026, 12, 15, tzinfo=OSLO)),
        ("blah 12 2027", None),
        ("2027-13-01", None),
    ],
)
def test_the_real_dateparser(text: str, expected: datetime | None) -> None:
    parsed = read_date(text, now=MON)
    assert (parsed.when if isinstance(parsed, ParsedDate) else None) == expected
