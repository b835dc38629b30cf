"""Walk 28 F9: a person known through their organisation, once met, is named by a mention as anyone else: a
follow-up point's owner (`bot.model.met`); a person never met is still refused, saying how to register them."""

from __future__ import annotations

from tests.driver import make_bot, oslo
from tests.test_organisations import TENANT, say

KARI_TEAMS = "11111111-0000-0000-0000-000000000001"
AGDER_TEAMS = "19:agder@thread.tacv2"


def test_a_person_known_through_the_organisation_owns_a_follow_up_point_by_mention() -> None:
    bot = make_bot(at=oslo(2026, 11, 23, 10))
    assert bot.say(f"koble organisasjon {TENANT} IN", as_="admin").ok
    assert say(bot, "neste", user="aad-inga", channel="19:in@thread.tacv2", organisation=TENANT).ok
    assert bot.say("dato høst agder 19. november 2026", as_=KARI_TEAMS, platform="teams", channel=AGDER_TEAMS).ok
    before = bot.snapshot()
    stranger = bot.say(
        "referat høst agder 2026 Godt møte. oppfølging: sende tall <@aad-never> innen 4. desember bekreft",
        as_=KARI_TEAMS,
        platform="teams",
        channel=AGDER_TEAMS,
    )
    assert not stranger.ok and "kjenner ikke personen" in stranger.text
    assert bot.snapshot() == before
    done = bot.say(
        "referat høst agder 2026 Godt møte. oppfølging: sende tall <@aad-inga> innen 4. desember bekreft",
        as_=KARI_TEAMS,
        platform="teams",
        channel=AGDER_TEAMS,
    )
    assert done.ok and "Aad-Inga" in done.text, done.text
    mine = say(bot, "ferdig", user="aad-inga", channel="19:in@thread.tacv2", organisation=TENANT)
    assert "sende tall" in mine.text, mine.text
