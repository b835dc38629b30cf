"""Walk 26 F2: an adviser following several regions reads whose minutes they are and when the meeting was
held (`referat vis haust vestland 2026` → «Referat: Administrativt dialogmøte høst 2026 – Vestland», «Holdt …»),
and the reply to closing a point names its meeting with the region, as the owner's copy does."""

from __future__ import annotations

import re

import pytest

from tests.driver import make_bot, oslo


@pytest.mark.parametrize(
    ("lang", "who", "region", "place", "meeting", "held"),
    [
        ("nb", "kari", "agder", "Agder", "høst", "Holdt 12. november 2026."),
        ("nn", "per", "vestland", "Vestland", "haust", "Halde 12. november 2026."),
    ],
)
def test_the_minutes_read_and_a_closed_point_name_the_region(
    lang: str, who: str, region: str, place: str, meeting: str, held: str
) -> None:
    bot = make_bot(at=oslo(2026, 10, 20, 15))
    assert bot.say("referat høstmøte 2026 Holdt", as_="aud").ok
    if lang == "nn":
        assert bot.say("målform kanal nynorsk", as_="admin", channel="in").ok
    bot.set_time(2026, 11, 12, 15)
    minutes = bot.say(f"referat {meeting} Godt møte oppfølging: Notat @IN innen 1. desember", as_=who)
    assert minutes.ok, minutes.text
    (point,) = re.findall(r"\[([A-Z0-9]{4})\]", minutes.text)[:1]
    bot.set_time(2026, 11, 20, 10)
    read = bot.say(f"referat vis {meeting} {region} 2026", as_="ola", channel="in")
    assert read.ok and read.title.endswith(f"{meeting} 2026 – {place}"), read.title
    assert held in read.text, read.text
    closed = bot.say(f"ferdig {point.lower()}", as_="ola", channel="in")
    assert closed.ok and f"{meeting} 2026 – {place}" in closed.text, closed.text
