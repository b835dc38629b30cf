"""Walk 33 F9: a follow-up point's deadline never lands on a day off of the deployment (app.yaml
`reminders.days_off`: 24 and 31 December), as it never lands on a weekend or a public holiday: «innen nyttår»
/ «utgangen av året» / «innen 31.12.» in minutes of December 2027 are Thursday 30 December, by the one rule
the reminders keep (`workdays.on_or_before` with the days off). «innen jul» stays 23 December. Both written
forms, as the coordinator types the minutes."""

from __future__ import annotations

import pytest

from tests.driver import make_bot, oslo
from tests.helpers import assert_recorded

PEOPLE = {"nb": ("kari", "agder", "høst", "innen"), "nn": ("per", "vestland", "haust", "innan")}


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_a_deadline_on_a_configured_day_off_is_the_working_day_before(lang: str) -> None:
    person, region, meeting, by = PEOPLE[lang]
    bot = make_bot(at=oslo(2027, 11, 1, 9))
    assert_recorded(bot, "dato høstmøte 28. oktober kl 10 bekreft", as_="aud")
    bot.set_time(2027, 12, 1, 10)
    assert_recorded(bot, "referat høstmøte Godt møte", as_="aud")
    points = f"Notat @NFR {by} jul; Svar @IN {by} nyttår; Plan @Siva {by} utgangen av året; Brev @RFF {by} 31.12."
    reply = assert_recorded(bot, f"referat {meeting} 2027 Godt møte. oppfølging: {points}", as_=person)
    stored = bot.tables(f"cycle/{region}/2027")["milestones"]["regional-autumn"]["outcome"]["followups"]
    due = {point["text"].split()[0]: point["due"] for point in stored}
    assert due == {"Notat": "2027-12-23", "Svar": "2027-12-30", "Plan": "2027-12-30", "Brev": "2027-12-30"}, due
    assert "31. desember" not in reply.text.replace("Fristen 31. desember 2027", ""), reply.text
    assert "30. desember 2027" in reply.text, reply.text
    assert "Fristen 31. desember 2027" in reply.text, reply.text  # the typed day moved, and the reply says so
