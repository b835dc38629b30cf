"""An optional item past its suggested date (the assignment agreements after 31 January) is one state on every
surface (`ItemState.OPTIONAL_PAST`): chat said «valgfritt, ikke på overtid» while the status page said «Åpen,
frist …» as if the deadline were ahead. The page, the feed, the picture, `oversikt` and the Teams card now
carry chat's words, in bokmål and nynorsk, on the same day."""

from __future__ import annotations

from datetime import date

import pytest

from adapters.teams.cards import render_card
from bot.i18n import using
from bot.messages import ItemState, Reply
from bot.shown.feeds import feed_events
from bot.shown.status_data import region_page
from bot.shown.web_links import Feed
from bot.shown.wheel_picture import build_picture
from tests.driver import make_bot, oslo
from tests.helpers import status_page_html

DAY = date(2027, 2, 10)
FORMS = [
    ("kari", "agder", "nb", "valgfritt, ikke på overtid", "Valgfritt, ikke på overtid (frist 31.01.2027)"),
    ("per", "vestland", "nn", "valfritt, ikkje på overtid", "Valfritt, ikkje på overtid (frist 31.01.2027)"),
]


@pytest.mark.parametrize(("person", "region", "lang", "chat_words", "page_words"), FORMS)
def test_an_optional_item_past_its_date_reads_the_same_on_every_surface(
    person: str, region: str, lang: str, chat_words: str, page_words: str
) -> None:
    bot = make_bot(at=oslo(2027, 2, 10, 9))
    status = bot.say(f"status {region} 2027", as_=person)
    section = next(s for s in status.sections if s.title.startswith(("Oppdragsavtaler", "Oppdragsavtalar")))
    assert section.state is ItemState.OPTIONAL_PAST and not section.title.startswith("⚠")
    assert any(chat_words in fact.value for fact in section.facts), section
    card = str(render_card(Reply(title=status.title, text="", sections=(section,))))
    assert chat_words in card and "⚠" not in card and "Attention" not in card
    with using(lang):
        page = region_page(config=bot.core.config, state=bot.core.state, region=region, year=2027, today=DAY)
        cell = next(line.cell for line in page.items if line.title.startswith(("Oppdragsavtaler", "Oppdragsavtalar")))
        assert cell.text == page_words and cell.state == "open"
        events = feed_events(
            config=bot.core.config, state=bot.core.state, feed=Feed(kind="region", key=region), today=DAY
        )
        event = next(e for e in events if e.item == f"milestone:assignments:2027:{region}" and e.kind == "deadline")
        assert page_words in event.description and "Åpen" not in event.description
        picture = build_picture(
            config=bot.core.config,
            state=bot.core.state,
            params={"view": "region", "region": region, "year": "2027", "lang": lang},
            today=DAY,
        )
        assert picture is not None
        arc = next(a for a in picture.arcs if "Oppdragsavtal" in a.label)
        assert page_words.lower() in arc.title and arc.state == "open"
        nation = build_picture(
            config=bot.core.config,
            state=bot.core.state,
            params={"view": "nation", "year": "2027", "lang": lang},
            today=DAY,
        )
        assert nation is not None
        assert any("oppdragsavtal" in a.title.lower() and page_words.lower() in a.title for a in nation.arcs)
    wheel = bot.say("årshjul 2027", as_=person).text
    assert any("Oppdragsavtal" in line and chat_words in line for line in wheel.splitlines()), wheel
    html = status_page_html(bot.core, region=region, year=2027)
    assert page_words in html and "Åpen, frist 31.01.2027" not in html and "Open, frist 31.01.2027" not in html
    overview = bot.say("oversikt 2027", as_="aud", channel="nasjonal")
    cell_fact = next(
        fact
        for s in overview.sections
        for fact in s.facts
        if fact.label.startswith("Oppdragsavtaler") and s.title in ("Agder", "Vestland")
    )
    assert cell_fact.state is ItemState.OPTIONAL_PAST and "valgfritt, ikke på overtid" in cell_fact.value


def test_before_its_date_the_optional_item_is_open_and_answered_it_is_done() -> None:
    bot = make_bot(at=oslo(2027, 1, 12, 9))
    page = region_page(config=bot.core.config, state=bot.core.state, region="agder", year=2027, today=date(2027, 1, 12))
    cell = next(line.cell for line in page.items if line.title.startswith("Oppdragsavtaler"))
    assert cell.text == "Åpen, frist 31.01.2027"
