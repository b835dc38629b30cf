"""Issue 18, "The model's timing" and what each party sees: each point driven as a person meets it, a
reminder pass's digest or a command's reply."""

from __future__ import annotations

from datetime import date
from itertools import pairwise

import pytest

from bot.messages import ChannelAddress
from bot.model.config import ConfigError, parse_config
from bot.reminders.passes import plan_digests
from bot.reminders.simulation import simulate
from tests.driver import BotDriver, make_bot, oslo, register_text
from tests.helpers import demo_text, make_config, replace_once


def two_regions(*, at) -> BotDriver:  # type: ignore[no-untyped-def]
    return make_bot(at=at, config=make_config(regions=("agder", "vestland")))


def digest(bot: BotDriver, channel: str) -> str:
    """The digest a reminder pass would post to the terminal channel now ("" when none)."""
    found = [
        d.reply.text
        for d in plan_digests(core=bot.core, at=bot.clock.now())
        if d.to.platform == "terminal" and d.to.channel_id == channel
    ]
    return found[0] if found else ""


def posted(bot: BotDriver, channel: str, *, start: date, end: date) -> dict[date, str]:
    """What the reminder passes from `start` to `end` post to a terminal channel, by day."""
    return {
        post.at.date(): post.digest.reply.text
        for post in simulate(bot.core, start=start, end=end, region=None)
        if post.digest.to.platform == "terminal" and post.digest.to.channel_id == channel
    }


def days_saying(posts: dict[date, str], *needles: str) -> list[date]:
    return [day for day, text in sorted(posts.items()) if all(needle in text for needle in needles)]


# -- 1. «Kall inn i god tid» counts from when the meeting may first be held --------------------------------
def test_au_is_told_to_summon_the_autumn_meeting_before_october_not_on_19_october() -> None:
    bot = two_regions(at=oslo(2027, 8, 1, 9))
    posts = posted(bot, "nasjonal", start=date(2027, 8, 1), end=date(2027, 11, 30))
    # 42 days before 1 October, the first day the meeting may be held; never again on 19 October.
    assert days_saying(posts, "Høstmøtet (nasjonalt) 2027", "Kall inn i god tid") == [date(2027, 8, 20)]


def test_the_county_councils_action_plan_leaves_room_for_its_agenda() -> None:
    bot = two_regions(at=oslo(2027, 9, 1, 9))
    posts = posted(bot, "agder", start=date(2027, 9, 1), end=date(2027, 12, 15))
    # Its papers go out 21 days before 15 December: reminded 42 and 14 days before that, not 14 before the deadline.
    assert days_saying(posts, "Handlingsplan 2028")[:2] == [date(2027, 10, 13), date(2027, 11, 10)]


@pytest.mark.parametrize("bad", ["agenda_days: -1", "agenda_days: 365"])
def test_the_agenda_room_is_validated(bad: str) -> None:
    text = replace_once(demo_text(), "agenda_days: 21", bad)
    with pytest.raises(ConfigError) as error:
        parse_config(text)
    assert "agenda_days" in str(error.value)


def test_a_lead_counts_from_the_anchor_or_the_opening_only() -> None:
    text = demo_text().replace("before: opens", "before: deadline")
    with pytest.raises(ConfigError) as error:
        parse_config(text)
    assert "before" in str(error.value)


# -- 2. the plan period is per cycle ------------------------------------------------------------------------
def test_next_periods_plan_leaves_this_years_status_and_a_period_is_four_years() -> None:
    bot = two_regions(at=oslo(2027, 10, 1, 9))
    refused = bot.say("plan 2028–2040", as_="kari")
    assert not refused.ok and "fire år" in refused.text and "13 år" in refused.text and "plan 2028–2031" in refused.text
    assert bot.say("plan 2028–2031", as_="kari").ok
    status = bot.say("status", as_="kari").text
    assert "Planperiode: 2024–2027" in status and "Neste planperiode: 2028–2031" in status
    assert "Planperiode: 2028–2031" in bot.say("status 2028", as_="kari").text
    bot.set_time(2028, 1, 12, 9)
    assert "Planperiode: 2028–2031" in bot.say("status", as_="kari").text
    assert "Planperiode: 2024–2027" in bot.say("status 2027", as_="kari").text


def test_a_plan_period_stored_before_issue_18_is_still_read() -> None:
    bot = two_regions(at=oslo(2026, 10, 1, 9))
    with bot.core.store.update("meta") as tables:
        tables.setdefault("plan_periods", {})["agder"] = {"period": "2024–2027", "by": "Kari", "at": "2026-01-01"}
    assert "Planperiode: 2024–2027" in bot.say("status", as_="kari").text
    assert bot.say("plan 2028–2031", as_="kari").ok
    assert "Planperiode: 2024–2027" in bot.say("status 2027", as_="kari").text
    assert "Planperiode: 2028–2031" in bot.say("status 2028", as_="kari").text


# -- 3. «Denne uken» is the calendar week; an overview with nothing new is one line, not the list again -------
def test_a_meeting_next_monday_is_coming_not_this_week() -> None:
    bot = two_regions(at=oslo(2027, 3, 1, 9))
    assert bot.say("dato vår 22. april kl 10", as_="kari").ok  # a Thursday
    bot.set_time(2027, 4, 20, 9)  # lead-2, Tuesday of the same week
    assert "Denne uken (1)" in digest(bot, "agder")
    bot2 = two_regions(at=oslo(2027, 3, 1, 9))
    assert bot2.say("dato vår 26. april kl 10", as_="kari").ok  # a Monday
    bot2.set_time(2027, 4, 22, 9)  # lead-2 falls on Thursday the week before
    text = digest(bot2, "agder")
    assert "Dialogmøte vår 2027" in text and "Denne uken" not in text and "Kommer (1)" in text


def test_the_weekly_overview_is_not_posted_again_when_nothing_is_new() -> None:
    bot = two_regions(at=oslo(2027, 1, 1, 9))
    overview_titles = ("Regioner på etterskudd", "Forsinket nasjonalt", "Ikke signert")
    overviews = [
        [
            (section.title, section.facts)
            for section in post.digest.reply.sections
            if section.title.startswith(overview_titles)
        ]
        for post in simulate(bot.core, start=date(2027, 1, 1), end=date(2027, 12, 31), region=None)
        if post.digest.to == ChannelAddress("terminal", "nasjonal") and post.digest.overview_id
    ]
    full = [overview for overview in overviews if overview]  # a week with nothing new says so in one line
    assert len(full) >= 3, "the overview still goes out when something is new"
    repeated = [a for a, b in pairwise(full) if a == b]
    assert not repeated, repeated[:1]


# -- 4. a week typed without a day: the reply says it took the Monday, as it says which month it took ---------
def test_dato_in_a_week_says_it_took_the_monday() -> None:
    bot = two_regions(at=oslo(2026, 10, 1, 9))
    reply = bot.say("dato høst uke 46", as_="kari", channel="agder")
    assert reply.ok and "mandag 9. november 2026" in reply.text
    assert "ingen dag skrevet, så mandagen i uke 46 er valgt" in reply.text
    vestland = bot.say("dato høst uke 46", as_="per", channel="vestland")
    assert "måndagen i veke 46" in vestland.text
    asked = bot.say("dato vår i april", as_="kari", channel="agder")
    assert asked.title == "Hvilken dag?"
    assert "ingen dag" not in bot.say("dato vår torsdag uke 16", as_="kari", channel="agder").text


# -- 5. an actor's `neste` lists the regional meetings it prepares for ------------------------------------------
def test_nfr_sees_the_regional_autumn_meetings_days_away() -> None:
    bot = two_regions(at=oslo(2027, 9, 1, 9))
    assert bot.say("dato høstmøte 20. oktober kl 10", as_="aud").ok  # the national meeting it follows is dated first
    assert bot.say("dato høst 5. november kl 10", as_="kari", channel="agder").ok
    assert bot.say("dato høst 9. november kl 10", as_="per", channel="vestland").ok
    bot.set_time(2027, 11, 2, 9)
    text = bot.say("neste", as_="nils", channel="nfr").text
    assert "Agder" in text and "Vestland" in text
    assert text.count("Dialogmøte høst 2027") + text.count("Administrativt dialogmøte høst") >= 2, text


# -- 6. AU's `neste` looks ahead as the digests do; the state budget is not AU's to do before the vote --------
def test_au_hears_what_falls_due_this_week_and_is_not_offered_the_state_budget_early() -> None:
    bot = make_bot(at=oslo(2027, 12, 14, 9))  # the day before fifteen action plans fall due
    text = bot.say("neste", as_="aud", channel="nasjonal").text
    assert "15 regioner har frist innen en uke: Handlingsplan 2028 (15 regioner)." in text
    bot.set_time(2027, 11, 3, 9)  # six weeks before the Storting votes
    mine = bot.say("neste", as_="aud", channel="nasjonal")
    assert "Statsbudsjettet vedtatt (avtale 2028)" not in _mine(mine.text), mine.text
    assert "Statsbudsjettet vedtatt (avtale 2028)" in mine.text  # still shown, as what comes
    bot.set_time(2027, 12, 17, 9)  # its reminder: from now AU records it once adopted
    assert "Statsbudsjettet vedtatt (avtale 2028)" in _mine(bot.say("neste", as_="aud", channel="nasjonal").text)


def _mine(text: str) -> str:
    """The «Du kan gjøre nå» part of a `neste` reply."""
    if "Du kan gjøre nå" not in text:
        return ""
    return text.split("Du kan gjøre nå", 1)[1].split("Ellers:", 1)[0]


# -- 7. an actor hears who the agreements wait on, and only in their season -----------------------------------
def test_in_hears_who_the_agreements_wait_on_and_not_in_october() -> None:
    bot = two_regions(at=oslo(2027, 1, 4, 9))
    for person in ("kari", "per"):
        assert bot.say("forutsetning budsjett 2027", as_=person).ok
    assert bot.say("forutsetning statsbudsjett 2027", as_="aud", channel="nasjonal").ok
    assert bot.say("forutsetning tildelingsbrev 2027", as_="ola").ok
    text = bot.say("neste", as_="ola", channel="in").text
    assert "2 avtaler venter på:" in text, text
    assert "Tildelingsbrev – Siva (2 regioner)" in text and "regionenes" not in text, text
    bot.set_time(2027, 10, 4, 9)
    assert "venter på" not in bot.say("neste", as_="ola", channel="in").text


# -- 8. «Klar til signering»: once, with a text, in the window ----------------------------------------------
def _all_but_the_budget(bot: BotDriver) -> None:
    assert bot.say("forutsetning statsbudsjett 2027", as_="aud", channel="nasjonal").ok
    for person in ("ola", "siri", "nils", "rita"):
        assert bot.say("forutsetning tildelingsbrev 2027", as_=person).ok
    assert bot.say("referat politisk agder 2027 Vedtatt i fylkestinget bekreft", as_="kari").ok


def _ready_titles(bot: BotDriver) -> list[str]:
    return [a.reply.title for a in bot.last.announcements if a.reply.title.startswith("Klar til signering")]


def test_ready_to_sign_is_told_once_with_a_text_in_the_window() -> None:
    bot = two_regions(at=oslo(2027, 1, 11, 9))
    _all_but_the_budget(bot)
    assert bot.say("forutsetning budsjett 2027", as_="kari", channel="agder").ok
    assert _ready_titles(bot) == []  # no text registered: nothing to sign yet
    register_text(bot, year=2027)
    assert len(set(_ready_titles(bot))) == 1  # the text made it ready: told once
    register_text(bot, year=2027, version=2)
    assert _ready_titles(bot) == []  # a second text the same day: not told again


def test_ready_to_sign_is_not_told_on_21_december() -> None:
    bot = two_regions(at=oslo(2026, 12, 21, 9))
    register_text(bot, year=2027)
    _all_but_the_budget(bot)
    assert bot.say("forutsetning budsjett 2027", as_="kari", channel="agder").ok
    assert _ready_titles(bot) == []


# -- 9. an overdue agreement is told to the region that answers for it, and to the party that has not signed ---
def test_an_overdue_agreement_goes_to_the_region_and_the_missing_actor() -> None:
    bot = two_regions(at=oslo(2027, 1, 11, 9))
    register_text(bot, year=2027)
    _all_but_the_budget(bot)
    assert bot.say("forutsetning budsjett 2027", as_="kari", channel="agder").ok
    assert bot.say("signer agder 2027", as_="kari", channel="agder").ok
    for person in ("siri", "nils", "rita"):
        assert bot.say("signer agder 2027", as_=person).ok
    bot.set_time(2027, 2, 1, 9)  # the first working day after the window
    region = digest(bot, "agder")
    assert "Signering 2027" in region and "Mangler signatur fra Innovasjon Norge. Agder følger opp" in region, region
    # The actor that has not signed hears it too, in its own channel (walk 5, N4: it fell silent when late);
    # the actors that signed do not.
    own = digest(bot, "in")
    assert "Signering 2027" in own and "Innovasjon Norge har ikke signert" in own, own
    assert "Signering 2027" not in digest(bot, "siva")


# -- 10. `status` in AU's channel points to `oversikt`; `signer` names the region it answers about -------------
def test_status_in_aus_channel_points_to_oversikt() -> None:
    bot = two_regions(at=oslo(2027, 3, 1, 9))
    reply = bot.say("status", as_="aud", channel="nasjonal")  # AU's national view, never «Hvilken region?» (walk 4, M1)
    assert reply.ok and reply.title == bot.say("oversikt", as_="aud", channel="nasjonal").title
    assert bot.say("status agder", as_="aud", channel="nasjonal").ok


def test_signer_names_the_other_region_it_answers_about() -> None:
    bot = two_regions(at=oslo(2027, 1, 11, 9))
    register_text(bot, year=2027, region="vestland")
    assert bot.say("forutsetning statsbudsjett 2027", as_="aud", channel="nasjonal").ok
    for person in ("ola", "siri", "nils", "rita"):
        assert bot.say("forutsetning tildelingsbrev 2027", as_=person).ok
    assert bot.say("forutsetning budsjett 2027", as_="per", channel="vestland").ok
    assert bot.say("referat politisk vestland 2027 Vedteke bekreft", as_="per", channel="vestland").ok
    assert bot.say("signer vestland 2027", as_="ola", channel="agder").ok
    again = bot.say("signer vestland 2027", as_="ola", channel="agder")
    assert again.title == "Allerede signert" and "Vestland fylkeskommune" in again.text, again.text
