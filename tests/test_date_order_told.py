"""Walk 12, N1 and N2: every change of a meeting's date that changes its order with the regions' dated meetings
that follow it in the model is told to those regions, either way (moved after them, moved back, taken back,
dated again); and a date set again after `dato … avlyst` is announced like a move to the channels that heard the
take-back, each channel (terminal and Slack) in its own written form."""

from __future__ import annotations

from tests.driver import BotDriver, make_bot, oslo


def told(bot: BotDriver) -> dict[tuple[str, str], str]:
    """The last command's announcements: (platform, channel) -> text."""
    return {(a.to.platform, a.to.channel_id): a.reply.text for a in bot.last.announcements}


def _clash() -> BotDriver:
    """AU's høstmøtet moved after Agder's (12 Nov) and Vestland's (17 Nov) dialogue meetings: both were told."""
    bot = make_bot(at=oslo(2026, 9, 7, 10))
    bot.say("dato høstmøtet torsdag 29. oktober kl 10", as_="aud", channel="nasjonal")
    bot.say("dato høst torsdag uke 46 kl 09.00", as_="kari", channel="agder")
    bot.say("dato haust 17.-18. november", as_="per", channel="vestland")
    bot.set_time(2026, 10, 1, 10, 0)
    bot.say("dato høstmøte 19. november kl 10 bekreft", as_="aud", channel="nasjonal")
    posts = told(bot)
    assert "(12. november 2026) kommer nå før det" in posts[("terminal", "agder")], posts
    assert "(17. november 2026) kjem no før det" in posts[("terminal", "vestland")], posts
    return bot


def _slack(posts: dict[tuple[str, str], str], text: str) -> bool:
    return any(text in body for (platform, _channel), body in posts.items() if platform == "slack")


def test_moved_back_before_the_regions_tells_them_in_their_forms() -> None:
    bot = _clash()
    bot.set_time(2026, 10, 7, 10, 0)
    bot.say("dato høstmøte 29.10 kl 10", as_="aud", channel="nasjonal")
    posts = told(bot)
    assert (
        "Administrativt dialogmøte høst 2026 (12. november 2026) kommer nå etter det, som i modellen."
        in posts[("terminal", "agder")]
    ), posts
    assert (
        "Administrativt dialogmøte haust 2026 (17. november 2026) kjem no etter det, som i modellen."
        in posts[("terminal", "vestland")]
    ), posts
    assert (
        "flytta frå torsdag 19. november 2026 kl. 10.00 til torsdag 29. oktober 2026" in posts[("terminal", "vestland")]
    )
    assert _slack(posts, "(12. november 2026) kommer nå etter det"), posts
    assert ("terminal", "oslo") not in posts  # no dated meeting there: nothing changed for it


def test_a_move_that_keeps_the_order_is_not_told_to_the_regions() -> None:
    bot = _clash()
    bot.set_time(2026, 10, 7, 10, 0)
    bot.say("dato høstmøte 26. november kl 10 bekreft", as_="aud", channel="nasjonal")
    posts = told(bot)
    assert ("terminal", "agder") not in posts and ("terminal", "vestland") not in posts, posts


def test_taken_back_then_dated_again_tells_the_regions_and_the_actors() -> None:
    bot = _clash()
    bot.set_time(2026, 10, 2, 10, 0)
    bot.say("dato høstmøte avlyst bekreft", as_="aud", channel="nasjonal")
    posts = told(bot)
    assert "(12. november 2026) skal følge det i modellen; det har ingen dato nå." in posts[("terminal", "agder")]
    assert "(17. november 2026) skal følgje det i modellen; det har ingen dato no." in posts[("terminal", "vestland")]
    assert "har ikke lenger en planlagt dato" in posts[("terminal", "in")], posts
    bot.set_time(2026, 10, 5, 10, 0)
    bot.say("dato høstmøte 29.10 kl 10", as_="aud", channel="nasjonal")
    posts = told(bot)
    news = "har fått ny dato: torsdag 29. oktober 2026 kl. 10.00 (var torsdag 19. november 2026 kl. 10.00, fjernet 2. oktober 2026)"
    assert news in posts[("terminal", "in")], posts
    assert "(12. november 2026) kommer nå etter det, som i modellen." in posts[("terminal", "agder")], posts
    assert "fjerna 2. oktober 2026). Sett av Aud Vik." in posts[("terminal", "vestland")], posts
    assert _slack(posts, "har fått ny dato"), posts
    bot.set_time(2026, 10, 6, 10, 0)
    bot.say("dato høstmøte 30.10 kl 10", as_="aud", channel="nasjonal")  # an ordinary move now: told once, as one
    assert "er flyttet fra torsdag 29. oktober" in told(bot)[("terminal", "in")]


def test_a_regions_date_set_again_after_a_take_back_is_announced_like_a_move() -> None:
    bot = make_bot(at=oslo(2027, 2, 1, 10))
    bot.say("dato vår torsdag veke 16 kl 10", as_="per", channel="vestland")
    bot.set_time(2027, 3, 10, 10, 0)
    bot.say("dato vår avlyst stadfest", as_="per", channel="vestland")
    assert "har ikke lenger en planlagt dato" in told(bot)[("terminal", "in")]
    bot.set_time(2027, 3, 12, 10, 0)
    bot.say("dato vår 29. april kl 9", as_="per", channel="vestland")
    posts = told(bot)
    assert (
        "Vestland · Dialogmøte vår 2027 har fått ny dato: torsdag 29. april 2027 kl. 09.00 "
        "(var torsdag 22. april 2027 kl. 10.00, fjernet 10. mars 2027). Satt av Per Hansen."
    ) in posts[("terminal", "in")], posts


def test_a_first_date_ever_is_still_told_by_the_leads() -> None:
    bot = make_bot(at=oslo(2027, 2, 1, 10))
    bot.say("dato vår torsdag veke 16 kl 10", as_="per", channel="vestland")
    assert ("terminal", "in") not in told(bot)
