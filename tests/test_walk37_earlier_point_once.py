"""Walk 37 F-F (walk 35 F8, still on main): in January `neste` named last autumn's open follow-up points twice,
in «Ikke fullført fra tidligere sykluser: Dialogmøte høst 2026 (oppfølgingspunkt 2WAU), …» and in full with
their «Ferdig» buttons under the asker's points. A point the asker's list shows stands there alone; one it
does not show (another party's, not closable by the asker) is still named in the line."""

from __future__ import annotations

import re

import pytest

from tests.driver import make_bot, oslo

CASES = [
    ("kari", "høst", "innen", "bekreft", "Ikke fullført fra tidligere sykluser"),
    ("per", "haust", "innan", "stadfest", "Ikkje fullført frå tidlegare syklusar"),
]


@pytest.mark.parametrize(("who", "autumn", "by", "confirm", "heading"), CASES)
def test_last_autumns_points_are_named_once_in_januarys_neste(
    who: str, autumn: str, by: str, confirm: str, heading: str
) -> None:
    bot = make_bot(at=oslo(2026, 10, 22, 16, 0))
    assert bot.say("referat høstmøtet Godt møte", as_="aud", channel="nasjonal").ok
    bot.set_time(2026, 11, 19, 16, 0)
    text = f"referat {autumn} Godt møte. oppfølging: Første @IN {by} 1. desember; Andre @{who} {by} 1. desember"
    recorded = bot.say(f"{text} {confirm}", as_=who)
    assert recorded.ok, recorded.text
    ids = re.findall(r"\[(\w{4})\]", recorded.text)
    assert len(set(ids)) == 2
    bot.set_time(2027, 1, 6, 9, 0)
    neste = bot.say("neste", as_=who)
    for point in set(ids):
        named = neste.text.count(f"[{point}]") + neste.text.count(f"oppfølgingspunkt {point})")
        assert named == 1, (point, neste.text)
        assert f"ferdig {point}" in [b.command for b in neste.buttons]
    assert heading not in neste.text, neste.text  # nothing else of earlier cycles is open
