"""Walk 29 F2: an unheld autumn meeting of cycle 2026 left AU's `neste` and `oversikt` on 1 September 2027 (the
cycle before counts until the next agreement's preparation opens, walk 2 H), while the region's `status`,
`neste` and page still named it under «Ikke fullført fra tidligere sykluser». One rule now decides both
(`bot.model.cycle.earliest_counted`): from the day the preparation of agreement 2028 opens, the meeting is
history (`status <region> 2026`) on every surface; the day before, it is named on every one."""

from __future__ import annotations

import pytest

from tests.driver import make_bot, oslo

REGIONS = [  # person, region, the meeting's title, the section's heading
    ("kari", "agder", "Administrativt dialogmøte høst 2026", "Ikke fullført fra tidligere sykluser"),
    ("per", "vestland", "Administrativt dialogmøte haust 2026", "Ikkje fullført frå tidlegare syklusar"),
    ("aud", "akershus", "Administrativt dialogmøte høst 2026", "Ikke fullført fra tidligere sykluser"),
]


@pytest.mark.parametrize("day", [(2027, 6, 1), (2027, 8, 31), (2027, 9, 1), (2027, 9, 6), (2027, 11, 1)])
def test_au_and_the_regions_agree_on_last_cycles_unheld_meeting(day: tuple[int, int, int]) -> None:
    bot = make_bot(at=oslo(*day, 10))
    au = bot.say("neste", as_="aud", channel="nasjonal").text
    overview = bot.say("oversikt", as_="aud", channel="nasjonal").text
    counted = "Dialogmøte høst 2026" in au
    assert counted == ("Dialogmøte høst 2026" in overview), (day, au, overview)
    assert counted == (day < (2027, 9, 1)), (day, au)  # history from the day agreement 2028's preparation opens
    for person, region, meeting, heading in REGIONS:
        channel = "nasjonal" if person == "aud" else region
        status = bot.say(f"status {region}", as_=person, channel=channel)
        section = next((s.text for s in status.sections if s.title == heading), "")
        neste = bot.say(f"neste {region}", as_=person, channel=channel).text
        assert (meeting in section) == counted, (day, region, status.text)
        assert (meeting in neste or meeting.split(" ", 1)[1].capitalize() in neste) == counted, (day, region, neste)
        if not counted:  # history, still in the cycle's own status
            old = bot.say(f"status {region} 2026", as_=person, channel=channel).text
            assert meeting in old, (day, region, old)
