"""Walk 8, N6: AU moving (or first dating) a national meeting to a day AFTER a region's dated dialogue meeting
of the same season asks first, naming the regions and their dates (as a region's own date before the
national one is stopped), and once saved the affected regions' channels are told, each in its own form."""

from __future__ import annotations

import pytest

from tests.driver import BotDriver, make_bot, oslo


def told(bot: BotDriver) -> dict[str, str]:
    """The last command's announcements to terminal channels: channel -> text."""
    return {a.to.channel_id: a.reply.text for a in bot.last.announcements if a.to.platform == "terminal"}


def _regions_dated(*, national: bool) -> BotDriver:
    bot = make_bot(at=oslo(2026, 9, 7, 9))
    if national:
        bot.say("dato høstmøte 5. november kl 10", as_="aud", channel="nasjonal")
    confirm = "" if national else " bekreft"  # dated before the national one has a date: asked, then confirmed
    bot.say("dato haust torsdag 19. november kl 10" + confirm, as_="per", channel="vestland")
    bot.say("dato høst 20. november kl 10" + confirm, as_="kari", channel="agder")
    bot.set_time(2026, 10, 1, 9, 0)
    return bot


@pytest.mark.parametrize("national", [True, False], ids=["moved", "first date"])
def test_a_national_date_after_the_regions_meetings_asks_naming_them(national: bool) -> None:
    bot = _regions_dated(national=national)
    before = bot.snapshot()
    asked = bot.say("dato høstmøte 26. november kl 10", as_="aud", channel="nasjonal")
    assert bot.snapshot() == before, asked.text
    assert "i Vestland (19. november 2026) og Agder (20. november 2026), som skal følge dette møtet" in asked.text
    bot.say(asked.buttons[0].command, as_="aud", channel="nasjonal")
    posts = told(bot)
    assert "Administrativt dialogmøte haust 2026 (19. november 2026) kjem no før det" in posts["vestland"], posts
    assert "Administrativt dialogmøte høst 2026 (20. november 2026) kommer nå før det" in posts["agder"], posts
    assert "26. november 2026" in posts["vestland"] and "26. november 2026" in posts["agder"], posts
    assert "oslo" not in posts  # a region without a dated meeting is not told


def test_a_national_date_before_the_regions_meetings_is_not_asked_and_not_told_to_them() -> None:
    bot = _regions_dated(national=True)
    reply = bot.say("dato høstmøte 12. november kl 10", as_="aud", channel="nasjonal")
    assert reply.title.startswith("Dato satt"), reply.text
    assert "vestland" not in told(bot) and "agder" not in told(bot)


def test_only_the_regions_whose_meeting_now_comes_first_are_named() -> None:
    bot = _regions_dated(national=True)
    asked = bot.say("dato høstmøte 19. november kl 14", as_="aud", channel="nasjonal")
    assert "Vestland (19. november 2026)" not in asked.text  # the same day is not before it
    assert bot.say("dato høstmøte 20. november kl 10", as_="aud", channel="nasjonal").title.startswith("Bekreft")
