"""Walk 13, W6: the wheel shows a partly signed agreement as partly done, with the status page's count;
minutes of a meeting planned over two days name both days; `hjelp avtale`'s checksum example typed back is
refused for its placeholder link first, as the example without a checksum is. Both written forms."""

from __future__ import annotations

from datetime import date

import pytest

from bot.shown.status_data import region_page
from tests.driver import make_bot, oslo, signing_open
from tests.walk13_steps import national_autumn_held, wheel_arc

FORMS = [("kari", "agder", "høst", "holdt"), ("per", "vestland", "haust", "halde")]


@pytest.mark.parametrize(("as_", "region", "autumn", "held"), FORMS)
def test_the_wheel_counts_the_signatures_as_the_page_does(as_: str, region: str, autumn: str, held: str) -> None:
    bot = signing_open(region=region)
    bot.set_time(2027, 1, 18, 9, 0)
    assert bot.say(f"signer IN {region} 2027", as_="ola").ok
    assert bot.say(f"signer SIVA {region} 2027", as_="siri").ok
    today = date(2027, 1, 18)
    signing = wheel_arc(bot, region=region, year=2027, today=today, word="Signering")
    assert signing.label.endswith("Signering 2/5") and "2/5 signert" in signing.title, signing
    page = region_page(config=bot.core.config, state=bot.core.state, region=region, year=2027, today=today)
    assert "2/5 signert" in next(line.cell for line in page.items if line.title.startswith("Signering")).text
    assert bot.say(f"signer {region} 2027", as_=as_).ok
    for person, party in (("nils", "NFR"), ("rita", "RFF")):
        assert bot.say(f"signer {party} {region} 2027", as_=person).ok
    signed = wheel_arc(bot, region=region, year=2027, today=today, word="Signering")
    assert signed.state == "done" and "/" not in signed.label, signed  # done: the ✓ says it, no count


@pytest.mark.parametrize(("as_", "region", "autumn", "held"), FORMS)
@pytest.mark.parametrize("typed", ["Godt møte", "Godt møte {held} 1.-2. desember"])
def test_minutes_of_a_two_day_meeting_name_both_days(as_: str, region: str, autumn: str, held: str, typed: str) -> None:
    bot = national_autumn_held()
    assert bot.say(f"dato {autumn} 1.-2. desember", as_=as_).ok
    bot.set_time(2027, 12, 2, 16, 0)
    reply = bot.say(f"referat {autumn} " + typed.format(held=held), as_=as_)
    assert reply.ok and f"som {held} 1.–2. desember 2027" in reply.text, reply.text


@pytest.mark.parametrize(("as_", "region", "autumn", "held"), FORMS)
def test_the_checksum_example_is_refused_for_its_link_first(as_: str, region: str, autumn: str, held: str) -> None:
    bot = make_bot(at=oslo(2027, 1, 5, 9))
    bare = bot.say("avtale <lenke>", as_=as_)
    summed = bot.say("avtale <lenke> sha256:<sum>", as_=as_)
    assert not bare.ok and not summed.ok
    assert summed.text == bare.text and "«<lenke>»" in summed.text, summed.text
