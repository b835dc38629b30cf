"""Walk 18 (fixal) F9 F10: a region with no coordinator, and a municipality named as one."""

from __future__ import annotations

import pytest

from tests.driver import make_bot, oslo

WRITES = ("dato vår 22. april", "forutsetning budsjett", "signer", "plan 2028–2031")


def _admitted_adviser(form: str):  # type: ignore[no-untyped-def]
    bot = make_bot(at=oslo(2027, 3, 1, 10))
    assert bot.say("bli med", as_="odd", channel="oslo").ok
    assert bot.say("opptak ja 1", as_="admin", channel="nasjonal").ok
    assert bot.say(f"målform {form}", as_="odd", channel="oslo").ok
    return bot


@pytest.mark.parametrize(
    ("form", "council", "none", "county"),
    [
        ("nb", "kommunens koordinatorer", "har ingen koordinator hos meg ennå", "fylkeskommunens"),
        ("nn", "koordinatorane i kommunen", "har ingen koordinator hos meg enno", "fylkeskommunen"),
    ],
)
def test_a_write_refused_says_the_region_has_no_coordinator(form: str, council: str, none: str, county: str) -> None:
    bot = _admitted_adviser(form)
    for typed in WRITES:
        before = bot.snapshot()
        reply = bot.say(typed, as_="odd", channel="oslo")
        assert not reply.ok and bot.snapshot() == before, reply.text
        assert council in reply.text and county not in reply.text, reply.text
        assert f"Oslo kommune {none}" in reply.text and "person @… oslo koordinator" in reply.text, reply.text


@pytest.mark.parametrize(
    ("form", "theirs", "yours"),
    [
        ("nb", "ting koordinatorene gjør nå", "du kan gjøre nå"),
        ("nn", "ting koordinatorane gjer no", "du kan gjere no"),
    ],
)
def test_an_advisers_neste_says_who_does_the_regions_work(form: str, theirs: str, yours: str) -> None:
    bot = _admitted_adviser(form)
    text = bot.say("neste", as_="odd", channel="oslo").text
    assert theirs in text and yours not in text.lower(), text
    assert "person @… oslo koordinator" in text, text


def test_a_region_with_a_coordinator_refuses_as_before() -> None:
    bot = make_bot(at=oslo(2027, 3, 1, 10))
    assert bot.say("bli med", as_="nyr", channel="agder").ok
    assert bot.say("opptak ja 1", as_="kari", channel="agder").ok
    reply = bot.say("dato vår 22. april", as_="nyr", channel="agder")
    assert not reply.ok and "fylkeskommunens koordinatorer" in reply.text, reply.text
    assert "ingen koordinator" not in reply.text, reply.text
    assert "ting koordinatorene gjør nå" in bot.say("neste", as_="nyr", channel="agder").text


@pytest.mark.parametrize("form", ["nb", "nn"])
def test_aus_overview_names_the_regions_nobody_can_record_for(form: str) -> None:
    bot = make_bot(at=oslo(2027, 3, 1, 10))
    assert bot.say(f"målform {form}", as_="aud", channel="nasjonal").ok

    def coordinator(reply, region: str) -> str | None:  # type: ignore[no-untyped-def]
        section = next(section for section in reply.sections if section.title == region)
        return dict((fact.label, fact.value) for fact in section.facts).get("Koordinator")

    reply = bot.say("oversikt", as_="aud", channel="nasjonal")
    said = coordinator(reply, "Oslo") or ""
    assert "ingen, så ingen kan registrere" in said and "person @… oslo koordinator" in said, reply.text
    assert ("gjev rolla" if form == "nn" else "gir rollen") in said, said
    assert coordinator(reply, "Agder") is None, reply.text
    assert bot.say("person oslo-ko oslo koordinator Olav Ko", as_="admin", channel="nasjonal").ok
    assert coordinator(bot.say("oversikt", as_="aud", channel="nasjonal"), "Oslo") is None
