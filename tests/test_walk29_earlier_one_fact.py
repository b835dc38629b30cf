"""Walk 29 F8 and F6: «Ikke fullført fra tidligere sykluser» held different things in `neste` and in `status`
and on the page. F8: on 5 January `neste` named AU's unheld autumn meeting of last cycle and moved the
region's own late meeting out of the line, while `status` and the page named the region's meeting alone.
F6: `status` ended the section with the open follow-up points of last cycle's meetings, `neste`'s line did not.
Now all three read one selection (`bot.facts.earlier_open.earlier_items` over `region_scopes`, and
`bot.shown.earlier_open.earlier_points`): compared on many days, in both written forms. `neste` names each
once (walk 32 F6): an item the asker acts on stands as its item under «Du kan gjøre nå», not in the line too,
and a point the asker's list of points shows stands there alone (walk 37)."""

from __future__ import annotations

import html
import re

import pytest

from bot.facts.earlier_open import earlier_items, region_scopes
from bot.i18n import using
from bot.reminders.lines import item_label
from bot.shown.earlier_open import earlier_points
from tests.driver import BotDriver, make_bot, oslo
from tests.helpers import status_page_html
from tests.test_earlier_open_one_rule import _line_names

FORMS = [  # person, region, autumn word, heading, the form's code, its confirm word
    ("kari", "agder", "høst", "Ikke fullført fra tidligere sykluser", "nb", "bekreft"),
    ("per", "vestland", "haust", "Ikkje fullført frå tidlegare syklusar", "nn", "stadfest"),
]
DAYS = [
    (2027, 1, 5),
    (2027, 1, 20),
    (2027, 2, 10),
    (2027, 6, 1),
    (2027, 9, 2),
    (2027, 12, 14),
    (2028, 1, 10),
    (2028, 2, 10),
    (2028, 9, 4),
]


def _page_section(bot: BotDriver, *, region: str, year: int, heading: str) -> str:
    page = status_page_html(bot.core, region=region, year=year)
    text = html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page)))
    return text.split(heading, 1)[1] if heading in text else ""


@pytest.mark.parametrize(("person", "region", "autumn", "heading", "lang", "confirm"), FORMS)
def test_neste_status_and_the_page_hold_the_same_earlier_items_and_points(
    person: str, region: str, autumn: str, heading: str, lang: str, confirm: str
) -> None:
    bot = make_bot(at=oslo(2026, 10, 5, 10))
    assert bot.say(f"dato {autumn} 17.-18. november", as_=person, channel=region).ok
    bot.set_time(2026, 11, 19, 15)
    # AU's autumn meeting never recorded: the nation's item of last cycle is in the region's section too
    text = f"referat {autumn} Godt møte. oppfølging: send innspill @ola innen 1. desember {confirm}"
    minuted = bot.say(text, as_=person, channel=region)
    assert minuted.ok, minuted.text
    point = minuted.buttons[0].command.split()[-1]
    config, compared, nation_seen, points_seen = bot.core.config, 0, False, False
    for day in DAYS:
        bot.set_time(*day, 9)
        today, year = oslo(*day).date(), day[0]
        state = bot.core.state
        neste = bot.say("neste", as_=person, channel=region)
        status = bot.say("status", as_=person, channel=region)
        assert str(year) in status.title, (day, status.title)
        items = earlier_items(config=config, state=state, regions=region_scopes(region), year=year, today=today)
        points = earlier_points(config=config, state=state, region=region, year=year, today=today)
        section = next((s.text for s in status.sections if s.title == heading), "")
        page = _page_section(bot, region=region, year=year, heading=heading)
        names = _line_names(neste.text, heading)
        acted = 0
        with using(lang):
            labels = [item_label(item) for item in items]
            for item in items:
                assert item.title() + ":" in section and item.title() in page, (day, item.title(), section)
                # named once in `neste`: in the line, or as the asker's own item to act on (walk 32 F6)
                as_item = f"• {item.title()}" in neste.text or f"• ⚠ {item.title()}" in neste.text
                assert (item_label(item) in names) != as_item, (day, item_label(item), neste.text)
                acted += as_item
        for open_point in points:
            assert f"[{open_point.id}]" in section and f"[{open_point.id}]" in page, (day, section)
            # named once in `neste`: in the line, or in the asker's own points with its «Ferdig» (walk 37)
            in_line = any(f"oppfølgingspunkt {open_point.id})" in name for name in names)
            assert in_line != (f"[{open_point.id}]" in neste.text), (day, neste.text)
            acted += not in_line
        # nothing more on one surface than on the others
        assert len(section.splitlines()) == len(items) + len(points), (day, section)
        assert len(names) + acted == len(labels) + len(points), (day, names, labels)
        if not items and not points:
            assert heading not in status.text and not page and heading not in neste.text, (day, neste.text)
        compared += len(items) + len(points)
        nation_seen |= any(item.region is None for item in items)
        points_seen |= any(p.id == point for p in points)
    assert compared >= 8 and nation_seen and points_seen  # both scopes and a point were compared, not empty lists
