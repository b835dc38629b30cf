"""Follow-up points written as minutes are written (walk 14a F14, F15): as sentences («. », «, », «og»
between clauses each with its own owner and deadline) they are one point each, never one point per owner
with the last deadline; the headings people use («Oppfølgingspunkter:», nynorsk «Oppfølgingspunkt:»,
«Tiltak:», «Aksjonspunkter:») open the points as «oppfølging:» does. One task shared («@IN og @SIVA») stays
one task, a comma inside a point's words never cuts it, and two owners with two deadlines that cannot be
told apart are asked about, nothing saved."""

from __future__ import annotations

import pytest

from tests.driver import BotDriver, make_bot, oslo
from tests.helpers import assert_recorded, assert_refused

_PLACES = {"agder": ("kari", "høst"), "vestland": ("per", "haust")}


def _held_25_november() -> BotDriver:
    bot = make_bot(at=oslo(2026, 9, 2, 10))
    assert_recorded(bot, "dato høstmøte 5. november kl 10", as_="aud", channel="nasjonal")
    assert_recorded(bot, "dato høst 25. november", as_="kari", channel="agder")
    assert_recorded(bot, "dato haust 25. november", as_="per", channel="vestland")
    bot.set_time(2026, 11, 6, 9)
    assert_recorded(bot, "referat høstmøte Bra", as_="aud", channel="nasjonal")
    bot.set_time(2026, 11, 26, 9)
    return bot


def _points(bot: BotDriver, region: str) -> list[tuple[str, str, str | None]]:
    stored = bot.tables(f"cycle/{region}/2026")["milestones"]["regional-autumn"]["outcome"]["followups"]
    return sorted((point["owner"], point["text"], point["due"]) for point in stored)


@pytest.mark.parametrize("region", ["agder", "vestland"])
@pytest.mark.parametrize(
    "points",
    [
        "Oppfølging: Sende tall @IN innen 1. desember. Notat @SIVA innen 4. desember.",
        "Oppfølging: Sende tall @IN innen 1. desember, notat @SIVA innen 4. desember",
        "Oppfølging: Sende tall @IN innen 1. desember og notat @SIVA innen 4. desember",
        "oppfølging: @IN sender tall innen 1.12. @SIVA lager notat innen 4.12.",
        "oppfølging: Sende tall innen 1. desember @IN, notat innen 4. desember @SIVA",
        "oppfølging: IN sender tall innen 1. desember (@IN). Siva lager notat innen 4. desember (@SIVA).",
        "Oppfølgingspunkter: Sende tall @IN innen 1. desember; Notat @SIVA innen 4. desember",
        "Oppfølgingspunkt: Sende tall @IN innen 1. desember; Notat @SIVA innen 4. desember",
        "Oppfylgingspunkta: Sende tall @IN innen 1. desember. Notat @SIVA innen 4. desember",
        "Tiltak: Sende tall @IN innen 1. desember; Notat @SIVA innen 4. desember",
        "Aksjonspunkter:\n1. Sende tall @IN innen 1.12.\n2. Notat @SIVA innen 4.12.",
        "Vedtak: Ny arbeidsgruppe. Videre oppfølging: Sende tall @IN innen 1. desember. Notat @SIVA innen 4. desember",
    ],
)
def test_each_clause_with_its_own_owner_is_its_own_point(region: str, points: str) -> None:
    bot = _held_25_november()
    coordinator, meeting = _PLACES[region]
    words = points.replace("innen", "innan") if region == "vestland" else points
    reply = assert_recorded(bot, f"referat {meeting} Godt møte. {words}", as_=coordinator, channel=region)
    assert "2 oppfølgingspunkt" in reply.text
    owned = {owner: (text.lower(), due) for owner, text, due in _points(bot, region)}
    assert owned["IN"][1] == "2026-12-01" and "notat" not in owned["IN"][0] and "tall" in owned["IN"][0]
    assert owned["SIVA"][1] == "2026-12-04" and "tall" not in owned["SIVA"][0] and "notat" in owned["SIVA"][0]
    assert "Sende tall" not in bot.say("neste", as_="siri").text


@pytest.mark.parametrize(
    ("points", "expected"),
    [
        ("Lage felles tall @IN @SIVA innen 1. desember", {("IN", "Lage felles tall"), ("SIVA", "Lage felles tall")}),
        ("Lage felles tall @IN og @SIVA innen 1. desember", {("IN", "Lage felles tall"), ("SIVA", "Lage felles tall")}),
        ("Sende tall, budsjett og plan @IN innen 1. desember", {("IN", "Sende tall, budsjett og plan")}),
        (
            "Invitere @IN, @SIVA og @NFR til møte innen 1. desember",
            {("IN", "Invitere til møte"), ("SIVA", "Invitere til møte"), ("NFR", "Invitere til møte")},
        ),
        ("Kontakte IN, Siva og RFF @agder innen 1. desember", {("agder", "Kontakte IN, Siva og RFF")}),
    ],
)
def test_a_shared_task_or_a_comma_in_the_words_is_never_cut(points: str, expected: set[tuple[str, str]]) -> None:
    bot = _held_25_november()
    assert_recorded(bot, f"referat høst Godt møte. oppfølging: {points}", as_="kari", channel="agder")
    stored = _points(bot, "agder")
    assert {(owner, text) for owner, text, _due in stored} == expected
    assert {due for _owner, _text, due in stored} == {"2026-12-01"}


@pytest.mark.parametrize(
    ("who", "region", "command", "said"),
    [
        (
            "kari",
            "agder",
            "referat høst Bra. oppfølging: Sende tall @IN innen 1. desember og @SIVA innen 4. desember",
            "har flere frister",
        ),
        (
            "kari",
            "agder",
            "referat høst Bra. oppfølging: Sende tall @IN innen 1. desember. Notat innen 4. desember",
            "har flere frister",
        ),
        (
            "per",
            "vestland",
            "referat haust Bra. oppfølging: Sende tal @IN innan 1. desember og @SIVA innan 4. desember",
            "har fleire fristar",
        ),
        (
            "per",
            "vestland",
            "referat haust Bra. oppfølging: Sende tal @IN innan 1. desember, seinast 4. desember",
            "har fleire fristar",
        ),
    ],
)
def test_two_deadlines_in_one_point_are_asked_never_one_taken(who: str, region: str, command: str, said: str) -> None:
    bot = _held_25_november()
    assert_refused(bot, command, as_=who, channel=region, contains=said)


@pytest.mark.parametrize(
    ("region", "points", "dues", "said"),
    [
        (
            "agder",
            "Notat @SIVA innen to uker; Plan @NFR innen 14 dager; Tall @IN innen en måned",
            {"SIVA": "2026-12-09", "NFR": "2026-12-09", "IN": "2026-12-23"},
            "Fristen «to uker» [{SIVA}] er regnet fra møtedagen 25. november 2026: 9. desember 2026.",
        ),
        (
            "agder",
            "Notat @SIVA innen utgangen av måneden",
            {"SIVA": "2026-11-30"},
            "Fristen «utgangen av måneden» [{SIVA}] er regnet fra møtedagen 25. november 2026: 30. november 2026.",
        ),
        (
            "vestland",
            "Notat @SIVA innan ei veke; Tal @IN innan utgangen av månaden; Plan @NFR innan tre veker",
            {"SIVA": "2026-12-02", "IN": "2026-11-30", "NFR": "2026-12-16"},
            "Fristen «ei veke» [{SIVA}] er rekna frå møtedagen 25. november 2026: 2. desember 2026.",
        ),
    ],
)
def test_a_deadline_counted_from_the_meeting_is_read_from_its_held_day_and_said(
    region: str, points: str, dues: dict[str, str], said: str
) -> None:
    """«innen to uker», «innen 14 dager», «innan utgangen av månaden» (walk 14a F8): from the day the meeting
    was held (25 November), though the minutes are written on 30 November, and the reply says which day."""
    bot = _held_25_november()
    bot.set_time(2026, 11, 30, 9)
    coordinator, meeting = _PLACES[region]
    reply = assert_recorded(bot, f"referat {meeting} Godt møte. oppfølging: {points}", as_=coordinator, channel=region)
    stored = bot.tables(f"cycle/{region}/2026")["milestones"]["regional-autumn"]["outcome"]["followups"]
    assert {point["owner"]: point["due"] for point in stored} == dues
    assert said.format(**{point["owner"]: point["id"] for point in stored}) in reply.text
    assert "⚠️" not in reply.text


@pytest.mark.parametrize(
    ("region", "heading", "said"),
    [
        ("agder", "Oppfølgingsliste:", "Referatet nevner @IN, @SIVA, men ingen oppfølgingspunkter er lagret"),
        ("vestland", "Oppgåver vidare:", "Referatet nemner @IN, @SIVA, men ingen oppfølgingspunkt er lagra"),
    ],
)
def test_owners_under_a_heading_not_read_are_warned_of(region: str, heading: str, said: str) -> None:
    """A heading outside the word family keeps the text as the summary; the reply says the owners it names
    have no points, never a silent «0 oppfølgingspunkter» (walk 14a F15)."""
    bot = _held_25_november()
    coordinator, meeting = _PLACES[region]
    reply = assert_recorded(
        bot,
        f"referat {meeting} Godt møte. {heading} Sende tall @IN innen 1. desember. Notat @SIVA innen 4. desember",
        as_=coordinator,
        channel=region,
    )
    assert said in reply.text
    plain = assert_recorded(
        bot, f"referat {meeting} Takk til alle, nytt møte i mai bekreft", as_=coordinator, channel=region
    )
    assert "⚠️" not in plain.text


def test_tiltak_in_prose_without_an_owner_stays_the_summary() -> None:
    """«Tiltak:» may be prose as well as a heading: with no owner after it, it is the text it was in."""
    bot = _held_25_november()
    reply = assert_recorded(
        bot, "referat høst Vi drøftet tiltak: havvind og klynger. Oppfølging: Notat @SIVA innen 4. desember", as_="kari"
    )
    assert "1 oppfølgingspunkt." in reply.text
    shown = bot.say("referat vis høst", as_="kari").text
    assert "Vi drøftet tiltak: havvind og klynger." in shown
