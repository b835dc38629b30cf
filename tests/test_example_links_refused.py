"""A help text's example link is never recorded (walk 8 N5): `avtale` examples use «<lenke>», and an example
address (example.no, .com, .org) or «https://…» typed as shown is refused with a message, for the agreement
and the minutes alike, in either written form, with nothing changed."""

from __future__ import annotations

import re

import pytest

from tests.driver import make_bot, oslo
from tests.helpers import assert_recorded, assert_refused

PEOPLE = [("kari", "agder", "eksempel"), ("per", "vestland", "døme")]
EXAMPLE_LINKS = ["https://example.no/a.pdf", "https://www.example.com/a.pdf", "http://example.org/x", "https://…"]


@pytest.mark.parametrize(("person", "channel", "said"), PEOPLE)
@pytest.mark.parametrize("link", EXAMPLE_LINKS)
def test_an_example_agreement_link_is_refused(person: str, channel: str, said: str, link: str) -> None:
    bot = make_bot(at=oslo(2026, 12, 1, 10))
    assert_refused(bot, f"avtale {link}", as_=person, channel=channel, contains=said)
    assert_recorded(bot, "avtale https://dok.fylke.no/avtale-2027.pdf", as_=person, channel=channel)


@pytest.mark.parametrize(("person", "channel", "said"), PEOPLE)
def test_the_agreement_example_is_a_placeholder_that_is_refused(person: str, channel: str, said: str) -> None:
    bot = make_bot(at=oslo(2026, 12, 1, 10))
    listed = bot.say("avtale", as_=person, channel=channel)
    # The example names the year asked about (walk 7 F20) and a placeholder for the link (walk 8 N5).
    shown = re.search(r"«(avtale (?:\d{4} )?<lenkj?e>)»", listed.text)
    assert "https://" not in listed.text and shown is not None, listed.text
    for typed in ("avtale <lenke>", "avtale <lenkje>", shown.group(1)):
        assert_refused(bot, typed, as_=person, channel=channel, contains=said)


@pytest.mark.parametrize(("person", "channel", "meeting"), [("kari", "agder", "høst"), ("per", "vestland", "haust")])
@pytest.mark.parametrize("link", ["https://…", "https://example.no/referat.pdf", "<lenke>", "<lenkje>"])
def test_an_example_minutes_link_is_refused(person: str, channel: str, meeting: str, link: str) -> None:
    bot = make_bot(at=oslo(2026, 12, 1, 15))
    assert_recorded(bot, "referat høstmøte Høstmøtet holdt", as_="aud", channel="nasjonal")
    assert_refused(bot, f"referat {meeting} Godt møte, {link} vedtak: Felles søknad", as_=person, channel=channel)
    assert_recorded(bot, f"referat {meeting} Godt møte, https://dok.fylke.no/r.pdf", as_=person, channel=channel)
