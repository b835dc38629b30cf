"""Walk 34 F6: a `?år=` the page cannot read («2027abc», «-1», a year far off) showed this year's cycle without a
word. The page still shows the cycle `status` shows, with a short line at the top that the link's year was not
read and which cycle is shown, in the page's written form; a year it reads has no such line. Over HTTP."""

from __future__ import annotations

import html
from urllib.parse import quote

import pytest

from tests.driver import make_bot, oslo

from .harness import link_in, serving

PEOPLE = {"nb": ("kari", "agder"), "nn": ("per", "vestland")}
NOTE = {
    "nb": "i lenken kunne ikke leses (skriv et år fra 2021 til 2031); siden viser syklus 2026.",
    "nn": "i lenkja kunne ikkje lesast (skriv eit år frå 2021 til 2031); sida viser syklus 2026.",
}


@pytest.mark.parametrize("lang", ["nb", "nn"])
@pytest.mark.parametrize("typed", ["99999999999999999999", "-1", "0", "2027abc", "٢٠٢٧", "2099", "<b>"])
async def test_a_year_not_read_is_said_on_the_page(lang: str, typed: str) -> None:
    person, region = PEOPLE[lang]
    bot = make_bot(at=oslo(2026, 10, 5, 9))
    page = link_in(bot.say("status", as_=person).text, f"/status/{region}")
    async with serving(bot.core) as server:
        fetched = await server.get(page + "&%C3%A5r=" + quote(typed))
    assert fetched.status == 200
    assert "<b>" not in fetched.text.split("<main")[0].split("</h1>")[1]  # escaped, never markup
    shown = html.unescape(fetched.text)
    assert f"Året «{typed}» {NOTE[lang]}" in shown, shown[:2000]
    assert "syklus 2026" in shown


@pytest.mark.parametrize("lang", ["nb", "nn"])
async def test_a_year_read_or_not_given_has_no_note(lang: str) -> None:
    person, region = PEOPLE[lang]
    bot = make_bot(at=oslo(2026, 10, 5, 9))
    page = link_in(bot.say("status", as_=person).text, f"/status/{region}")
    async with serving(bot.core) as server:
        read = html.unescape((await server.get(page + "&%C3%A5r=2027")).text)
        plain = html.unescape((await server.get(page)).text)
    assert "syklus 2027" in read
    for text in (read, plain):
        assert "kunne ikke leses" not in text and "kunne ikkje lesast" not in text
