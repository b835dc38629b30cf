"""Walk 35 F4: one meeting's follow-up points due the same day are listed in the order the minutes typed
them, in the `referat` reply, `neste` and its pages alike, as `status` lists them: they used to follow their
random ids («punkt 29, 2, 5, 18, 3» of a numbered list of 30), buttons and all."""

from __future__ import annotations

import re

import pytest

from tests.driver import make_bot, oslo

CASES = [
    ("kari", "agder", "referat høst Godt møte. oppfølging: ", "Sak {n} @IN innen 1. desember", "bekreft"),
    ("per", "vestland", "referat haust Møtet vart halde. oppfølging: ", "Sak {n} @IN innan 1. desember", "stadfest"),
]


def _numbers(text: str) -> list[int]:
    return [int(n) for n in re.findall(r"Sak (\d+)\b", text)]


@pytest.mark.parametrize(("who", "region", "lead", "point", "confirm"), CASES)
def test_points_of_one_meeting_keep_the_typed_order(who: str, region: str, lead: str, point: str, confirm: str) -> None:
    bot = make_bot(at=oslo(2026, 11, 19, 17, 0))
    points = "; ".join(point.format(n=n) for n in range(1, 13))
    recorded = bot.say(f"{lead}{points} {confirm}", as_=who)
    assert recorded.ok, recorded.text
    section = next(s for s in recorded.sections if s.facts and "Sak" in s.facts[0].value)
    assert _numbers(" ".join(f.value for f in section.facts)) == [1, 2, 3, 4, 5]
    ids = [re.search(r"\[(\w{4})\]", f.value).group(1) for f in section.facts]  # type: ignore[union-attr]
    assert [b.command for b in recorded.buttons if b.command.startswith("ferdig")][:5] == [f"ferdig {i}" for i in ids]

    first = bot.say("neste", as_=who)
    second = bot.say("neste side 2", as_=who)
    listed = _numbers(first.text) + _numbers(second.text)
    assert listed[:10] == list(range(1, 11)), listed
    status = bot.say(f"status {region}", as_=who)
    assert _numbers(status.text)[:12] == list(range(1, 13))
