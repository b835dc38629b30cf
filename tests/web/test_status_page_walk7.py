"""Walk 7 F5, F6, F7: the status page and the feed say what chat's `status` says: an agreement signed before
the bot took over is that, not five missing signatures; the instruction «avtale <lenke>» shows as typed; a
meeting that is over without minutes is not «Planlagt» as if still to come. In both written forms."""

from __future__ import annotations

import html

import pytest

from tests.driver import make_bot, oslo

from .harness import link_in, serving

PEOPLE = {"nb": ("kari", "agder"), "nn": ("per", "vestland")}
NOT_SIGNED = {"nb": "Ikke signert ennå", "nn": "Ikkje signert enno"}
BEFORE = {"nb": "Før boten (ikke fulgt opp)", "nn": "Før boten (ikkje følgt opp)"}
LINK_WORD = {"nb": "lenke", "nn": "lenkje"}
MISSING = {"nb": "møtet er over; referatet mangler", "nn": "møtet er over; referatet manglar"}
PLANNED = {"nb": "Planlagt 08.12.2026", "nn": "Planlagd 08.12.2026"}


@pytest.mark.parametrize("lang", ["nb", "nn"])
async def test_the_page_says_what_chat_says(lang: str) -> None:
    person, region = PEOPLE[lang]
    bot = make_bot(at=oslo(2026, 11, 26, 9))
    assert bot.say("dato høst 8. desember kl 12", as_=person).ok
    bot.set_time(2026, 12, 17, 9)
    chat = bot.say(f"status {region} 2026", as_=person).text
    assert MISSING[lang] in chat
    page_2026 = link_in(chat, f"/status/{region}")
    page_2027 = link_in(bot.say(f"status {region} 2027", as_=person).text, f"/status/{region}")
    feed = link_in(bot.say("kalender", as_=person).text, f"/kalender/{region}.ics")
    async with serving(bot.core) as server:
        before = html.unescape((await server.get(page_2026)).text)
        after = (await server.get(page_2027)).text
        ics = (await server.get(feed)).text.replace("\r\n ", "").replace("\\;", ";").replace("\\,", ",")
    # F5: agreement 2026 was signed before the bot: no party «not signed yet», no instruction to register it.
    assert NOT_SIGNED[lang] not in before and BEFORE[lang] in before
    assert "Samhandlingsbot tok over" in before and f"avtale <{LINK_WORD[lang]}>" not in before
    # F6: the instruction's placeholder is escaped, so the browser shows it.
    assert f"«avtale &lt;{LINK_WORD[lang]}&gt;»" in after
    # F7: the autumn meeting of 8 December is over and lacks minutes, on the page and in the feed.
    assert f"08.12.2026: {MISSING[lang]}" in before and PLANNED[lang] not in before
    assert MISSING[lang] in ics


PREPARING = {"nb": "Forberedelse av avtalen 2027", "nn": "Førebuing av avtalen 2027"}


@pytest.mark.parametrize("lang", ["nb", "nn"])
async def test_the_calendar_years_page_lists_the_next_agreements_open_items_below(lang: str) -> None:
    # Walk 7 F8: in December chat's `status` lists «Under: det som er åpent for avtalen 2027»; the page of the
    # calendar year's cycle (2026) had no such section, only the 2026 table.
    person, region = PEOPLE[lang]
    bot = make_bot(at=oslo(2026, 12, 17, 9))
    chat = bot.say("status", as_=person).text
    assert PREPARING[lang] in chat
    page = link_in(chat, f"/status/{region}")
    async with serving(bot.core) as server:
        shown = html.unescape((await server.get(page)).text)
        year_2027 = html.unescape((await server.get(page + "&år=2027")).text)
    own, below = shown.split(PREPARING[lang], 1)
    assert "syklus 2026" in own and "2027" in below.split("</table>")[0]
    table = below.split("</table>")[0]
    for title in ("Politisk", "2027"):  # the political treatment of the 2027 draft, open, as chat lists it
        assert title in chat.split(PREPARING[lang], 1)[1] and title in table
    assert PREPARING[lang] not in year_2027  # the next cycle's own page has its table, not a section of itself
