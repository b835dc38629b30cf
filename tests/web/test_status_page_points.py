"""Walk 9 W3: a region's status page lists the follow-up points of each meeting's minutes as chat's `status`
does (the same words, ids, due dates and «på overtid»), from the one function that says them, in both
written forms; a point dropped by replaced minutes is on neither."""

from __future__ import annotations

import html
import re

import pytest

from tests.helpers import spring_meeting_over, status_page_html

PEOPLE = {"nb": ("kari", "agder"), "nn": ("per", "vestland")}
LATE = {"nb": "på overtid", "nn": "på overtid"}


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_the_page_lists_the_points_chat_status_lists(lang: str) -> None:
    person, region = PEOPLE[lang]
    bot = spring_meeting_over(person=person)
    first = bot.say(
        "referat vår Godt møte. oppfølging: tall @IN @SIVA innen 1. oktober; rapport @IN innen 15. mai", as_=person
    )
    assert first.ok, first.text
    bot.set_time(2027, 4, 23, 9)
    replaced = "referat vår Godt møte. oppfølging: tall @IN innen 1. oktober; rapport @IN innen 15. mai bekreft"
    assert bot.say(replaced, as_=person).ok
    bot.set_time(2027, 12, 30, 10)
    chat = bot.say(f"status {region} 2027", as_=person)
    said = next(fact.value for section in chat.sections for fact in section.facts if fact.label == "Oppfølging")
    lines = said.split("; ")
    assert len(lines) == 2 and all(LATE[lang] in line for line in lines), said
    page = html.unescape(status_page_html(bot.core, region=region, year=2027))
    for line in lines:  # the same words, id, due date and overdue mark
        assert f"<li>{line}</li>" in page, line
    ids_on_page = set(re.findall(r"\[([A-Z0-9]{4})\]", page))
    ids_in_chat = set(re.findall(r"\[([A-Z0-9]{4})\]", said))
    assert ids_on_page == ids_in_chat  # the point dropped with the first minutes is on neither
