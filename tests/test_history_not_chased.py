"""Fixbf 2: after downtime, the pass of 31 August 2027 chased Agder's unheld autumn meeting of 2026 («fortsatt
forsinket siden 1. januar 2027») while `neste` named it only among «Ikke fullført fra tidligere sykluser». A
pass uses the rule `neste` reads (bot.facts.owed.left_behind), for every item, not only a signing's."""

from __future__ import annotations

from datetime import date

from bot.reminders.simulation import simulate
from tests.driver import make_bot, oslo


def test_a_pass_after_downtime_leaves_what_neste_names_as_history() -> None:
    bot = make_bot(at=oslo(2026, 11, 23, 9))
    assert bot.say("neste").ok  # the store began in November 2026
    bot.set_time(2027, 8, 31, 9)
    reply = bot.say("neste")
    assert "Ikke fullført fra tidligere sykluser" in reply.text and "Dialogmøte høst 2026" in reply.text, reply.text
    posts = [
        post.digest.reply.text
        for post in simulate(bot.core, start=date(2027, 8, 31), end=date(2027, 8, 31), region=None)
        if post.digest.to.channel_id == "agder"
    ]
    assert posts and all("høst 2026" not in text for text in posts), posts
    assert any("Dialogmøte vår 2027" in text for text in posts), posts  # this cycle's is still chased
