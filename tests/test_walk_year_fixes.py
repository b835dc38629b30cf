"""Issue 18, what a year walked through the bot still met (the walk's findings F3, F4, F9, F10, F11, F12):
each driven as a person meets it, a command's reply or what the reminder passes post."""

from __future__ import annotations

import re
from datetime import date
from itertools import pairwise

from bot.messages import ChannelAddress
from bot.reminders.simulation import simulate
from tests.driver import BotDriver, make_bot, oslo, register_text
from tests.helpers import make_config


def two_regions(*, at) -> BotDriver:  # type: ignore[no-untyped-def]
    return make_bot(at=at, config=make_config(regions=("agder", "vestland")))


def posted(bot: BotDriver, channel: str, *, start: date, end: date) -> dict[date, str]:
    """What the reminder passes from `start` to `end` post to a terminal channel, by day."""
    return {
        post.at.date(): post.digest.reply.text
        for post in simulate(bot.core, start=start, end=end, region=None)
        if post.digest.to.platform == "terminal" and post.digest.to.channel_id == channel
    }


def overdue_days(posts: dict[date, str], label: str) -> list[date]:
    """The days a digest told that `label` («Agder · Handlingsplan 2027») is overdue."""
    line = rf"^\s*{re.escape(label)}: (frist(?:en)? var|fortsatt forsinket|framleis forseinka)"
    return [day for day, text in sorted(posts.items()) if re.search(line, text, re.M)]


# -- F12: an overdue item is not told twice within a few days ------------------------------------------------
def test_the_first_still_overdue_line_comes_about_two_weeks_after_the_first_notice() -> None:
    bot = two_regions(at=oslo(2026, 12, 1, 9))
    posts = posted(bot, "agder", start=date(2026, 12, 1), end=date(2027, 7, 31))
    plan = overdue_days(posts, "Agder · Handlingsplan 2027")
    assert plan[0] == date(2026, 12, 16)  # the first working day after 15 December, in full
    assert date(2026, 12, 21) not in plan  # not again the next Monday
    spring = overdue_days(posts, "Agder · Dialogmøte vår 2027")
    assert spring[0] == date(2027, 7, 1) and date(2027, 7, 5) not in spring
    for days in (plan, spring):
        assert len(days) >= 2 and all((later - earlier).days >= 7 for earlier, later in pairwise(days)), days


# -- F4: a region whose signing waits on actors' letters still hears of it, and of its own text -------------
def _all_but_two_letters_and_the_texts(bot: BotDriver) -> None:
    """Both regions' own preconditions, the state budget, IN's and Siva's letters; NFR and RFF never send
    theirs, and no region registers its agreement text."""
    for person, region in (("kari", "agder"), ("per", "vestland")):
        assert bot.say(f"forutsetning budsjett {region} 2027", as_=person).ok
        assert bot.say(f"referat politisk {region} 2027 Vedtatt bekreft", as_=person).ok
    assert bot.say("forutsetning statsbudsjett 2027", as_="aud", channel="nasjonal").ok
    for person in ("ola", "siri"):
        assert bot.say("forutsetning tildelingsbrev 2027", as_=person).ok


def test_a_region_waiting_on_actors_letters_hears_its_signing_in_both_written_forms() -> None:
    bot = two_regions(at=oslo(2026, 12, 10, 15))
    _all_but_two_letters_and_the_texts(bot)
    for channel, waits, text, follows in (
        (
            "agder",
            "Venter på Tildelingsbrev NFR (avtale 2027); Tildelingsbrev RFF",
            "Avtaleteksten er ikke",
            "følger opp",
        ),
        (
            "vestland",
            "Ventar på Tildelingsbrev NFR (avtale 2027); Tildelingsbrev RFF",
            "Avtaleteksten er ikkje",
            "følgjer opp",
        ),
    ):
        posts = posted(bot, channel, start=date(2027, 1, 4), end=date(2027, 2, 2))
        region = "Agder" if channel == "agder" else "Vestland"
        signing = {
            day: line
            for day, text in posts.items()
            for line in text.splitlines()
            if f"{region} · Signering 2027" in line
        }
        # Its leads (14 and 2 days before 31 January) and the overdue notice after, whoever holds it up.
        assert sorted(signing) == [date(2027, 1, 15), date(2027, 1, 29), date(2027, 2, 1)], posts
        for line in signing.values():
            assert waits in line and text in line and "«avtale <" in line and follows in line, line
            assert "sørger for sin del" not in line and "syter for sin del" not in line


def _mine(text: str) -> str:
    """The «Du kan gjøre nå» (nynorsk «Du kan gjere no») part of a `neste` reply."""
    for start, end in (("Du kan gjøre nå", "Ellers:"), ("Du kan gjere no", "Elles:")):
        if start in text:
            return text.split(start, 1)[1].split(end, 1)[0]
    return ""


# -- F10: last year's unfinished items are named with their year, not offered as something to do now --------
def test_last_years_spring_meeting_is_not_offered_once_a_write_means_this_years() -> None:
    bot = two_regions(at=oslo(2028, 2, 10, 10))
    for person, stale, now in (
        (
            "kari",
            "Ikke fullført fra tidligere sykluser: ",
            "Regionalt dialogmøte vår 2028",
        ),
        (
            "per",
            "Ikkje fullført frå tidlegare syklusar: ",
            "Regionalt dialogmøte vår 2028",
        ),
    ):
        text = bot.say("neste", as_=person).text
        assert "vår 2027" not in _mine(text) and now in _mine(text), text
        assert stale in text and "Ellers:\n\n• ⚠ Nasjonalt temamøte vår (vårmøtet) 2027" not in text, text
        # Walk 3 (#8): the line no longer stops at the spring meetings; it also names what is more than a
        # year late but still counted by the digests and `oversikt` (the unsigned agreement 2027 first of all),
        # so the spring meetings are not its only names; AU's autumn meeting 2027, overdue and not the region's
        # to do, is named there too rather than listed in full (walk 4, m3).
        line = text.split(stale, 1)[1].split("\n", 1)[0]
        assert "Signering 2027" in line and "Vårmøtet (nasjonalt) 2027, Dialogmøte vår 2027, " in line, text
    # What is named there is what a write without a year no longer means: «dato vår» goes to 2028.
    assert "2028" in bot.say("dato vår 20. april kl 10", as_="kari").text
    # A cycle still meant stays something to do: the action plan of 2028, due last December.
    assert "Årlig handlingsplan vedtatt 2028" in _mine(bot.say("neste", as_="kari").text)


# -- F11: an actor is offered only what it can record; the meetings it takes part in come under «Ellers» -------
def test_an_actor_is_not_offered_aus_or_a_regions_meeting_as_its_own() -> None:
    bot = two_regions(at=oslo(2027, 1, 5, 10))
    # the letter is IN's to record once the state budget it follows from is in (walk 6, F1: before that it is not
    # offered, since the command would be refused)
    assert bot.say("forutsetning statsbudsjett 2027", as_="aud", channel="nasjonal").ok
    reply = bot.say("neste", as_="ola", channel="in")
    mine = _mine(reply.text)
    assert "Tildelingsbrev mottatt – Innovasjon Norge (avtale 2027)" in mine and "Nasjonalt temamøte" not in mine, (
        reply.text
    )
    assert "Nasjonalt temamøte vår (vårmøtet) 2027" in reply.text.split("Ellers:", 1)[1]
    assert reply.text.count("1 ting du kan gjøre nå") == 1
    bot.set_time(2027, 3, 1, 10)
    assert bot.say("forutsetning statsbudsjett 2027", as_="aud", channel="nasjonal").ok
    assert bot.say("forutsetning tildelingsbrev 2027", as_="ola").ok
    for channel in ("agder", "vestland"):  # IN has nothing of its own left: the region's meeting is shown, not offered
        text = bot.say("neste", as_="ola", channel=channel).text
        assert "Regionalt dialogmøte vår 2027" in text and _mine(text) == "", text
        assert "ting du kan gjøre nå" not in text and "ting du kan gjere no" not in text, text


# -- F9: AU's overview names the actors' late letters and the signings they hold up -------------------------
def _overview(bot: BotDriver, *, day: date) -> str:
    """The weekly overview in the national channel that day ("" when none)."""
    for post in simulate(bot.core, start=day, end=day, region=None):
        if post.digest.to == ChannelAddress("terminal", "nasjonal") and post.digest.overview_id:
            return post.digest.reply.text
    return ""


def test_aus_overview_blames_the_late_letters_not_the_region_they_hold_up() -> None:
    bot = two_regions(at=oslo(2026, 12, 10, 15))
    _all_but_two_letters_and_the_texts(bot)
    assert bot.say("referat handlingsplan vestland 2027 Vedteke", as_="per").ok
    register_text(bot, year=2027, region="vestland")  # Vestland has done its part; Agder has no text
    for form, late, agder, vestland in (
        (
            "nb",
            "Forsinket nasjonalt",
            "Signering 2027 (avtaleteksten er ikke registrert; venter også på Tildelingsbrev mottatt – Norges forskningsråd og Regionale forskningsfond",
            "Signering venter på andre (1)\n  Vestland: Signering 2027 venter på Tildelingsbrev mottatt – Norges forskningsråd og Regionale forskningsfond",
        ),
        (
            "nn",
            "Forseinka nasjonalt",
            "Signering 2027 (avtaleteksten er ikkje registrert; ventar òg på Tildelingsbrev motteke – Noregs forskingsråd og Regionale forskingsfond",
            "Signering ventar på andre (1)\n  Vestland: Signering 2027 ventar på Tildelingsbrev motteke – Noregs forskingsråd og Regionale forskingsfond",
        ),
    ):
        if form == "nn":
            assert bot.say("målform kanal nn", as_="admin", channel="nasjonal").ok
        text = _overview(bot, day=date(2027, 2, 1))
        assert (
            late in text
            and (
                "Noregs forskingsråd og Regionale forskingsfond"
                if form == "nn"
                else "Norges forskningsråd og Regionale forskningsfond"
            )
            + " (avtale 2027)"
            in text.split(late, 1)[1]
        ), text
        assert agder in text and vestland in text, text
        behind = text.split("(", 1)[1].split("\n\n", 1)[0]
        vestland_behind = [line for line in behind.splitlines() if "Vestland:" in line]
        assert vestland_behind and "Signering" not in vestland_behind[0], text  # not behind on what others hold up


# -- F3: `plan` says what it replaces, and asks first ---------------------------------------------------------
def test_plan_set_ahead_says_what_frames_this_year_and_one_that_replaces_asks_and_names_it() -> None:
    bot = two_regions(at=oslo(2026, 9, 14, 10))
    for person, ahead, asked, replaced in (
        (
            "kari",
            "gjelder 2028–2031, fra syklus 2028. Til da gjelder 2024–2027.",
            "Dette erstatter planperioden 2024–2027 (syklus 2026–2027), 2028–2031 (syklus 2028–2031).",
            "gjelder nå 2026–2029. Erstatter 2024–2027 (syklus 2026–2027), 2028–2031 (syklus 2028–2031).",
        ),
        (
            "per",
            "gjeld 2028–2031, frå syklus 2028. Til då gjeld 2024–2027.",
            "Dette erstattar planperioden 2024–2027 (syklus 2026–2027), 2028–2031 (syklus 2028–2031).",
            "gjeld no 2026–2029. Erstattar 2024–2027 (syklus 2026–2027), 2028–2031 (syklus 2028–2031).",
        ),
    ):
        reply = bot.say("plan 2028–2031", as_=person)
        assert reply.ok and ahead in reply.text, reply.text
        before = bot.snapshot()
        question = bot.say("plan 2026–2029", as_=person)
        assert not question.ok and asked in question.text, question.text
        assert bot.snapshot() == before  # asked: nothing written
        confirm = "bekreft" if person == "kari" else "stadfest"
        reply = bot.say(f"plan 2026–2029 {confirm}", as_=person)
        assert reply.ok and replaced in reply.text, reply.text
        for year in (2027, 2028, 2029):
            assert "Planperiode: 2026–2029" in bot.say(f"status {year}", as_=person).text
        assert "Planperiode: 2028–2031" not in bot.say("status 2030", as_=person).text  # replaced whole
