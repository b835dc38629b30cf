"""A follow-up point whose owner has left the party (walk 18 F3 fixed `status` and `ferdig`): the digests, the
next meeting's reminder and `neste` name the party that takes it over, as `status` does, never the departed
person alone, in both written forms (bot/model/followups_departed.py)."""

from __future__ import annotations

from datetime import date

import pytest

from bot.model.followups import open_for
from bot.reminders.simulation import simulate
from tests.driver import BotDriver, make_bot, oslo


def _kari_left(form: str) -> BotDriver:
    bot = make_bot(at=oslo(2027, 4, 22, 15))
    assert bot.say("dato vår 22. april", as_="kari").ok
    minutes = (
        "referat vår Godt møte. oppfølging: lage notat @kari innen 15. mai; sende liste @ola innen 20. mai bekreft"
    )
    assert bot.say(minutes, as_="kari").ok
    bot.set_time(2027, 4, 26, 9)
    assert bot.say("forlat agder @kari bekreft", as_="admin", channel="nasjonal").ok
    assert bot.say("person @nina agder koordinator Nina Ny", as_="admin", channel="nasjonal").ok
    assert bot.say(f"målform kanal {form}", as_="admin", channel="agder").ok
    assert bot.say(f"målform {form}", as_="nina", channel="agder").ok
    return bot


@pytest.mark.parametrize(
    ("form", "handed"), [("nb", "overtatt etter Kari Nordmann"), ("nn", "overteke etter Kari Nordmann")]
)
def test_neste_and_every_digest_name_the_party_that_took_the_point_over(form: str, handed: str) -> None:
    bot = _kari_left(form)
    taken = f"lage notat» (Agder fylkeskommune, {handed})"
    neste = bot.say("neste", as_="nina", channel="agder").text
    assert f"lage notat (Agder fylkeskommune, {handed}" in neste, neste
    assert "(Kari Nordmann" not in neste
    posts = [
        post.digest.reply.text
        for post in simulate(bot.core, start=date(2027, 4, 27), end=date(2027, 11, 30), region="agder")
        if post.digest.to.platform == "terminal" and post.digest.to.channel_id == "agder"
    ]
    with_point = [text for text in posts if "lage notat" in text]
    assert len(with_point) >= 2, posts  # its own reminders, and the next meeting's reminder brings it
    for text in with_point:
        assert "(Kari Nordmann" not in text and "Til: Kari" not in text, text
        assert handed in text, text
    assert any(taken in text for text in with_point), with_point


def test_the_departed_person_no_longer_reads_the_point_as_her_own() -> None:
    bot = _kari_left("nb")
    mine = open_for(config=bot.core.config, state=bot.core.state, today=date(2027, 5, 17), party=None, person="kari")
    assert not [point for point in mine if point.text == "lage notat"]
