"""Walk 14b F7: an actor's `neste` lists the regional meetings it prepares for as soon as they are dated, in
date order, within the one horizon `neste` looks ahead for anything (a national meeting 198 days off was
shown while dialogue meetings two months off were not, until 42 days before)."""

from __future__ import annotations

import pytest

from tests.driver import make_bot, oslo


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_dated_regional_meetings_show_in_an_actors_neste_at_once(lang: str) -> None:
    bot = make_bot(at=oslo(2026, 9, 14, 10))
    assert bot.say("dato høstmøte 22. oktober kl 10", as_="aud").ok
    assert bot.say("dato høst 12. november kl 10", as_="kari").ok
    if lang == "nn":
        assert bot.say("målform kanal nn", as_="admin", channel="nfr").ok
    before = bot.say("neste", as_="nils", channel="nfr")
    assert "Vestland" not in before.text, before.text  # undated: Vestland's to set, nothing to prepare yet
    assert bot.say("dato haust 19. november kl 9", as_="per").ok
    reply = bot.say("neste", as_="nils", channel="nfr")
    titles = [section.title for section in reply.sections]
    agder = next(i for i, title in enumerate(titles) if title.endswith("– Agder"))
    vestland = next(i for i, title in enumerate(titles) if title.endswith("– Vestland"))
    spring = next(i for i, title in enumerate(titles) if "2027" in title and "vår" in title)
    assert agder < vestland < spring, titles  # in date order, before the national meeting of the spring
