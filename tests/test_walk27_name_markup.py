"""Walk 27 F9: a name typed in `person` with mrkdwn or a link («channel *Eve* https://evil.example», what
Slack hands on for «<!channel> *Eve* <https://evil.example|Kari>») is refused, nothing stored: it would be
bold, struck or a link wherever the name is shown (`hvem`'s bold label broke on it)."""

from __future__ import annotations

import pytest

from tests.driver import make_bot, oslo

REFUSED = {"nb": "Et navn skrives uten lenker og formatering", "nn": "Eit namn vert skrive utan lenkjer og formatering"}


@pytest.mark.parametrize("lang", ["nb", "nn"])
@pytest.mark.parametrize(
    "name", ["channel *Eve* https://evil.example", "~Eve~", "`Eve`", "Eve www.evil.example", "_Eve_ Berg"]
)
def test_a_name_with_markup_or_a_link_is_refused(lang: str, name: str) -> None:
    bot = make_bot(at=oslo(2026, 11, 25, 9))
    if lang == "nn":
        assert bot.say("målform nn", as_="admin", channel="nasjonal").ok
    before = bot.snapshot()
    reply = bot.say(f"person @mallory agder rådgiver {name}", as_="admin", channel="nasjonal")
    assert not reply.ok and REFUSED[lang] in reply.text, reply.text
    assert bot.snapshot() == before


def test_a_plain_name_is_registered() -> None:
    bot = make_bot(at=oslo(2026, 11, 25, 9))
    assert bot.say("person @eve agder rådgiver Eve Berg-Ås", as_="admin", channel="nasjonal").ok
