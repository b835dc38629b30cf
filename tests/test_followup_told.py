"""Walk 11 F2: an owner is told of a new follow-up point at once, in the channels that hear its points for the
meeting's region (`point_channels`: on Slack IN's «IN i Agder» for an Agder point, its general channel for a
Vestland one), in each channel's written form, one announcement per channel listing all that owner's new
points, undated ones too, each with its «Ferdig» button, through the outbox; replaced minutes tell only the
points they added."""

from __future__ import annotations

import asyncio
import re

from bot.messages import Announcement
from bot.reminders.passes import deliver_announcements
from tests.driver import BotDriver, make_bot, oslo
from tests.helpers import senders_for

IDS = re.compile(r"\[([A-Z0-9]{4})\]")


def _held() -> BotDriver:
    bot = make_bot(at=oslo(2026, 10, 1, 8))
    assert bot.say("dato høstmøte 29. oktober kl 10", as_="aud").ok
    assert bot.say("dato høst 12. november kl 10", as_="kari").ok
    assert bot.say("dato høst 13. november kl 10", as_="per").ok
    bot.set_time(2026, 10, 29, 15)
    return bot


def _told(announcements: tuple[Announcement, ...]) -> dict[tuple[str, str], str]:
    told: dict[tuple[str, str], str] = {}
    for announcement in announcements:
        to = (announcement.to.platform, announcement.to.channel_id)
        assert to not in told, f"two announcements to {to}"
        told[to] = announcement.reply.text
    return told


def test_an_agder_meetings_new_points_are_told_to_each_owner_once_per_channel_in_bokmal() -> None:
    bot = _held()
    assert bot.say("referat høstmøte Godt møte", as_="aud").ok
    bot.set_time(2026, 11, 12, 15)
    reply = bot.say("referat høst Godt møte. oppfølging: tall @IN innen 1. desember; kart @IN; notat @SIVA", as_="kari")
    assert reply.ok, reply.text
    # the reply lists them as typed, the undated ones last (walk 35)
    ids = dict(zip(("tall", "kart", "notat"), IDS.findall(reply.text), strict=True))
    told = _told(bot.last.announcements)
    in_channels = {to for to, text in told.items() if ids["tall"] in text}
    assert in_channels == {("terminal", "in"), ("slack", "C0INAGDER"), ("teams", "19:in@thread.tacv2")}, told
    text = told[("slack", "C0INAGDER")]
    assert "Nye oppfølgingspunkter fra Administrativt dialogmøte høst 2026 – Agder:" in text, text
    assert f"tall [{ids['tall']}] (innen 1. desember 2026)" in text and f"kart [{ids['kart']}]" in text
    assert f"ferdig {ids['tall']}" in text and f"ferdig {ids['kart']}" in text
    assert ids["notat"] not in text  # Siva's point goes to Siva's channels
    assert (
        f"Nytt oppfølgingspunkt fra Administrativt dialogmøte høst 2026 – Agder: notat [{ids['notat']}]"
        in (told[("slack", "C0SIVA")])
    )
    senders = senders_for(bot)  # posted as every announcement is: through the outbox, once
    asyncio.run(deliver_announcements(bot.last, senders=senders, core=bot.core))
    assert [channel for _day, channel, _r in senders["slack"].posts].count("C0INAGDER") == 1
    assert "C0IN" not in [channel for _day, channel, _r in senders["slack"].posts]


def test_a_vestland_point_is_told_in_nynorsk_and_replaced_minutes_tell_only_new_points() -> None:
    bot = _held()
    bot.set_time(2026, 10, 29, 15)
    first = bot.say("referat høstmøte Godt møte. oppfølging: tal @vestland innan 2. desember", as_="aud")
    assert first.ok, first.text
    (old,) = IDS.findall(first.text)
    told = _told(bot.last.announcements)
    assert (
        f"Nytt oppfølgingspunkt frå Nasjonalt temamøte haust (haustmøtet) 2026: tal [{old}] (innan 2. desember"
        in (told[("terminal", "vestland")])
    ), told
    assert f"ferdig {old}" in told[("slack", "C0VESTLAND")]
    again = bot.say(
        "referat høstmøte Godt møte. oppfølging: tal @vestland innan 2. desember; plan @vestland bekreft", as_="aud"
    )
    assert again.ok, again.text
    told = _told(bot.last.announcements)
    new = next(found for found in IDS.findall(again.text) if found != old)
    assert f"plan [{new}]" in told[("terminal", "vestland")] and old not in told[("terminal", "vestland")], told


def test_a_point_already_overdue_when_recorded_is_told_to_its_owner_as_late_in_both_forms() -> None:
    """Walk 17 F-c: minutes written weeks after the meeting give a point whose day has passed; its owner's
    announcement says «på overtid» as the recorder's reply does (no separate overdue notice follows)."""
    bot = _held()
    assert bot.say("referat høstmøte Godt møte", as_="aud").ok
    bot.set_time(2026, 12, 7, 10)  # Agder held 12 Nov; «innen fredag» is 13 Nov, long gone
    reply = bot.say(
        "referat høst Godt møte. oppfølging: tall @NFR innen fredag; notat @IN innen 30. desember", as_="kari"
    )
    assert reply.ok, reply.text
    ids = dict(zip(("tall", "notat"), IDS.findall(reply.text), strict=True))
    told = _told(bot.last.announcements)
    nfr = told[("slack", "C0NFR")] if ("slack", "C0NFR") in told else next(t for t in told.values() if ids["tall"] in t)
    assert f"tall [{ids['tall']}] (innen 13. november 2026, på overtid)" in nfr, nfr
    notat = next(text for text in told.values() if ids["notat"] in text)
    assert f"notat [{ids['notat']}] (innen 30. desember 2026)" in notat and "overtid" not in notat, notat
    late = bot.say("referat høst Godt møte. oppfølging: tal @vestland innan fredag", as_="per")  # held Fri 13 Nov
    assert late.ok, late.text
    (tal,) = IDS.findall(late.text)
    nynorsk = _told(bot.last.announcements)[("slack", "C0VESTLAND")]
    assert f"tal [{tal}] (innan 20. november 2026, på overtid)" in nynorsk, nynorsk
