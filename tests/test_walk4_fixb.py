"""The fourth year walk's findings on recording commands and held dates (/tmp/walk4 S2, S3, S4, m1), driven as
a person would (tests/driver.py): the day a meeting was held is the meeting's day, never silently the day the
minutes were typed, and a date typed is kept whole or the reply says what was not kept."""

from __future__ import annotations

import pytest

from tests.driver import BotDriver, make_bot, oslo

PEOPLE = {"nb": "kari", "nn": "per"}
CONFIRM = {"nb": "bekreft", "nn": "stadfest"}
HELD = {"nb": "holdt", "nn": "halde"}


def _status_lines(bot: BotDriver, person: str, *, starts: str) -> list[str]:
    return [line.strip() for line in bot.say("status", as_=person).text.splitlines() if line.strip().startswith(starts)]


@pytest.mark.parametrize("lang", ["nb", "nn"])
@pytest.mark.parametrize("typed", ["Vi møttes 6. mai.", "Godt møte, holdt 6. mai i Bergen", "halde den 6. mai"])
def test_minutes_name_the_day_the_meeting_was_held(lang: str, typed: str) -> None:
    """S3: «referat vår Vi møttes 6. mai.» typed 12 May with no date planned was held «12. mai»."""
    bot = make_bot(at=oslo(2027, 5, 12, 10))
    person = PEOPLE[lang]
    reply = bot.say(f"referat vår {typed} {CONFIRM[lang]}", as_=person)
    assert reply.ok, reply.text
    assert f"{HELD[lang]} 6. mai 2027" in reply.text
    assert "12. mai" not in reply.text
    status = _status_lines(bot, person, starts="Status: Ferdig")
    assert status == [f"Status: Ferdig ({HELD[lang]}) 6. mai 2027"]
    overview = bot.say("oversikt", as_="aud").text
    region = "Agder" if lang == "nb" else "Vestland"
    rows = overview.split(f"• {region}\n", 1)[1].split("\n\n", 1)[0]
    assert "Dialogmøte vår: ✓ 06.05" in rows


def _recorded(typed: str, *, lang: str, at: tuple[int, ...]) -> tuple[BotDriver, str]:
    """A bot at `at` in which the person of `lang` has typed `typed` with the confirm word: the reply's text."""
    bot = make_bot(at=oslo(*at))
    reply = bot.say(f"{typed} {CONFIRM[lang]}", as_=PEOPLE[lang])
    assert reply.ok, reply.text
    return bot, reply.text


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_a_treatment_names_its_day_across_the_new_year(lang: str) -> None:
    """S3: «referat politisk Vedteke 17. desember» on 5 January was «handsama 5. januar 2027»."""
    typed = "Vedtatt 17. desember" if lang == "nb" else "Vedteke 17. desember"
    _bot, text = _recorded(f"referat politisk {typed}", lang=lang, at=(2027, 1, 5, 10))
    assert "17. desember 2026" in text and "5. januar" not in text


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_minutes_without_a_day_say_which_day_was_recorded_and_how_to_mend_it(lang: str) -> None:
    bot, text = _recorded("referat vår Godt møte", lang=lang, at=(2027, 5, 12, 10))
    person = PEOPLE[lang]
    region = "agder" if lang == "nb" else "vestland"
    assert f"{HELD[lang]} 12. mai 2027" in text
    mend = f"dato vår {region} 2027 <dag> {CONFIRM[lang]}"
    assert mend in text
    mended = bot.say(mend.replace("<dag>", "6. mai"), as_=person)
    assert mended.ok, mended.text
    assert _status_lines(bot, person, starts="Status: Ferdig") == [f"Status: Ferdig ({HELD[lang]}) 6. mai 2027"]


def test_minutes_with_a_planned_day_keep_it_and_name_it() -> None:
    bot = make_bot(at=oslo(2027, 4, 1, 10))
    assert bot.say("dato vår 22. april kl 10", as_="kari").ok
    bot.clock.set(oslo(2027, 4, 26, 9))
    reply = bot.say("referat vår Godt møte bekreft", as_="kari")
    assert "holdt 22. april 2027" in reply.text and "Ingen dato var satt" not in reply.text
    again = bot.say("referat vår Nytt sammendrag bekreft", as_="kari")  # a replaced outcome keeps its day
    assert "holdt 22. april 2027" in again.text


@pytest.mark.parametrize("typed", ["holdt 20. mai", "holdt 6. mai 2026"])
def test_a_held_day_that_cannot_be_is_refused_and_changes_nothing(typed: str) -> None:
    bot = make_bot(at=oslo(2027, 5, 12, 10))
    before = bot.snapshot()
    reply = bot.say(f"referat vår Godt møte, {typed} bekreft", as_="kari")
    assert not reply.ok, reply.text
    assert "kan ikke ha vært holdt" in reply.text
    assert bot.snapshot() == before


@pytest.mark.parametrize(
    ("typed", "held"),
    [
        ("Vi møttes tirsdag", "holdt 11. mai 2027"),  # 12 May 2027 is a Wednesday: the Tuesday that has been
        ("Godt møte vedtak: Vedtatt å møtes 20. oktober", "holdt 12. mai 2027"),  # a decision's day is no held day
    ],
)
def test_a_weekday_is_the_one_that_has_been_and_a_decisions_day_is_not_read(typed: str, held: str) -> None:
    _bot, text = _recorded(f"referat vår {typed}", lang="nb", at=(2027, 5, 12, 10))
    assert held in text


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_dato_on_a_held_meeting_asks_and_names_the_held_day(lang: str) -> None:
    """S4: `dato vår 29. april` after the minutes of 22 April moved the planned date silently."""
    bot = make_bot(at=oslo(2027, 4, 1, 10))
    person = PEOPLE[lang]
    assert bot.say("dato vår 22. april", as_=person).ok
    bot.clock.set(oslo(2027, 4, 22, 15))
    assert bot.say(f"referat vår Godt møte {CONFIRM[lang]}", as_=person).ok
    before = bot.snapshot()
    ahead = bot.say("dato vår 29. april", as_=person)
    assert not ahead.ok
    assert f"registrert som {HELD[lang]} 22. april 2027" in ahead.text
    asked = bot.say("dato vår 20. april", as_=person)
    assert f"registrert som {HELD[lang]} 22. april 2027" in asked.text
    assert "Påminnelser går ut" not in asked.text and "Påminningar går ut" not in asked.text
    assert bot.snapshot() == before
    assert asked.buttons and asked.buttons[0].command.endswith(CONFIRM[lang])
    moved = bot.say(asked.buttons[0].command, as_=person)
    assert moved.ok, moved.text
    assert "Påminnelser går ut" not in moved.text and "Påminningar går ut" not in moved.text
    assert _status_lines(bot, person, starts="Status: Ferdig") == [f"Status: Ferdig ({HELD[lang]}) 20. april 2027"]
    assert all("20. april 2027" in line for line in _status_lines(bot, person, starts="Planlagt"))


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_a_time_typed_with_a_two_day_meeting_is_its_start(lang: str) -> None:
    """S2: «dato vår 22.-23. april kl 10» dropped the time, and after «22.-23. april» said nothing changed."""
    bot = make_bot(at=oslo(2027, 2, 1, 9, 30))
    person = PEOPLE[lang]
    first = bot.say("dato vår 22.-23. april", as_=person)
    assert first.ok and "23. april" in first.text
    for typed in ("22.–23. april kl 10", "22.-23. april kl 10"):
        reply = bot.say(f"dato vår {typed}", as_=person)
        assert reply.ok, reply.text
        assert "kl. 10.00" in reply.text
        assert "23. april" in reply.text  # the end day is said not to be kept
    assert "kl. 10.00" in bot.say("status", as_=person).text


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_an_end_day_typed_again_is_said_not_kept(lang: str) -> None:
    """m1: «22.-23. oktober» after «22. oktober kl 10» answered «Allerede registrert» without the end day."""
    bot = make_bot(at=oslo(2026, 9, 14, 10))
    person = "aud" if lang == "nb" else "per"
    command = "dato høstmøte" if lang == "nb" else "dato haust"
    assert (
        lang == "nb" or bot.say("dato høstmøte 20. oktober kl 10", as_="aud").ok
    )  # the national meeting it follows is dated first
    assert bot.say(f"{command} 22. oktober kl 10", as_=person).ok
    reply = bot.say(f"{command} 22.-23. oktober", as_=person)
    assert "23. oktober" in reply.text and "kl. 10.00" in reply.text
