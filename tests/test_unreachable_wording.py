"""Walk 31 F2: `oversikt` on a Teams channel the bot was never added to says what adding it brings: the reminders,
not the announcements made meanwhile, which are not kept (README «Når boten ikke er i kanalen»), in both forms."""

from __future__ import annotations

import pytest

from tests.driver import make_bot, oslo

IN_TEAMS = "19:in@thread.tacv2"


@pytest.mark.parametrize(
    ("channel", "promise", "dropped"),
    [
        ("nasjonal", "så går påminnelsene dit", "kunngjøringer fra tiden før sendes ikke dit"),
        ("vestland", "så går påminningane dit", "kunngjeringar frå tida før vert ikkje sende dit"),
    ],
)
def test_oversikt_says_the_announcements_meanwhile_do_not_come(channel: str, promise: str, dropped: str) -> None:
    bot = make_bot(at=oslo(2026, 9, 1, 10), in_teams=False)
    assert bot.say("dato høstmøte 15. oktober kl 10", as_="aud").ok
    for day in (12, 11):  # dated, then moved: each told to IN's Teams channel, which cannot be reached
        assert bot.say(f"dato høst {day}.11 kl 10-12", as_="U0KARI", channel="C0AGDER", platform="slack").ok
    overview = bot.say("oversikt", as_="admin", channel=channel)
    line = next(line for line in overview.text.splitlines() if IN_TEAMS in line)
    assert promise in line and dropped in line, line
    assert "det som venter" not in overview.text and "det som ventar" not in overview.text
