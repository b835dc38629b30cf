"""Walk 18 F5, the rest: an enabled actor with no channel is told of unasked in AU's channel, once, when a
reminder for it falls due with nowhere to go (with how to connect one), in the channel's written form; not
again on later passes, and not at all once the actor has a channel (bot/reminders/unheard.py)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from bot.model.config import parse_config
from bot.reminders.pass_plan import plan_digests, record_digest
from bot.reminders.simulation import simulate
from tests.driver import BotDriver, make_bot, oslo

ROOT = Path(__file__).resolve().parent.parent


def _without_rff_channels() -> str:
    lines = (ROOT / "app.yaml").read_text(encoding="utf-8").splitlines(keepends=True)
    return "".join(line for line in lines if "actor: RFF}" not in line)


def _national_posts(bot: BotDriver, *, start: date, end: date) -> dict[date, str]:
    return {
        post.at.date(): post.digest.reply.text
        for post in simulate(bot.core, start=start, end=end, region=None)
        if post.digest.to.platform == "terminal" and post.digest.to.channel_id == "nasjonal"
    }


@pytest.mark.parametrize(
    ("form", "missed", "how"),
    [
        ("nb", "I dag skulle RFF hatt en påminnelse om", "Skriv «koble aktør RFF» i kanalen deres."),
        ("nn", "I dag skulle RFF hatt ei påminning om", "«koble aktør RFF»"),
    ],
)
def test_au_hears_once_that_an_actors_reminder_reaches_nobody(form: str, missed: str, how: str) -> None:
    bot = make_bot(at=oslo(2027, 1, 4, 8), config=parse_config(_without_rff_channels()))
    assert bot.say(f"målform kanal {form}", as_="admin", channel="nasjonal").ok
    posts = _national_posts(bot, start=date(2027, 1, 4), end=date(2027, 3, 31))
    told = [day for day, text in sorted(posts.items()) if missed in text]
    assert len(told) == 1, told  # once, not on every pass of the letter's reminders
    assert how in posts[told[0]] and "RFF" in posts[told[0]]
    assert all("ingen kanal" not in text for day, text in posts.items() if day != told[0])


def _notice(bot: BotDriver) -> str:
    """AU's terminal channel's notice in the pass that would run now, recorded as posted ("" when none)."""
    said = ""
    for digest in plan_digests(core=bot.core, at=bot.clock.now()):
        record_digest(bot.core, digest, at=bot.clock.now())
        if digest.to.channel_id == "nasjonal":
            said = "\n".join(line for line in digest.reply.text.splitlines() if "ingen kanal" in line)
    return said


def test_told_once_not_while_the_actor_has_a_channel_and_again_once_it_lost_it() -> None:
    bot = make_bot(at=oslo(2027, 1, 15, 9), config=parse_config(_without_rff_channels()))
    assert "I dag skulle RFF hatt en påminnelse om Tildelingsbrev" in _notice(bot)
    assert _notice(bot) == ""  # the next pass: said already
    assert bot.say("koble aktør RFF", as_="admin", channel="rff-ny").ok
    assert _notice(bot) == ""  # heard now
    assert bot.say("koble region agder bekreft", as_="admin", channel="rff-ny").ok  # its channel taken
    assert "koble aktør RFF" in _notice(bot)  # the channels changed and RFF has none again: said once more
    assert _notice(bot) == ""


def test_nobody_is_told_of_an_actor_with_a_channel_in_app_yaml() -> None:
    posts = _national_posts(make_bot(at=oslo(2027, 1, 4, 8)), start=date(2027, 1, 4), end=date(2027, 3, 31))
    assert not [day for day, text in posts.items() if "ingen kanal" in text]
