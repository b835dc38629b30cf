"""Issue 18, the year walk (F1, F2): a follow-up point read outside its region's channel names the region,
and a deadline that is not one date («innen 31. februar», «innen blabla») is said, not silently dropped."""

from __future__ import annotations

from datetime import datetime

from tests.driver import BotDriver, make_bot, oslo
from tests.helpers import assert_recorded


def _after_national_autumn(at: datetime) -> BotDriver:
    """The national autumn meeting held, so the regions' autumn minutes are in the model's order."""
    bot = make_bot(at=at)
    assert_recorded(bot, "referat høst Høstmøtet holdt", as_="aud")
    return bot


def test_an_actors_neste_names_the_region_of_each_point() -> None:
    bot = _after_national_autumn(oslo(2026, 11, 5, 15))
    assert_recorded(bot, "referat haust Godt møte oppfølging: Send utkast @IN innan 1. desember", as_="per")
    bot.set_time(2026, 11, 12, 15)
    assert_recorded(bot, "referat høst Møtet holdt oppfølging: Oppdatere tall @ola innen 30. november", as_="kari")
    bot.set_time(2026, 11, 16, 9, 30)
    mine = bot.say("neste", as_="ola", channel="in").text
    assert "Administrativt dialogmøte høst 2026 – Vestland: Send utkast" in mine, mine
    assert "Administrativt dialogmøte høst 2026 – Agder: Oppdatere tall" in mine, mine


def test_an_impossible_deadline_is_warned_and_the_point_kept_without_one() -> None:
    bot = _after_national_autumn(oslo(2026, 11, 12, 15))
    reply = assert_recorded(bot, "referat høst Møtet holdt oppfølging: Sjekke @RFF innen 31. februar", as_="kari")
    assert "Fristen «31. februar»" in reply.text and "lagret uten frist" in reply.text, reply.text
    [point] = bot.tables("cycle/agder/2026")["milestones"]["regional-autumn"]["outcome"]["followups"]
    assert point["due"] is None and point["text"] == "Sjekke innen 31. februar"


def test_an_unreadable_deadline_is_warned_in_nynorsk_too() -> None:
    bot = _after_national_autumn(oslo(2026, 11, 5, 15))
    reply = assert_recorded(bot, "referat haust Godt møte oppfølging: Sjekke tal @IN innan blabla", as_="per")
    assert "Fristen «blabla»" in reply.text and "lagra utan frist" in reply.text, reply.text


def test_a_readable_deadline_gives_no_warning() -> None:
    bot = _after_national_autumn(oslo(2026, 11, 12, 15))
    reply = assert_recorded(bot, "referat høst Møtet holdt oppfølging: Sjekke @RFF innen 15. mars", as_="kari")
    assert "uten frist" not in reply.text


def test_an_adopted_action_plan_says_no_zero_counts() -> None:
    bot = make_bot(at=oslo(2026, 12, 10, 15))
    reply = assert_recorded(bot, "referat handlingsplan 2027 Vedtatt", as_="kari")
    assert "0 vedtak" not in reply.text and "oppfølgingspunkter" not in reply.text, reply.text
    assert reply.title == "Registrert: Årlig handlingsplan vedtatt 2027"
