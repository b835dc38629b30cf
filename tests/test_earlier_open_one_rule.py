"""Issue 18's last note: `neste`'s «Ikke fullført fra tidligere sykluser» line chose its items by a rule of
its own (a superseded cycle's items past their deadline) while `status` and the status page read
`bot.facts.earlier_open`. `neste` now reads the fact too: on every day, what `status` and the page name under
that heading is what `neste` names in its line, or offers as the caller's own to do (with its year) while a
write without a year still means it; and the line names nothing the fact does not (the nation's own items
beside the region's, `region=None`)."""

from __future__ import annotations

import html
import re

import pytest

from bot.facts.earlier_open import earlier_unfinished
from bot.i18n import using
from bot.reminders.lines import item_label
from tests.driver import BotDriver, make_bot, oslo
from tests.helpers import status_page_html

FORMS = [  # person, region, autumn word, heading, the form's code
    ("kari", "agder", "høst", "Ikke fullført fra tidligere sykluser", "nb"),
    ("per", "vestland", "haust", "Ikkje fullført frå tidlegare syklusar", "nn"),
]
DAYS = [(2027, 1, 5), (2027, 2, 10), (2027, 10, 1), (2027, 12, 14), (2028, 1, 10), (2028, 2, 10), (2028, 6, 1)]


def _line_names(text: str, heading: str) -> list[str]:
    """The names in `neste`'s one line, without its closing «(skriv årstallet …)»."""
    if heading + ": " not in text:
        return []
    line = text.split(heading + ": ", 1)[1].split("\n", 1)[0]
    line = re.split(r"\. | \(skriv", line, maxsplit=1)[0].rstrip(".")
    return [name.strip() for name in re.split(r", (?![^()]*\))", line)]


def _page_text(bot: BotDriver, *, region: str, year: int) -> str:
    page = status_page_html(bot.core, region=region, year=year)
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page)))


@pytest.mark.parametrize(("person", "region", "autumn", "heading", "lang"), FORMS)
def test_neste_status_and_the_page_name_the_same_earlier_items(
    person: str, region: str, autumn: str, heading: str, lang: str
) -> None:
    bot = make_bot(at=oslo(2026, 10, 5, 10))
    assert bot.say(f"dato {autumn} 17.-18. november", as_=person, channel=region).ok
    config, seen = bot.core.config, 0
    for day in DAYS:
        bot.set_time(*day, 9)
        today, year = oslo(*day).date(), day[0]
        neste = bot.say("neste", as_=person, channel=region)
        status = bot.say("status", as_=person, channel=region)
        page = _page_text(bot, region=region, year=year)
        own = earlier_unfinished(config=config, state=bot.core.state, region=region, year=year, today=today)
        nation = earlier_unfinished(config=config, state=bot.core.state, region=None, year=year, today=today)
        with using(lang):
            labels = {item.ident: item_label(item) for item in own + nation}
            titles = {item.ident: item.title() for item in own}
        section = next((s.text for s in status.sections if s.title == heading), "")
        neste_titles = {s.title.lstrip("⚠ ").strip() for s in neste.sections if s.title}
        names = _line_names(neste.text, heading)
        for item in own:  # the region's: the same on all three surfaces
            assert titles[item.ident] + ":" in section, (day, titles[item.ident], status.text)
            assert titles[item.ident] in page, (day, titles[item.ident])
            assert labels[item.ident] in names or titles[item.ident] in neste_titles, (day, item.ident, neste.text)
            seen += 1
        if not own:
            assert heading not in status.text and heading not in page, (day, status.text)
        # nothing in neste's line that the fact does not name
        assert set(names) <= set(labels.values()), (day, names, labels)
    assert seen >= 5  # both years' earlier items were compared, not an empty list
