"""A cut list says so (walk 14b F10): an actor owing fifteen signatures in January sees eight under «15 ting
du kan gjøre nå», is told «Viser 1–8 av 15 – skriv «neste side 2» for resten.», gets one button per agreement
listed, and the typed command (or its button) lists the other seven, in either written form."""

from __future__ import annotations

import re

import pytest

from tests.driver import BotDriver, make_bot, oslo

COORDINATORS = {"agder": "kari", "vestland": "per"}


def every_region_signable() -> BotDriver:
    """17 January 2028: every region's agreement 2028 has its text, budget and political treatment, AU the
    state budget and every actor its letter."""
    bot = make_bot(at=oslo(2027, 12, 1, 10))
    regions = [region.key for region in bot.core.config.parties.regions]
    coordinators = dict(COORDINATORS)
    for region in regions:
        if region not in coordinators:
            coordinators[region] = f"k_{region}"
            added = bot.say(f"person k_{region} {region} koordinator Koord {region}", as_="admin", channel="nasjonal")
            assert added.ok, added.text
    bot.set_time(2027, 12, 10, 10)
    for number, region in enumerate(regions, start=1):
        who = coordinators[region]
        bot.say("referat politisk behandlet 9. desember bekreft", as_=who, channel=region)
        assert bot.say(f"avtale https://dok.{region}.no/a.pdf sha256:{number:064x}", as_=who, channel=region).ok
        assert bot.say("forutsetning budsjett vedtatt 9. desember", as_=who, channel=region).ok
    assert bot.say("forutsetning statsbudsjett vedtatt 9. desember", as_="aud").ok
    for person in ("ola", "siri", "nils", "rita"):
        assert bot.say("forutsetning tildelingsbrev", as_=person).ok
    bot.set_time(2028, 1, 17, 10)
    return bot


def _signed_regions(text: str) -> list[str]:
    return re.findall(r"Signering av samarbeidsavtalen 2028 – ([^\n]+)", text)


@pytest.mark.parametrize(
    ("form", "more"),
    [
        ("nb", "Viser 1–8 av 15 – skriv «neste side 2» for resten."),
        ("nn", "Viser 1–8 av 15 – skriv «neste side 2» for resten."),
    ],
)
def test_an_actors_cut_list_says_so_and_the_rest_is_one_command_away(form: str, more: str) -> None:
    bot = every_region_signable()
    assert bot.say(f"målform {form}", as_="rita").ok
    first = bot.say("neste", as_="rita")
    assert more in first.text, first.text
    listed = _signed_regions(first.text)
    assert len(listed) == 8
    signing = [button for button in first.buttons if button.command.startswith("signer")]
    assert len(signing) == 8 and len({button.label for button in signing}) == 8  # one button per agreement listed
    page = next(button for button in first.buttons if button.command == "neste side 2")
    rest = bot.say(page.command, as_="rita")
    assert "Viser 9–15 av 15." in rest.text, rest.text
    listed += _signed_regions(rest.text)
    assert sorted(listed) == sorted(region.short for region in bot.core.config.parties.regions)
    assert len([button for button in rest.buttons if button.command.startswith("signer")]) == 7
    # past the last page: says so (walk 16 F4), then the last page
    past = bot.say("neste side 9", as_="rita").text
    assert ("Side 9 finnes ikke" in past or "Side 9 finst ikkje" in past) and _signed_regions(past) == _signed_regions(
        rest.text
    ), past


def test_the_page_command_keeps_the_asked_region_or_actor() -> None:
    bot = every_region_signable()
    reply = bot.say("neste rff", as_="rita", channel="in")
    assert "«neste rff side 2»" in reply.text, reply.text


def test_a_list_that_fits_says_nothing_of_pages() -> None:
    bot = every_region_signable()
    for region in ("agder", "akershus", "buskerud", "finnmark", "innlandet", "more-og-romsdal", "nordland"):
        assert bot.say(f"signer RFF {region}", as_="rita").ok
    reply = bot.say("neste", as_="rita")
    assert "8 ting du kan gjøre nå." in reply.text and "side 2" not in reply.text, reply.text
    assert len([button for button in reply.buttons if button.command.startswith("signer")]) == 8


def test_a_follow_up_points_button_is_not_dropped_behind_the_signing_buttons() -> None:
    bot = every_region_signable()
    minutes = "referat høst agder 2027 Godt møte oppfølging: send innspill @RFF innen 1. mars bekreft"
    assert bot.say(minutes, as_="kari", channel="agder").ok, minutes
    reply = bot.say("neste", as_="rita")
    done = [button for button in reply.buttons if button.command.startswith("ferdig")]
    assert len(done) == 1 and done[0].command.split()[1] in reply.text, reply.text
    assert len([button for button in reply.buttons if button.command.startswith("signer")]) == 8


@pytest.mark.parametrize("typed", ["neste side x", "neste side 0", "neste agdr", "neste side"])
def test_a_page_or_word_neste_cannot_read_is_said_and_changes_nothing(typed: str) -> None:
    """As `logg` and `oversikt` say it: never a reply whose page button carries the stray word back."""
    bot = make_bot(at=oslo(2027, 1, 12, 9))
    before = bot.snapshot()
    reply = bot.say(typed, as_="kari")
    assert not reply.ok and "Jeg forstod ikke" in reply.text and "side 2" in reply.text, reply.text
    assert bot.snapshot() == before
