"""A command typed in another order (walk 39): «høst dato 18. november» was answered «Mente du «dato høst …»»,
and «tildelingsbrev mottatt 22. desember» «Mente du «forutsetning tildelingsbrev»», each dropping the words the
person had typed; the suggestion is now the whole command, in the order the bot reads, and nothing is recorded."""

from __future__ import annotations

import pytest

from tests.driver import make_bot, oslo


@pytest.mark.parametrize(
    ("person", "channel", "typed", "meant"),
    [
        ("kari", "agder", "høst dato 18. november", "dato høst 18. november"),
        ("kari", "agder", "Vår referat Godt møte", "referat vår Godt møte"),
        ("ola", "in", "tildelingsbrev mottatt 22. desember", "forutsetning tildelingsbrev mottatt 22. desember"),
        ("per", "vestland", "haust dato 18. november", "dato haust 18. november"),
    ],
)
def test_the_suggestion_is_the_whole_command(person: str, channel: str, typed: str, meant: str) -> None:
    bot = make_bot(at=oslo(2027, 1, 5, 10, 0))
    before = bot.snapshot()
    refused = bot.say(typed, as_=person, channel=channel)
    assert not refused.ok and f"«{meant}»?" in refused.text, refused.text
    assert bot.snapshot() == before
    read = bot.say(meant, as_=person, channel=channel).text  # typed as suggested, it is read as that command
    assert "kjenner ikke kommandoen" not in read and "kjenner ikkje kommandoen" not in read, read
