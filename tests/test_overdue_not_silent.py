"""Fixbf 1: after `reminders.overdue.max_times` the reminders fell silent on Agder's unheld spring meeting of 2027
(the last line on 13 September 2027) while `neste` still listed it as overdue. Now whatever `neste` still offers
as overdue keeps the slower rhythm (a folded line every fourth week) until `neste` names it only as history."""

from __future__ import annotations

from datetime import date
from itertools import pairwise

from bot.reminders.simulation import simulate
from tests.driver import make_bot, oslo

MEETING = "Dialogmøte vår 2027"


def _agder_posts(start: date, end: date) -> dict[date, str]:
    bot = make_bot(at=oslo(2027, 9, 13, 8))
    assert bot.say("neste").ok  # the store began before the last of the fortnightly lines
    return {
        post.at.date(): post.digest.reply.text
        for post in simulate(bot.core, start=start, end=end, region=None)
        if post.digest.to.platform == "terminal" and post.digest.to.channel_id == "agder"
    }


def test_an_overdue_meeting_neste_lists_keeps_a_slower_rhythm_until_it_is_history() -> None:
    posts = _agder_posts(date(2027, 9, 13), date(2028, 1, 31))
    chased = sorted(day for day, text in posts.items() if MEETING in text)
    assert chased[0] == date(2027, 9, 13), chased  # the last of the fortnightly lines (max_times)
    assert len(chased) >= 4 and all((b - a).days == 28 for a, b in pairwise(chased)), chased
    assert "fortsatt forsinket" in posts[chased[-1]]
    assert chased[-1] < date(2028, 1, 1), chased  # from the new year it is an earlier cycle's, history
    bot = make_bot(at=oslo(*chased[-1].timetuple()[:3], 10))
    assert "⚠ Regionalt dialogmøte vår 2027" in bot.say("neste").text  # listed as overdue the day of the last line
    bot.set_time(2028, 1, 3, 10)
    reply = bot.say("neste")
    assert "Ikke fullført fra tidligere sykluser" in reply.text and "Dialogmøte vår 2027" in reply.text, reply.text
