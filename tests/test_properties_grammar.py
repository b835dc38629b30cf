"""Property-based, hostile, for today's grammar: time zones after a time, follow-up deadline words, a planned
date taken back (`dato høst avlyst`), a time alone, month parts, `logg … side N`, `referat vis … tidligere`,
a precondition's day, party and people's names after @, `person @x region rolle Navn`. Random and hostile
words (control characters, direction marks, zero-width spaces, emoji, Slack mrkdwn, HTML, SQL-ish, other
scripts' digits, impossible days and times, nested deadline words, 200 points) through every recording and
read command, as every role, in every kind of channel, on the terminal and on Slack. Invariants: an answer,
never «Noe gikk galt»; a refusal leaves the store byte-identical, announces nothing, and is short.
A fixed seed and bounded examples keep the run short (a few seconds)."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.messages import Outcome, Request
from tests.driver import BotDriver, make_bot, oslo, record_all_preconditions
from tests.helpers import spring_meeting_over

COMMANDS = ["neste", "status", "status agder", "oversikt", "årshjul", "logg", "logg agder 2027 side", "hjelp"]
COMMANDS += [
    "dato høst",
    "dato vår",
    "dato haust",
    "dato politisk",
    "dato handlingsplan",
    "dato vårmøte",
    "dato høst kl",
]
COMMANDS += ["dato høst avlyst", "referat vår", "referat høst", "referat vis høst", "referat vis vår agder tidligere"]
COMMANDS += ["forutsetning budsjett vedtatt", "forutsetning statsbudsjett", "forutsetning tildelingsbrev mottatt"]
COMMANDS += ["signer IN agder 2027", "oppdrag IN sendt", "oppdrag RFF ingen", "avtale versjon", "kvittering"]
COMMANDS += ["person @eva agder rådgiver", "person @x region rolle", "koble region", "koble organisasjon", "bli med"]
COMMANDS += [
    "ikke aktuelt",
    "plan",
    "varsel",
    "kalender",
    "forlat",
    "ferdig",
    "hvem",
    "ja",
    "DATO",
    "/samhandling dato",
]
DATES = ["22. april kl 10", "midten av november", "slutten av mars", "kl 13", "kl 13 CET", "uke 46", "torsdag uke 46"]
DATES += ["26. november 2026 10:00 (Greenwich Mean Time)", "14.04.2027 10:00 UTC+0", "i løpet av september", "før jul"]
DATES += ["innen jul", "fredag 14-16", "den 27.", "20.-28. april", "trettiende november", "første mandag i mars"]
HOSTILE = ["\x00", "\x1b[2J", "\u202e", "\u200f", "\u200b", "\ufeff", "\t", "\r\n", "😀", "👨‍👩‍👧", "İ", "\u0301"]
HOSTILE += ["<@U0KARI>", "<@UNOBODY>", "<!channel>", "<!here>", "<#C0AGDER|agder>", "*fet*", "`kode`", "```x```"]
HOSTILE += ["<script>alert(1)</script>", "&lt;", "'; DROP TABLE state; --", '" OR 1=1', "%s%n", "{0}", "${jndi:x}"]
HOSTILE += ["١٢", "１２", "١٢.١١", "１２．１１", "²", "½", "Ⅻ", "𝟙𝟚", "0", "9999", "99999", "1. mai 0", "1.5.99999"]
HOSTILE += [
    "kl 24:00",
    "kl 23:60",
    "31.02",
    "29.02.2027",
    "0. januar",
    "uke 0",
    "uke 54",
    "innen innen",
    "senest før til",
]
HOSTILE += ["UTC+99", "GMT+25", "UTC-13:99", "Europe/Narnia", "side 0", "side ²", "side " + "9" * 40, "vedtatt"]
HOSTILE += ["tidligere tidligere", "avlyst avlyst", "@", "@Innovasjon Norge", "@Ola Berg", "@ukjent person", "bekreft"]
WORDS = ["agder", "vestland", "2026", "2027", "2028", "IN", "SIVA", "høst", "vår", "tidligere", "side 2", "avlyst"]
OWNERS = ["@IN", "@SIVA", "@Innovasjon Norge", "@Ola Berg", "@Kari Nordmann", "@ukjent", "@", "<@U0OLA>", ""]
DEADLINES = ["innen", "senest", "før", "til", "frist", "innen innen", "i løpet av", "ikke senere enn", "by", ""]
TERMINAL = [("kari", "agder"), ("per", "vestland"), ("kari", "nasjonal"), ("ola", "in"), ("ola", "agder")]
TERMINAL += [("siri", "siva"), ("aud", "nasjonal"), ("aud", "agder"), ("admin", "nasjonal"), ("admin", "agder")]
TERMINAL += [("rita", "rff"), ("kari", "ingen-kanal"), ("ukjent", "ingen-kanal"), ("ukjent", "agder")]
SLACK = [("U0KARI", "C0AGDER"), ("U0AUD", "C0NASJONAL"), ("U0OLA", "C0INAGDER"), ("U0NOBODY", "C0NOWHERE")]
SLACK += [("U0ADMIN", "D0DIRECT")]
SEATS = [("terminal", *seat) for seat in TERMINAL] + [("slack", *seat) for seat in SLACK]

point = st.builds(
    lambda n, owner, deadline, when: f"punkt{n} {owner} {deadline} {when}",
    st.integers(0, 999),
    st.sampled_from(OWNERS),
    st.sampled_from(DEADLINES),
    st.sampled_from(DATES + HOSTILE),
)
points = st.lists(point, min_size=1, max_size=12).map(lambda each: " oppfølging: " + "; ".join(each))
junk = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=15)
word = st.one_of(st.sampled_from(DATES), st.sampled_from(HOSTILE), st.sampled_from(WORDS), junk)
separator = st.sampled_from([" ", " ", "  ", "\u00a0", "\u200b", "\t", "\n"])
typed = st.builds(
    lambda command, words, sep, tail: sep.join([command, *words]) + tail,
    st.sampled_from(COMMANDS),
    st.lists(word, max_size=6),
    separator,
    st.one_of(st.just(""), st.just(""), points),
)


def _bots() -> list[BotDriver]:
    """Three states: January with the 2027 agreement ready to sign, the day of a spring meeting (minutes
    in order), and November with the autumn meetings dated."""
    ready = make_bot(at=oslo(2027, 1, 12, 9))
    record_all_preconditions(ready, year=2027)
    autumn = make_bot(at=oslo(2026, 11, 23, 9))
    assert autumn.say("dato høstmøte 5. november kl 10", as_="aud").ok
    assert autumn.say("dato høst 26. november kl 10", as_="kari").ok
    return [ready, spring_meeting_over(person="kari"), autumn]


BOTS = _bots()


def stored_bytes(bot: BotDriver) -> bytes:
    """The whole store as bytes: a refusal must leave it byte-identical."""
    return json.dumps(bot.snapshot(), sort_keys=True, default=str, ensure_ascii=False).encode()


def check(bot: BotDriver, *, text: str, platform: str, user: str, channel: str) -> Outcome:
    before = stored_bytes(bot)
    outcome = bot.core.handle(Request(platform=platform, user_id=user, channel_id=channel, text=text))
    reply = outcome.reply
    assert isinstance(outcome, Outcome) and reply.text, text
    assert "Noe gikk galt" not in reply.text and "Noko gjekk gale" not in reply.text, (text, reply.text)
    assert "Traceback" not in reply.text
    if not reply.ok:
        assert stored_bytes(bot) == before, f"refused {text[:80]!r} but the state changed"
        assert outcome.announcements == ()
        assert len(reply.text) <= 700, reply.text
        assert not any(ch in reply.text for ch in "\x00\x1b\u202e\u200b\u200f"), repr(reply.text)
    return outcome


@settings(max_examples=150, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(text=typed, seat=st.sampled_from(SEATS), which=st.integers(0, len(BOTS) - 1))
def test_new_grammar_with_hostile_words_as_anyone_anywhere(text: str, seat: tuple[str, str, str], which: int) -> None:
    platform, user, channel = seat
    check(BOTS[which], text=text, platform=platform, user=user, channel=channel)


@pytest.mark.parametrize(
    "text",
    [
        "dato høst 12. november kl 10 GMT+25",  # timezone() raised past ±24 h
        "dato høst 12. november kl 10 UTC+99",
        "dato vår 22. april kl 10 UTC-13:99",
        "dato vår i løpet av september 14.04.2027 10:00 UTC+0 GMT+25",
        "logg agder 2027 side ²",  # «²» is a digit to str.isdigit, and int() refuses it
        "logg side " + "9" * 5000,  # past 4,300 digits int() refuses them too
        "avtale versjon ²",
        "kvittering versjon " + "9" * 50,
        "ja ²",
        "forutsetning budsjett vedtatt " + "ø" * 3000,  # the unread day was echoed whole
        "referat vis høst agder tidligere " + "ø" * 3000,
    ],
)
def test_inputs_that_once_crashed_or_echoed_a_paste(text: str) -> None:
    for bot in BOTS:
        for platform, user, channel in (("terminal", "kari", "agder"), ("terminal", "aud", "nasjonal")):
            check(bot, text=text, platform=platform, user=user, channel=channel)


def test_a_zone_offset_no_place_uses_is_no_zone() -> None:
    from bot.dates.zones import zone_named

    assert zone_named("UTC+14") is not None and zone_named("GMT-12") is not None
    assert zone_named("UTC+99") is None and zone_named("GMT+25") is None and zone_named("UTC+01:75") is None


def test_two_hundred_points_with_a_deadline_each_are_recorded_whole_or_not_at_all() -> None:
    """Through the minutes' form (a field, as a typed line, stops at 4,000 characters since walk 40): every one
    of 120 points keeps its deadline; 200 hostile ones are recorded whole or refused with the store untouched."""
    bot = spring_meeting_over(person="kari")
    words = ("innen", "senest", "før", "til", "frist")
    many = "\n".join(f"punkt{n} @IN {words[n % len(words)]} 15. oktober" for n in range(120))
    before = stored_bytes(bot)
    assert bot.say("referat vår", as_="kari", fields={"sammendrag": "Godt møte", "oppfolging": many}).ok
    assert stored_bytes(bot) != before
    stored = bot.tables("cycle/agder/2027")["milestones"]["regional-spring"]["outcome"]["followups"]
    assert len(stored) == 120 and {point["due"] for point in stored} == {"2027-10-15"}
    hostile = "\n".join(f"p{n} @Ola Berg innen innen {HOSTILE[n % len(HOSTILE)]}" for n in range(200))
    before = stored_bytes(bot)
    reply = bot.say("referat vår", as_="kari", fields={"sammendrag": "Nytt", "oppfolging": hostile})
    assert "Noe gikk galt" not in reply.text
    if not reply.ok:
        assert stored_bytes(bot) == before and len(reply.text) <= 700


def test_direction_marks_and_word_joiners_are_cleaned_from_what_is_stored_and_quoted() -> None:
    """A right-to-left mark pasted with a deadline was stored in the point and quoted in the warning."""
    bot = spring_meeting_over(person="kari")
    typed = "a @IN innen \u200fsnart\u200e; b @SIVA innen \u2060\u061c15. oktober"
    reply = bot.say(
        "referat vår", as_="kari", fields={"sammendrag": "Godt møte", "oppfolging": typed.replace("; ", "\n")}
    )
    assert reply.ok, reply.text
    stored = bot.tables("cycle/agder/2027")["milestones"]["regional-spring"]["outcome"]["followups"]
    marks = "\u200e\u200f\u2060\u061c"
    assert not any(mark in str(point) for point in stored for mark in marks), stored
    assert not any(mark in reply.text for mark in marks)
    assert [point["due"] for point in stored] == [None, "2027-10-15"]
