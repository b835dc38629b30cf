"""A signature a party still owes on last January's ready agreement is named in its `neste` as its digests
name it, under what it can do now with its year and `bekreft`, until a year after the deadline; a `signer`
without a year suggests that year, never the next agreement's (walk 14b F11; the rule: bot.facts.owed)."""

from __future__ import annotations

import pytest

from tests.driver import BotDriver, register_text, signing_open
from tests.helpers import assert_refused

FORMS = ["nb", "nn"]
CONFIRM = {"nb": "bekreft", "nn": "stadfest"}


def _nfr_owes(region: str, form: str) -> BotDriver:
    """Every party but NFR (and the region) signed `region`'s agreement 2027 in January 2027."""
    bot = signing_open(region=region)
    for person in ("ola", "siri", "rita"):
        assert bot.say(f"signer {region} 2027", as_=person).ok
    assert bot.say(f"målform {form}", as_="nils").ok
    return bot


def _owed_line_is_mine(text: str, *, region: str) -> None:
    """The owed agreement is an item of its own before «Ellers» (what others do), not in the lead's count."""
    line = f"Signering av samarbeidsavtalen 2027 – {region.capitalize()}"
    others = [i for i in (text.find("Ellers:"), text.find("Elles:")) if i >= 0]
    assert line in text and text.index(line) < min(others, default=len(text)), text
    lead = text.split("\n\n", 1)[0]
    regions = len({"agder", "vestland"}) + 13
    assert f"Signering 2027 ({regions} regioner)" not in lead, lead  # the other 14 regions' may be counted


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("region", ["agder", "vestland"])
def test_an_owed_signature_stays_in_neste_with_its_year_until_a_year_after(region: str, form: str) -> None:
    bot = _nfr_owes(region, form)
    for day in ((2027, 9, 14), (2027, 12, 20), (2028, 1, 10), (2028, 1, 31)):
        bot.set_time(*day, 10)
        reply = bot.say("neste", as_="nils")
        _owed_line_is_mine(reply.text, region=region)
        assert f"signer NFR {region} 2027 versjon 1 {CONFIRM[form]}" in [b.command for b in reply.buttons], (
            day,
            reply.text,
        )
    bot.set_time(2028, 2, 2, 10)  # a year after its deadline: the next agreement's time, no longer offered
    reply = bot.say("neste", as_="nils")
    assert f"signer NFR {region} 2027 versjon 1 {CONFIRM[form]}" not in [b.command for b in reply.buttons]


@pytest.mark.parametrize("form", FORMS)
def test_signer_without_a_year_suggests_the_owed_one(form: str) -> None:
    bot = _nfr_owes("vestland", form)
    bot.set_time(2027, 12, 20, 10)  # no window open
    assert_refused(bot, "signer vestland", as_="nils", contains=f"«signer vestland 2027 {CONFIRM[form]}»")
    bot.set_time(2028, 1, 10, 10)  # the next agreement's window open, but nothing of it ready
    refused = assert_refused(bot, "signer vestland", as_="nils", contains=f"«signer vestland 2027 {CONFIRM[form]}»")
    assert "2028" in refused.text


def test_a_re_signature_owed_after_a_new_text_is_named_too() -> None:
    bot = signing_open(region="agder")
    assert bot.say("signer IN agder 2027", as_="ola").ok
    register_text(bot, year=2027, region="agder", version=2)
    bot.set_time(2027, 10, 4, 10)
    reply = bot.say("neste", as_="ola")
    assert "signer IN agder 2027 versjon 2 bekreft" in [b.command for b in reply.buttons], reply.text
    assert_refused(bot, "signer agder", as_="ola", contains="«signer agder 2027 bekreft»")
