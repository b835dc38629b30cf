"""Walk15b N7: two commands on two lines of one message are refused, quoting each, and saying one command
per message; nothing changes. A line that belongs to the first command (a date on the next line, the
points of minutes) is still read with it. Both written forms."""

from __future__ import annotations

import pytest

from tests.driver import make_bot, oslo, record_all_preconditions

WORDS = {"nb": "Én kommando per melding", "nn": "Éin kommando per melding"}
PEOPLE = {"nb": ("kari", "agder"), "nn": ("per", "vestland")}


def test_two_signings_on_two_lines_are_refused_quoting_each() -> None:
    bot = make_bot(at=oslo(2027, 1, 5, 9))
    for region in ("agder", "vestland"):
        record_all_preconditions(bot, year=2027, region=region)
    before = bot.snapshot()
    reply = bot.say("signer agder 2027\nsigner vestland 2027", as_="ola", channel="in")
    assert not reply.ok and WORDS["nb"] in reply.text, reply.text
    assert "«signer agder 2027», «signer vestland 2027»" in reply.text, reply.text
    assert bot.snapshot() == before


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_two_commands_on_two_lines_are_refused_in_each_written_form(lang: str) -> None:
    person, _region = PEOPLE[lang]
    bot = make_bot(at=oslo(2027, 1, 5, 9))
    before = bot.snapshot()
    reply = bot.say("oppdrag IN sendt\n@Samhandling oppdrag siva ingen", as_=person)
    assert not reply.ok and WORDS[lang] in reply.text and "«oppdrag siva ingen»" in reply.text, reply.text
    assert bot.snapshot() == before


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_a_date_on_the_next_line_is_the_commands_own(lang: str) -> None:
    person, _region = PEOPLE[lang]
    bot = make_bot(at=oslo(2027, 3, 1, 10))
    reply = bot.say("dato vår\n22. april kl 10", as_=person)
    assert reply.ok and "22. april 2027" in reply.text, reply.text


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_a_read_and_another_command_on_the_next_line_are_refused_quoting_both(lang: str) -> None:
    """`neste` ⏎ `status agder`: a read takes no more lines, so a line opening with any command's word is a
    second command, refused as README says, never dropped in silence or read as the first's words."""
    person, region = PEOPLE[lang]
    bot = make_bot(at=oslo(2027, 1, 5, 9))
    for text, second in ((f"neste\nstatus {region}", f"«status {region}»"), ("status\nneste", "«neste»")):
        reply = bot.say(text, as_=person)
        assert not reply.ok and WORDS[lang] in reply.text and second in reply.text, reply.text


def test_a_date_phrase_that_opens_with_a_command_word_stays_the_commands_own() -> None:
    bot = make_bot(at=oslo(2027, 3, 1, 10))
    reply = bot.say("dato vår\nneste torsdag kl 10", as_="kari")
    assert reply.ok, reply.text
