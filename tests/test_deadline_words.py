"""Minutes name a point's deadline with more words than «innen» (walk 10 X3): «senest/seinast», «før»,
«til», «ikke/ikkje senere/seinare enn», «by», «i løpet av <måned>» are read through the one date grammar
(`bot.dates.deadline`), in both written forms, and a date-looking phrase that none reads warns as «innen …»
does: a deadline is never lost silently. «til IN», «før møtet», «til 2028» name no date."""

from __future__ import annotations

import pytest

from bot.reminders.passes import plan_digests
from tests.driver import BotDriver, oslo
from tests.helpers import assert_recorded, spring_meeting_over


def _dues(bot: BotDriver, *, region: str, person: str, points: str) -> tuple[str, dict[str, str | None]]:
    reply = assert_recorded(bot, f"referat vår Godt møte. oppfølging: {points}", as_=person, channel=region)
    stored = bot.tables(f"cycle/{region}/2027")["milestones"]["regional-spring"]["outcome"]["followups"]
    return reply.text, {str(point["text"]).split()[0]: point["due"] for point in stored}


@pytest.mark.parametrize(
    ("region", "person", "words"),
    [
        ("agder", "kari", ("senest", "ikke senere enn")),
        ("vestland", "per", ("seinast", "ikkje seinare enn")),
    ],
)
def test_deadline_words_are_read_in_both_forms(region: str, person: str, words: tuple[str, str]) -> None:
    bot = spring_meeting_over(person=person)
    text, dues = _dues(
        bot,
        region=region,
        person=person,
        points=f"a @IN {words[0]} 15. oktober; b @SIVA før 1. oktober; c @NFR til 1. oktober; "
        f"d @IN {words[1]} 1/11; e @SIVA i løpet av september; f @NFR by 20. oktober; g @IN senest fredag",
    )
    assert dues == {
        "a": "2027-10-15",
        "b": "2027-10-01",  # «før 31. mars» is the day itself (README's date table)
        "c": "2027-10-01",
        "d": "2027-11-01",
        "e": "2027-09-30",
        "f": "2027-10-20",
        "g": "2027-04-23",
    }
    assert "⚠" not in text
    assert "a (Innovasjon Norge, inn" in text and "15. oktober 2027)" in text


def test_a_senest_point_is_reminded_and_then_overdue_to_its_owner() -> None:
    bot = spring_meeting_over(person="kari")
    _dues(bot, region="agder", person="kari", points="klyngetall @SIVA senest 15. oktober")
    texts = {
        day: " ".join(d.reply.text for d in plan_digests(core=bot.core, at=oslo(2027, 10, day, 9))) for day in (13, 18)
    }
    assert "klyngetall" in texts[13] and "15. oktober" in texts[13]
    assert "frist var 15. oktober 2027" in texts[18]


@pytest.mark.parametrize(
    ("region", "person", "warning"), [("agder", "kari", "Fristen"), ("vestland", "per", "Fristane")]
)
def test_a_date_looking_phrase_not_read_warns(region: str, person: str, warning: str) -> None:
    bot = spring_meeting_over(person=person)
    text, dues = _dues(
        bot,
        region=region,
        person=person,
        points="a @IN senest 31. februar; b @SIVA før 31. juni; c @NFR klyngetall 15. oktober; "
        "d @agder evaluering til dialogmøtet i november",
    )
    assert dues == {"a": None, "b": None, "c": None, "d": None}
    assert "⚠" in text and warning in text
    for phrase in ("«31. februar»", "«31. juni»", "«15. oktober»", "«i november»"):
        assert phrase in text


def test_til_and_for_without_a_date_are_no_deadline() -> None:
    bot = spring_meeting_over(person="kari")
    text, dues = _dues(
        bot,
        region="agder",
        person="kari",
        points="Utkast til styret @IN; Lese før møtet @SIVA; Tall til IN @NFR før 1. oktober; "
        "Budsjett til 2028 @IN; Svar til 3 aktører @SIVA; Rapport til 1. kvartal @NFR",
    )
    assert dues == {
        "Utkast": None,
        "Lese": None,
        "Tall": "2027-10-01",
        "Budsjett": None,
        "Svar": None,
        "Rapport": "2028-03-31",
    }
    assert "⚠" not in text and "Utkast til styret" in text and "Tall til IN" in text
