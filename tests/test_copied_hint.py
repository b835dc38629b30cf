"""Walk15b N1: every hint quotes a command as «@Samhandling signer IN agder 2027» (Teams), «/samhandling …»
(Slack) or «…» (terminal). Copied with its marks and the bot's name, it is read as the command itself, in
both written forms, and a half-selected hint (one mark) too; a «…» inside minutes stays."""

from __future__ import annotations

import pytest

from bot.messages import Request
from tests.driver import make_bot, oslo

PEOPLE = {"nb": ("kari", "agder"), "nn": ("per", "vestland")}


@pytest.mark.parametrize("lang", ["nb", "nn"])
@pytest.mark.parametrize(
    "pasted",
    [
        "«@Samhandling dato vår 22. april kl 10»",
        "«/samhandling dato vår 22. april kl 10».",
        "«dato vår 22. april kl 10»",
        "dato vår 22. april kl 10»",
        "“@Samhandlingsbot dato vår 22. april kl 10”",
    ],
)
def test_a_command_copied_from_a_hint_is_read_as_typed(lang: str, pasted: str) -> None:
    person, region = PEOPLE[lang]
    bot = make_bot(at=oslo(2027, 3, 1, 10))
    reply = bot.say(pasted, as_=person)
    assert reply.ok, reply.text
    assert "22. april 2027" in reply.text
    assert bot.tables(f"cycle/{region}/2027")["milestones"]["regional-spring"]["planned"].startswith("2027-04-22")


def test_a_hint_pasted_in_teams_after_the_mention_signs_nothing_else_and_reads_as_typed() -> None:
    bot = make_bot(at=oslo(2027, 3, 1, 10))
    outcome = bot.core.handle(
        Request(
            platform="teams",
            user_id="11111111-0000-0000-0000-000000000001",
            channel_id="19:agder@thread.tacv2",
            text="«@Samhandling status agder»",
        )
    )
    assert outcome.reply.ok and "Ukjent kommando" not in outcome.reply.title, outcome.reply.text


def test_a_quote_inside_minutes_is_kept() -> None:
    from tests.helpers import spring_meeting_over

    bot = spring_meeting_over(person="kari")
    assert bot.say("referat vår Møtet «Havbruk 2030» ble holdt", as_="kari").ok
    summary = bot.tables("cycle/agder/2027")["milestones"]["regional-spring"]["outcome"]["summary"]
    assert "«Havbruk 2030»" in summary, summary
