"""«Du kan gjøre nå» in December: the agreement's signing, whose window opens 1 January, stands by its deadline
after the action plan due next week, not first (walk 43: «kan signeres fra 1. januar 2027» topped the list); from
the day the window opens, the signing is first."""

from __future__ import annotations

import pytest

from tests.driver import make_bot, oslo


def _doable(text: str) -> list[str]:
    lines = text.split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith(("Du kan gjøre nå", "Du kan gjere no")))
    end = next(i for i in range(start + 1, len(lines)) if lines[i].startswith(("Ellers", "Elles")))
    return [line for line in lines[start:end] if line.startswith("• ")]


@pytest.mark.parametrize(("who", "channel"), [("kari", "agder"), ("per", "vestland")])
def test_the_signing_waits_its_turn_before_its_window_and_leads_after(who: str, channel: str) -> None:
    bot = make_bot(at=oslo(2026, 12, 8, 9))
    december = _doable(bot.say("neste", as_=who, channel=channel).text)
    assert "samarbeidsavtalen 2027" not in december[0] and "handlingsplan" in december[0], december
    assert any("samarbeidsavtalen 2027" in line for line in december), december
    bot.set_time(2027, 1, 11, 9)
    january = _doable(bot.say("neste", as_=who, channel=channel).text)
    assert "samarbeidsavtalen 2027" in january[0], january
