"""walk 20 F-f: in January, `status` and the status page of cycle Y name last cycle's unfinished item that
this cycle's treatment comes after (the autumn meeting whose minutes are missing), as `neste` does, so the
chain that holds up the signing does not end at the treatment. Gone once its minutes are recorded. One
section with what walk 19 F4 asked for (last cycle's open points and unsigned agreement): one fact decides
what earlier cycles left unfinished (bot.facts.earlier_open)."""

from __future__ import annotations

import html
import re

import pytest

from tests.driver import make_bot, oslo
from tests.helpers import status_page_html

CASES = [  # who, region, autumn, the section's title, the meeting, the confirm word
    ("kari", "agder", "høst", "Ikke fullført fra tidligere sykluser", "Administrativt dialogmøte høst 2026", "bekreft"),
    (
        "per",
        "vestland",
        "haust",
        "Ikkje fullført frå tidlegare syklusar",
        "Administrativt dialogmøte haust 2026",
        "stadfest",
    ),
]


@pytest.mark.parametrize(("person", "region", "autumn", "title", "meeting", "confirm"), CASES)
def test_last_cycles_meeting_the_treatment_waits_on_is_named(
    person: str, region: str, autumn: str, title: str, meeting: str, confirm: str
) -> None:
    bot = make_bot(at=oslo(2026, 10, 5, 10))
    assert bot.say(f"dato {autumn} 17.-18. november", as_=person, channel=region).ok
    bot.set_time(2027, 1, 5, 9, 30)
    status = bot.say("status", as_=person, channel=region)
    assert title in status.text and meeting in status.text, status.text
    earlier = next(section for section in status.sections if section.title == title)
    assert meeting in earlier.text, earlier.text
    page = html.unescape(
        re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", status_page_html(bot.core, region=region, year=2027)))
    )
    assert title in page and meeting in page, page
    # AU's autumn meeting of 2026 is the region's cycle's too (walk 29 F8): the section goes once both are held
    assert bot.say("referat høstmøte 2026 Holdt.", as_="aud").ok
    assert bot.say(f"referat {autumn} {region} 2026 Holdt. {confirm}", as_=person, channel=region).ok
    assert title not in bot.say("status", as_=person, channel=region).text
    page = status_page_html(bot.core, region=region, year=2027)
    assert html.escape(title) not in page and title not in page


@pytest.mark.parametrize(("person", "region", "autumn", "title", "meeting", "confirm"), CASES)
def test_the_running_cycles_work_is_not_called_late_from_the_next_cycle(
    person: str, region: str, autumn: str, title: str, meeting: str, confirm: str
) -> None:
    """Walk 24 F1: from September to December, `status <region> 2027` and its page named autumn 2026's meeting
    «På overtid (frist 31.12.2026)» while `status` said «om 106 dager»: until its deadline it is the running
    cycle's own work, not something an earlier cycle left unfinished."""
    bot = make_bot(at=oslo(2026, 10, 5, 10))
    assert bot.say(f"dato {autumn} 17.-18. november", as_=person, channel=region).ok
    for day in ((2026, 10, 6), (2026, 11, 16)):  # before the meeting: nothing of it is late yet
        bot.set_time(*day, 9)
        status = bot.say(f"status {region} 2027", as_=person, channel=region)
        assert title not in status.text and "31.12.2026" not in status.text, status.text
        page = status_page_html(bot.core, region=region, year=2027)
        assert html.escape(title) not in page and title not in page
