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


@pytest.mark.parametrize(
    ("person", "channel", "typed", "said"),
    [
        ("kari", "agder", "dato 22. april kl 10 vår", "torsdag 22. april 2027 kl. 10.00"),
        ("per", "vestland", "dato 12. mai kl 9 vår", "onsdag 12. mai 2027 kl. 09.00"),
    ],
)
def test_a_meeting_named_after_its_day_is_read(person: str, channel: str, typed: str, said: str) -> None:
    """«dato 22. april kl 10 vår» was answered «Hvilket møte gjelder det?» though the meeting was typed."""
    bot = make_bot(at=oslo(2027, 2, 3, 10, 0))
    dated = bot.say(typed, as_=person, channel=channel)
    assert dated.ok and said in dated.text, dated.text
    assert said in bot.say("status", as_=person, channel=channel).text
