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


def test_on_slack_too_where_a_binding_is_kept_under_the_user_id() -> None:
    bot = make_bot(at=oslo(2027, 4, 22, 15))

    def say(text: str, *, as_: str, channel: str = "C0AGDER"):  # type: ignore[no-untyped-def]
        return bot.say(text, as_=as_, channel=channel, platform="slack")

    assert say("dato vår 22. april", as_="U0KARI").ok
    assert say("referat vår Godt møte. oppfølging: lage notat @kari innen 15. mai bekreft", as_="U0KARI").ok
    bot.set_time(2027, 4, 26, 9)
    assert say("forlat agder <@U0KARI> bekreft", as_="U0ADMIN", channel="C0NASJONAL").ok
    assert say("person <@U0NINA> agder koordinator Nina Ny", as_="U0ADMIN", channel="C0NASJONAL").ok
    status = say("status", as_="U0NINA").text
    assert "lage notat (Agder fylkeskommune, overtatt etter Kari Nordmann" in status, status
