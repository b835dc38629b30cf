"""Walk 18 (fixal) F3: after a coordinator leaves, `status` names her party as owner of her open point, as
the successor's `ferdig` lists it as her own."""

from __future__ import annotations

import pytest

from tests.driver import make_bot, oslo


@pytest.mark.parametrize(
    ("form", "handed"), [("nb", "overtatt etter Kari Nordmann"), ("nn", "overteke etter Kari Nordmann")]
)
def test_status_names_the_party_for_a_departed_owners_point(form: str, handed: str) -> None:
    bot = make_bot(at=oslo(2027, 4, 22, 15))
    assert bot.say("dato vår 22. april", as_="kari").ok
    minutes = (
        "referat vår Godt møte. oppfølging: lage notat @kari innen 15. mai; sende liste @ola innen 20. mai bekreft"
    )
    assert bot.say(minutes, as_="kari").ok
    assert "lage notat (Kari Nordmann" in bot.say("status", as_="kari", channel="agder").text
    bot.set_time(2027, 4, 26, 9)
    assert bot.say("forlat agder @kari bekreft", as_="admin", channel="nasjonal").ok
    assert bot.say("person @nina agder koordinator Nina Ny", as_="admin", channel="nasjonal").ok
    assert bot.say(f"målform {form}", as_="nina", channel="agder").ok
    assert "lage notat" in bot.say("ferdig", as_="nina", channel="agder").text
    bot.set_time(2027, 5, 17, 9)
    status = bot.say("status", as_="nina", channel="agder").text
    assert f"lage notat (Agder fylkeskommune, {handed}" in status, status
    assert "sende liste (Ola Berg, inn" in status, status  # still with IN: his own
