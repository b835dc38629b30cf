"""Walk 21 A3: the points a region gives the actors at its own meeting are followed by the region too. Its
channel hears once when one goes overdue (the day the owner does), its `neste` lists the open ones with the
region's own work, and it is told when an actor closes one. The same for AU and the points of a national
meeting; a point the keeper owns itself is heard once, in its own channels."""

from __future__ import annotations

from datetime import date

import pytest

from tests.driver import BotDriver
from tests.test_model_timing import posted
from tests.walk21_steps import agders_autumn_points, point_id


def _agders_meeting(lang: str) -> tuple[BotDriver, dict[str, str]]:
    bot, minutes = agders_autumn_points(
        points="Tilsagn @IN innen 25. november; Kart @Siri Dahl innen 25. november; "
        "Notat @forskningsfondet innen 25. november; Sak @agder innen 25. november"
    )
    if lang == "nn":
        assert bot.say("målform kanal nynorsk", as_="admin", channel="agder").ok
    return bot, {text: point_id(minutes, text) for text in ("Tilsagn", "Kart", "Notat", "Sak")}


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_the_region_hears_once_when_an_actors_point_from_its_meeting_goes_overdue(lang: str) -> None:
    bot, ids = _agders_meeting(lang)
    agder = posted(bot, "agder", start=date(2026, 11, 18), end=date(2026, 12, 10))
    was = "fristen var" if lang == "nn" else "frist var"
    for text in ("Tilsagn", "Kart", "Notat", "Sak"):
        assert _days_overdue(agder, ids[text], was=was) == [date(2026, 11, 26)], (text, agder)
    own = posted(bot, "in", start=date(2026, 11, 18), end=date(2026, 12, 10))
    assert _days_overdue(own, ids["Tilsagn"], was="frist var") == [date(2026, 11, 26)]
    assert not any(ids["Sak"] in text for text in own.values())  # Agder's own point stays Agder's


def _days_overdue(posts: dict[date, str], point: str, *, was: str) -> list[date]:
    return [
        day
        for day, text in sorted(posts.items())
        if any(f"Oppfølgingspunkt {point}" in line and was in line for line in text.splitlines())
    ]


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_the_regions_neste_lists_the_actors_open_points_and_hears_one_closed(lang: str) -> None:
    bot, ids = _agders_meeting(lang)
    bot.set_time(2026, 12, 10, 10)
    neste = bot.say("neste", as_="kari")
    for text in ("Tilsagn", "Kart", "Notat", "Sak"):
        assert f"[{ids[text]}]" in neste.text, neste.text
        assert f"ferdig {ids[text]}" in [button.command for button in neste.buttons]  # Agder may close them
    closed = bot.say(f"ferdig {ids['Notat']}", as_="rita", channel="rff")
    assert closed.ok, closed.text
    (told,) = [a for a in bot.last.announcements if a.to.platform == "terminal" and a.to.channel_id == "agder"]
    assert "Notat" in told.reply.text and "Rita Moe" in told.reply.text, told.reply.text
    assert ("Lukka av" if lang == "nn" else "Lukket av") in told.reply.text, told.reply.text
    assert f"[{ids['Notat']}]" not in bot.say("neste", as_="kari").text
    other = bot.say("neste", as_="per", channel="vestland")  # another region's meeting: not Vestland's to follow
    assert ids["Tilsagn"] not in other.text, other.text


def test_the_owner_closing_its_own_point_tells_nobody_twice() -> None:
    bot, ids = _agders_meeting("nb")
    bot.set_time(2026, 12, 10, 10)
    assert bot.say(f"ferdig {ids['Sak']}", as_="kari").ok
    assert [a for a in bot.last.announcements if a.to.channel_id == "agder"] == []
    assert bot.say(f"ferdig {ids['Tilsagn']}", as_="kari").ok  # the keeper closes: the owner is told, once
    told = [a.to.channel_id for a in bot.last.announcements if a.to.platform == "terminal"]
    assert told == ["in"], told
