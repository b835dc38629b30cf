"""Chat `logg` marks a signature a new text made void, in the same words as the status page's «Siste
endringer» (walk 14b F9; one rule, `bot.shown.voided`), in either written form."""

from __future__ import annotations

import re

import pytest

from tests.driver import register_text, signing_open
from tests.helpers import status_page_html

CASES = [("agder", "nb", "(ugyldig: avtaleteksten er endret)"), ("vestland", "nn", "(ugyldig: avtaleteksten er endra)")]


@pytest.mark.parametrize(("region", "form", "void"), CASES)
def test_logg_marks_a_voided_signature_as_the_page_does(region: str, form: str, void: str) -> None:
    bot = signing_open(region=region)
    assert bot.say(f"målform {form}", as_="ola").ok
    assert bot.say(f"signer IN {region} 2027", as_="ola").ok
    before = bot.say(f"logg {region}", as_="ola").text
    assert "versjon 1" in before and void not in before  # a valid signature is not marked
    register_text(bot, year=2027, region=region, version=2)
    logged = bot.say(f"logg {region}", as_="ola").text
    line = next(line for line in logged.splitlines() if "Ola Berg" in line and "versjon 1" in line)
    assert line.endswith(void), logged
    assert bot.say(f"signer IN {region} 2027", as_="ola").ok  # signed again on version 2: that entry holds
    again = bot.say(f"logg {region}", as_="ola").text
    assert sum(void in line for line in again.splitlines()) == 1, again
    if form == "nb":  # the page (read in bokmål here) says the same of the same entry
        assert "(ugyldig: avtaleteksten er endret)" in status_page_html(bot.core, region=region, year=2027)


def test_the_pages_cut_history_says_so_and_names_logg() -> None:
    """Walk 14b F10 (every cut list says so): the page shows the latest 15 changes of a cycle and says how
    many there are and which command lists them all."""
    bot = signing_open(region="agder")
    for day in range(1, 14):
        assert bot.say(f"dato vår agder 2027 {day}. april kl 10 bekreft", as_="kari").ok
    page = status_page_html(bot.core, region="agder", year=2027)
    found = re.search(r"Viser de siste 15 av (\d+) endringer; skriv «logg agder 2027» i chatten for alle\.", page)
    assert found and int(found[1]) > 15, page
    logged = bot.say("logg agder 2027", as_="ola").text
    assert f"av {found[1]} endringer" in logged, logged
