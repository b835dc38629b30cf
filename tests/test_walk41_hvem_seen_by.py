"""A bare `hvem` lists every organisation bound and, like one party's list, says who reads the answer (walk 41:
in a Teams channel the whole channel read the list of organisations, and it did not say so)."""

from __future__ import annotations

import pytest

from tests.driver import make_bot, oslo

ADMIN_TEAMS = "11111111-0000-0000-0000-000000000009"
NATIONAL_TEAMS = "19:nasjonal@thread.tacv2"


@pytest.mark.parametrize(
    ("form", "whole_channel", "alone"),
    [
        ("nb", "Alle i kanalen ser svaret. Skriv «hvem» til boten", "Svaret ser bare du."),
        ("nn", "Alle i kanalen ser svaret. Skriv «kven» til boten", "Svaret ser berre du."),
    ],
)
def test_the_list_of_organisations_says_who_reads_it_as_one_partys_list_does(
    form: str, whole_channel: str, alone: str
) -> None:
    bot = make_bot(at=oslo(2027, 1, 11, 9, 0))
    assert bot.say("koble organisasjon T0INNOVA IN", as_="admin").ok
    assert bot.say(f"målform {form}", as_="admin").ok
    in_teams = bot.say("hvem", as_=ADMIN_TEAMS, platform="teams", channel=NATIONAL_TEAMS)
    assert in_teams.ok and whole_channel in in_teams.text, in_teams.text
    one_party = bot.say("hvem IN", as_=ADMIN_TEAMS, platform="teams", channel=NATIONAL_TEAMS)
    assert whole_channel in one_party.text, one_party.text
    in_terminal = bot.say("hvem", as_="admin", channel="nasjonal")
    assert in_terminal.ok and alone in in_terminal.text and whole_channel not in in_terminal.text, in_terminal.text
