"""Walk 37 F-J: the «fortsatt forsinket» line of Monday 31 January 2028 (the last within a year of the 2027
agreement's deadline, bot.facts.owed) was held for Tuesday's digest (bot.reminders.folding), and on 1 February
NFR's digest still asked it to sign 2027 with a «Signer» button, the day `neste` made it history. A reminder
held over or sent late is checked again by the rule `neste` reads (bot.facts.owed.is_history) when it goes out."""

from __future__ import annotations

from datetime import date

import pytest

from bot.reminders.simulation import simulate
from tests.driver import BotDriver, signing_open

STILL = {"nb": "fortsatt forsinket", "nn": "framleis forseinka"}


def _nfr_owes(form: str) -> BotDriver:
    """Every party but NFR and Vestland signed Vestland's agreement 2027; NFR's channel reads `form`."""
    bot = signing_open(region="vestland")
    for person in ("ola", "siri", "rita"):
        assert bot.say("signer vestland 2027", as_=person).ok
    assert bot.say(f"målform kanal {form}", as_="admin", channel="nfr").ok
    return bot


def _posted(bot: BotDriver, channel: str, *, start: date, end: date) -> dict[date, str]:
    return {
        post.at.date(): post.digest.reply.text
        for post in simulate(bot.core, start=start, end=end, region=None)
        if post.digest.to.platform == "terminal" and post.digest.to.channel_id == channel
    }


@pytest.mark.parametrize("form", ["nb", "nn"])
def test_a_held_line_is_not_sent_the_day_it_became_history(form: str) -> None:
    bot = _nfr_owes(form)
    bot.set_time(2028, 1, 10, 9)
    posts = _posted(bot, "nfr", start=date(2028, 1, 10), end=date(2028, 2, 15))
    asked = [day for day, text in sorted(posts.items()) if "signer NFR vestland 2027" in text]
    assert asked and asked[-1] < date(2028, 2, 1), posts  # chased in January, not on 1 February
    assert STILL[form] in posts[asked[-1]], posts[asked[-1]]
    bot.set_time(2028, 2, 1, 9)
    reply = bot.say("neste", as_="nils")
    assert "signer NFR vestland 2027" not in " ".join(b.command for b in reply.buttons), reply.text


@pytest.mark.parametrize("form", ["nb", "nn"])
def test_a_line_still_owed_on_its_day_goes_out_late(form: str) -> None:
    """A pass missed on a day the signature is still owed: the line goes out late while `neste` names it."""
    bot = _nfr_owes(form)
    bot.set_time(2028, 1, 10, 9)
    posts = _posted(bot, "nfr", start=date(2028, 1, 4), end=date(2028, 1, 10))
    assert any("signer NFR vestland 2027" in text for text in posts.values()), posts
