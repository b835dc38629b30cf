"""Walk15b N5: a follow-up point whose owner is picked with Teams' @-picker arrives as a mention with the
Teams id (29:…) and the display name only. It belongs to the person of that name the bot knows (Ola sees
it in `neste` and may close it); a mention of someone the bot knows nothing of is refused, naming them,
and nothing is stored (never an owner nobody is)."""

from __future__ import annotations

import pytest

from bot.messages import MentionedUser, Request
from tests.driver import BotDriver
from tests.helpers import spring_meeting_over

TEAMS = {"kari": "11111111-0000-0000-0000-000000000001", "per": "11111111-0000-0000-0000-000000000002"}
OLA_TEAMS = "11111111-0000-0000-0000-000000000003"
CHANNELS = {"kari": "19:agder@thread.tacv2", "per": "a:per-personal"}  # Per writes in his personal chat
MEETING = {"kari": "vår", "per": "vår"}


def _teams_minutes(bot: BotDriver, *, person: str, owner_id: str, display: str) -> tuple[bool, str]:
    outcome = bot.core.handle(
        Request(
            platform="teams",
            user_id=TEAMS[person],
            channel_id=CHANNELS[person],
            text=f"referat {MEETING[person]} Godt møte oppfølging: send innspill <@{owner_id}> innen 1. juni",
            mentions=(MentionedUser(user_id=owner_id, display=display),),
            personal=person == "per",
        )
    )
    return outcome.reply.ok, outcome.reply.text


@pytest.mark.parametrize("person", ["kari", "per"])
def test_a_teams_mention_with_only_the_teams_id_owns_the_point_for_the_known_person(person: str) -> None:
    bot = spring_meeting_over(person=person)
    ok, text = _teams_minutes(bot, person=person, owner_id="29:1xY7example-ola", display="Ola Berg")
    assert ok, text
    assert "send innspill (Ola Berg" in text, text
    ferdig = Request(platform="teams", user_id=OLA_TEAMS, channel_id="a:ola-personal", text="ferdig", personal=True)
    listed = bot.core.handle(ferdig)
    assert "send innspill" in listed.reply.text, listed.reply.text


@pytest.mark.parametrize(("person", "words"), [("kari", "Jeg kjenner ikke"), ("per", "Eg kjenner ikkje")])
def test_a_teams_mention_of_someone_unknown_is_refused_naming_them(person: str, words: str) -> None:
    bot = spring_meeting_over(person=person)
    before = bot.snapshot()
    ok, text = _teams_minutes(bot, person=person, owner_id="29:1xY7example-nn", display="Nora Ukjent")
    assert not ok and words in text and "Nora Ukjent" in text, text
    assert bot.snapshot() == before
