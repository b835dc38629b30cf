"""Issue 18, walk11 findings fixed in part fixw: one rule for a year far off (M1), a misspelt month after
the day's number gets «Mente du» (M4)."""

from __future__ import annotations

from datetime import date

import pytest

from adapters.web.ics import render_ics
from bot.shown.web_links import feed_by_name, token_of
from tests.driver import BotDriver, make_bot, oslo
from tests.test_model_timing import posted


@pytest.mark.parametrize(
    ("person", "text", "says"),
    [
        ("kari", "status 2099", "2099 er for langt unna"),
        ("per", "status 2099", "2099 er for langt unna"),
        ("aud", "oversikt 2099", "2099 er for langt unna"),
        ("per", "oversyn 2099", "2099 er for langt unna"),
    ],
)
def test_a_read_of_a_year_decades_away_is_refused_like_a_write(person: str, text: str, says: str) -> None:
    bot = make_bot(at=oslo(2027, 1, 12, 9))
    before = bot.snapshot()
    reply = bot.say(text, as_=person)
    assert not reply.ok and says in reply.text, reply.text
    assert bot.snapshot() == before
    assert bot.say("status 2030", as_=person).ok  # a plan period set ahead is still readable
    assert bot.say("status 2025", as_=person).ok  # and history


@pytest.mark.parametrize(("person", "meant"), [("kari", "Mente du «dato vår "), ("per", "Meinte du «dato vår ")])
@pytest.mark.parametrize("typed", ["aprl 22", "22. aprl", "22 apri"])
def test_a_four_letter_misspelt_month_gets_a_did_you_mean(person: str, meant: str, typed: str) -> None:
    bot = make_bot(at=oslo(2027, 3, 8, 10))
    before = bot.snapshot()
    reply = bot.say(f"dato vår {typed}", as_=person)
    assert not reply.ok and meant in reply.text, reply.text
    assert "april" in reply.text.split("te du")[-1], reply.text
    assert bot.snapshot() == before


@pytest.mark.parametrize(
    ("person", "channel", "papers"), [("kari", "agder", "sakspapirene"), ("per", "vestland", "sakspapira")]
)
def test_the_agenda_day_is_named_only_while_it_is_ahead(person: str, channel: str, papers: str) -> None:
    for start, named in ((date(2027, 11, 1), True), (date(2027, 12, 6), False)):
        bot = make_bot(at=oslo(2027, 9, 6, 10))
        assert bot.say("dato handlingsplan torsdag 9. desember", as_=person).ok
        posts = posted(bot, channel, start=start, end=start)
        line = next(line for line in posts[start].splitlines() if "Handlingsplan 2028" in line)
        assert "vedtak 9. desember 2027" in line and (f"{papers} går ut 18. november" in line) is named, line


def _meeting_event(bot: BotDriver, feed_name: str, title: str) -> str:
    feed = feed_by_name(bot.core.config, feed_name)
    assert feed is not None
    view = bot.core.calendar(feed=feed_name, token=token_of(bot.core.state, feed.link_id, environ={}), environ={})
    assert view is not None
    ics = render_ics(title="t", events=view.events, now=bot.clock.now(), tz_name=view.tz_name).decode()
    return next(block for block in ics.split("BEGIN:VEVENT") if title in block and "Frist" not in block)


@pytest.mark.parametrize(
    ("person", "region", "title", "held"),
    [
        ("kari", "agder", "Administrativt dialogmøte høst 2026", "holdt"),
        ("per", "vestland", "Administrativt dialogmøte haust 2026", "halde"),
    ],
)
def test_a_held_day_after_a_moved_plan_is_the_day_every_surface_shows(
    person: str, region: str, title: str, held: str
) -> None:
    bot = make_bot(at=oslo(2026, 9, 7, 10))
    assert bot.say("dato høstmøte 5. november kl 10", as_="aud").ok
    assert bot.say("dato høst torsdag 19. november kl 10", as_=person).ok
    bot.set_time(2026, 10, 5, 10)
    assert bot.say("dato høst 3. desember kl 10", as_=person).ok
    bot.set_time(2026, 11, 6, 10)
    assert bot.say("referat høstmøte Godt møte", as_="aud").ok
    bot.set_time(2026, 12, 7, 10)
    reply = bot.say(f"referat høst Godt møte {held} 19. november", as_=person)
    assert reply.ok, reply.text
    status = bot.say("status 2026", as_=person).text
    assert "3. desember" not in status and "19. november 2026" in status, status
    assert "20261119" in _meeting_event(bot, region, title)
    assert "20261203" not in _meeting_event(bot, region, title)
    assert "20261119" in _meeting_event(bot, "in", f"{title.replace('haust', 'høst')} – {region.capitalize()}")


FORMS = [
    (
        "kari",
        "holdt",
        "bekreft",
        "ble holdt 19. november 2026, før Nasjonalt temamøte høst",
        "Registrert utenfor modellens rekkefølge",
    ),
    (
        "per",
        "halde",
        "stadfest",
        "vart halde 19. november 2026, før Nasjonalt temamøte haust",
        "Registrert utanfor rekkjefølgja",
    ),
]


@pytest.mark.parametrize(("person", "held", "confirm", "asked", "outside"), FORMS)
def test_a_day_held_before_the_national_meeting_is_asked_and_marked_once_its_minutes_are_in(
    person: str, held: str, confirm: str, asked: str, outside: str
) -> None:
    bot = make_bot(at=oslo(2026, 9, 7, 10))
    assert bot.say("dato høstmøte 26. november kl 10", as_="aud").ok
    assert bot.say("dato høst 3. desember kl 10", as_=person).ok
    bot.set_time(2026, 11, 27, 10)
    assert bot.say("referat høstmøte Godt møte", as_="aud").ok
    bot.set_time(2026, 12, 7, 10)
    before = bot.snapshot()
    question = bot.say(f"referat høst Godt møte {held} 19. november", as_=person)
    assert not question.ok and asked in question.text and "(26. november 2026)" in question.text, question.text
    assert bot.snapshot() == before
    reply = bot.say(f"referat høst Godt møte {held} 19. november {confirm}", as_=person)
    assert reply.ok, reply.text
    status = bot.say("status 2026", as_=person).text
    assert outside in status and "(26. november 2026)" in status, status


@pytest.mark.parametrize(("person", "held", "confirm", "asked", "outside"), FORMS)
def test_a_mark_for_a_national_meeting_not_yet_recorded_goes_once_au_records_it_held_earlier(
    person: str, held: str, confirm: str, asked: str, outside: str
) -> None:
    bot = make_bot(at=oslo(2026, 9, 7, 10))
    assert bot.say("dato høstmøte 5. november kl 10", as_="aud").ok
    assert bot.say("dato høst torsdag 19. november kl 10", as_=person).ok
    bot.set_time(2026, 11, 19, 17)
    assert not bot.say("referat høst Godt møte", as_=person).ok
    assert bot.say(f"referat høst Godt møte {confirm}", as_=person).ok
    assert outside in bot.say("status 2026", as_=person).text  # true while AU has not recorded it
    bot.set_time(2026, 11, 26, 10)
    assert bot.say("referat høstmøte Godt møte", as_="aud").ok
    status = bot.say("status 2026", as_=person).text
    assert outside not in status and "Merknad" not in status, status
    history = bot.say("logg 2026", as_=person).text
    assert "rekkefølge" in history or "rekkjefølgj" in history, history  # what was said then stays


@pytest.mark.parametrize(
    ("person", "region", "confirm", "example"),
    [("kari", "agder", "bekreft", "f.eks."), ("per", "vestland", "stadfest", "t.d.")],
)
@pytest.mark.parametrize("words", ["veka etter påske", "uka etter påske", "over påske"])
def test_easter_words_after_easter_name_this_years_open_meeting_and_next_years(
    person: str, region: str, confirm: str, example: str, words: str
) -> None:
    bot = make_bot(at=oslo(2027, 4, 7, 10))
    before = bot.snapshot()
    reply = bot.say(f"dato vår {words}", as_=person)
    assert bot.snapshot() == before
    asked = f"For Regionalt dialogmøte vår 2027 er {words} passert: skriv dagen, {example} «dato vår 22. april kl 10»"
    assert asked in reply.text, reply.text  # this year's open meeting named, a day asked for
    assert [button.command for button in reply.buttons] == [
        f"dato vår {region} 2028 2028-04-18 {confirm}"
    ]  # the Tuesday: never Easter Monday (walk 14a F4)
