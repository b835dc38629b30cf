"""Walk 27 F6, F7: a year far off is «… er for langt unna» (or too far back) in every command, typed as a
word or inside a numeric date; a day its month does not have, typed as «2026-02-30», is «30. februar finnes
ikke», as in every other form; a lookalike region (a Cyrillic letter) before the date is «Mente du …?», not
blamed on the date. Nothing is stored."""

from __future__ import annotations

import pytest

from tests.driver import make_bot, oslo

PERSON = {"nb": ("kari", "agder", "høst"), "nn": ("per", "vestland", "haust")}
FAR = {"nb": "er for langt unna", "nn": "er for langt unna"}
BACK = {"nb": "for langt tilbake", "nn": "for langt tilbake"}
MISSING = {"nb": "30. februar finnes ikke", "nn": "30. februar finst ikkje"}
MEANT = {"nb": "Mente du", "nn": "Meinte du"}


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_far_years_and_missing_days_are_named(lang: str) -> None:
    person, region, autumn = PERSON[lang]
    bot = make_bot(at=oslo(2026, 11, 2, 9))
    before = bot.snapshot()

    def said(text: str) -> str:
        reply = bot.say(text, as_=person, channel=region)
        assert not reply.ok, reply.text
        return reply.text

    for command in (f"signer {region} 1900", f"signer {region} 3000", "årshjul 1800", f"kvittering {region} 1900"):
        assert command[-4:] in said(command) and FAR[lang] in said(command), said(command)
    assert FAR[lang] in said(f"dato {autumn} {region} 2026 9999-12-31 10:00")
    assert BACK[lang] in said(f"dato {autumn} {region} 2026 0001-01-01 10:00")
    assert MISSING[lang] in said(f"dato {autumn} {region} 2026 2026-02-30 10:00")
    lookalike = region.replace("a", "\u0430", 1).replace("e", "\u0435", 1)  # Cyrillic а / е
    text = said(f"dato {autumn} {lookalike} 2026 2026-11-19 10:00")
    assert MEANT[lang] in text and "datoen" not in text, text
    assert bot.snapshot() == before
