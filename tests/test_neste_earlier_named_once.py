"""Walk 32 F6: Agder's `neste` on 5 January 2027 named the unheld autumn meeting of 2026 twice, in its opening
line «Ikke fullført fra tidligere sykluser: …, Dialogmøte høst 2026» and as the item «⚠ Administrativt
dialogmøte høst 2026» under «Du kan gjøre nå». What the asker acts on is named once now, as the item (its
deadline and what to type); the line keeps what others act on, in both written forms and for AU alike."""

from __future__ import annotations

import pytest

from tests.driver import make_bot, oslo

FORMS = [  # person, region, the line's heading, named in the line, the asker's own (named once, as an item)
    (
        "kari",
        "agder",
        "Ikke fullført fra tidligere sykluser:",
        "Høstmøtet (nasjonalt) 2026",
        "Administrativt dialogmøte høst 2026",
    ),
    (
        "per",
        "vestland",
        "Ikkje fullført frå tidlegare syklusar:",
        "Haustmøtet (nasjonalt) 2026",
        "Administrativt dialogmøte haust 2026",
    ),
    (
        "aud",
        "akershus",
        "Ikke fullført fra tidligere sykluser:",
        "Dialogmøte høst 2026",
        "Nasjonalt temamøte høst (høstmøtet) 2026",
    ),
]


@pytest.mark.parametrize(("person", "region", "heading", "in_line", "own"), FORMS)
def test_the_askers_own_unheld_meeting_is_named_once_as_its_item(
    person: str, region: str, heading: str, in_line: str, own: str
) -> None:
    bot = make_bot(at=oslo(2027, 1, 5, 10))
    channel = "nasjonal" if person == "aud" else region
    text = bot.say(f"neste {region}", as_=person, channel=channel).text
    line = next(line for line in text.splitlines() if line.startswith(heading))
    assert in_line in line, line
    assert f"• ⚠ {own}" in text, text
    label = own.split(" ", 2)[2].capitalize() if person != "aud" else "Høstmøtet (nasjonalt) 2026"
    assert label not in line, line
    # `status` still names the region's under the earlier cycles' heading (one fact, `bot.facts.earlier_open`).
    status = bot.say(f"status {region}", as_=person, channel=channel)
    assert any("dialogmøte h" in (section.text or "") for section in status.sections), status.text
