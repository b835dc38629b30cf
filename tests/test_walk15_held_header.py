"""walk 15 N6, N7: minutes headed as Word or e-mail minutes are («Dato: 3. desember 2026», «Møtedato:
03.12.2026», «Tid og sted:», «Referat fra møte 3.12.26», a date line at the top) name the day the meeting was
held; deadlines count from it, and the reply says when it is not the planned day."""

from __future__ import annotations

import pytest

from tests.driver import BotDriver
from tests.walk14a_steps import AUTUMN, PERSON
from tests.walk15_steps import autumn_held

HEADERS = {
    "nb": [
        "Dato: 3. desember 2026\nSted: Kristiansand",
        "Møtedato: 03.12.2026",
        "Tid og sted: torsdag 3. desember kl. 10–14, Kristiansand",
        "Referat fra møte 3.12.26",
        "Referat fra dialogmøte\nTid: 03.12.2026 kl. 10.00–14.00",
        "Møte 3. desember",
        "3. desember 2026\nGodt møte.",
    ],
    "nn": [
        "Dato: 3. desember 2026\nStad: Molde",
        "Møtedato: 03.12.2026",
        "Tid og stad: torsdag 3. desember kl. 10–14, Molde",
        "Referat frå møte 3.12.26",
        "Møte 3. desember",
    ],
}
CASES = [(lang, header) for lang, headers in HEADERS.items() for header in headers]
SAID = {
    "nb": "Planlagt dag var 26. november 2026; teksten sier 3. desember 2026, så 3. desember 2026 er registrert.",
    "nn": "Planlagd dag var 26. november 2026; teksten seier 3. desember 2026, så 3. desember 2026 er registrert.",
}
POINTS = {
    "nb": "\n\nOppfølging:\n• Notat @IN innen to uker\n• Tall @Siva innen fredag",
    "nn": "\n\nOppfølging:\n• Notat @IN innan to veker\n• Tal @Siva innan fredag",
}


def _autumn_meeting_held(*, planned: bool) -> BotDriver:
    """The national autumn meeting held 5 November 2026; each region's own meeting planned 26 November, or
    never dated."""
    dated = tuple((person, region, f"dato {AUTUMN[lang]} 26. november") for lang, (person, region) in PERSON.items())
    return autumn_held(dated=dated if planned else ())


def _recorded(bot: BotDriver, *, lang: str, header: str) -> tuple[str, dict]:
    person, region = PERSON[lang]
    reply = bot.say(f"referat {AUTUMN[lang]} {header}{POINTS[lang]}", as_=person, channel=region)
    assert reply.ok, reply.text
    return reply.text, bot.tables(f"cycle/{region}/2026")["milestones"]["regional-autumn"]


@pytest.mark.parametrize(("lang", "header"), CASES)
def test_a_header_date_is_the_held_day_over_a_stale_plan_and_the_reply_says_so(lang: str, header: str) -> None:
    bot = _autumn_meeting_held(planned=True)
    bot.set_time(2026, 12, 7, 10)
    text, doc = _recorded(bot, lang=lang, header=header)
    assert doc["done_at"].startswith("2026-12-03"), doc["done_at"]
    assert SAID[lang] in text
    dues = {point["owner"]: point["due"] for point in doc["outcome"]["followups"]}
    assert dues == {"IN": "2026-12-17", "SIVA": "2026-12-04"}  # from the meeting, never from 26 November


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_a_header_date_on_an_undated_meeting_wins_over_today_after_new_year(lang: str) -> None:
    bot = _autumn_meeting_held(planned=False)
    bot.set_time(2027, 1, 11, 10)
    text, doc = _recorded(bot, lang=lang, header=HEADERS[lang][0])
    assert doc["done_at"].startswith("2026-12-03"), doc["done_at"]
    assert "2027" not in doc["done_at"] and "11. januar" not in text
    assert {point["owner"]: point["due"] for point in doc["outcome"]["followups"]} == {
        "IN": "2026-12-17",
        "SIVA": "2026-12-04",
    }


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_a_header_naming_the_planned_day_says_nothing_more(lang: str) -> None:
    bot = _autumn_meeting_held(planned=True)
    bot.set_time(2026, 12, 7, 10)
    text, doc = _recorded(bot, lang=lang, header="Dato: 26.11.2026")
    assert doc["done_at"].startswith("2026-11-26")
    assert "Planlagt dag" not in text and "Planlagd dag" not in text


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_referat_vis_keeps_the_pasted_lines(lang: str) -> None:
    """walk 15 N8: the minutes read whole keep the lines they were pasted in; `status` shows them on one line,
    and the same paste again changes nothing."""
    bot = _autumn_meeting_held(planned=True)
    bot.set_time(2026, 12, 7, 10)
    person, region = PERSON[lang]
    header = "REFERAT – DIALOGMØTE\nTid: 26.11.2026 kl. 10.00–14.00\n  Sted:   Kristiansand\n\nTil stede: Kari, Per"
    line = f"referat {AUTUMN[lang]} {header}{POINTS[lang]}"
    assert bot.say(line, as_=person, channel=region).ok
    shown = bot.say(f"referat vis {AUTUMN[lang]}", as_=person, channel=region).text
    lines = [line.strip() for line in shown.splitlines()]
    first = lines.index("REFERAT – DIALOGMØTE")
    assert lines[first : first + 4] == [
        "REFERAT – DIALOGMØTE",
        "Tid: 26.11.2026 kl. 10.00–14.00",
        "Sted: Kristiansand",
        "Til stede: Kari, Per",
    ], shown
    status = bot.say("status 2026", as_=person, channel=region).text
    assert "REFERAT – DIALOGMØTE Tid: 26.11.2026" in status, status
    before = bot.snapshot()
    assert bot.say(line, as_=person, channel=region).ok
    assert bot.snapshot() == before


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_the_today_note_offers_the_day_the_text_names(lang: str) -> None:
    """walk 15 N7: an undated meeting whose text names a day only in passing («Godt møte 3.12 i Molde») is
    recorded today, and the note's example and command carry the text's day, not an arbitrary one; the
    command it offers moves the held day there. Typed while the window is open (walk 19 F6: typed after it
    closed, the text's day is taken instead of today, tests/test_walk19_minutes_named_day.py)."""
    bot = _autumn_meeting_held(planned=False)
    bot.set_time(2026, 12, 20, 10)
    person, region = PERSON[lang]
    reply = bot.say(f"referat {AUTUMN[lang]} Godt møte 3.12 i Molde.", as_=person, channel=region)
    assert reply.ok, reply.text
    confirm = {"nb": "bekreft", "nn": "stadfest"}[lang]
    held = {"nb": "holdt", "nn": "halde"}[lang]
    command = f"dato {AUTUMN[lang]} {region} 2026 3. desember {confirm}"
    assert f"«{command}»" in reply.text and f"«{held} 3. desember»" in reply.text, reply.text
    moved = bot.say(command, as_=person, channel=region)
    assert moved.ok, moved.text
    doc = bot.tables(f"cycle/{region}/2026")["milestones"]["regional-autumn"]
    assert doc["done_at"].startswith("2026-12-03"), doc
