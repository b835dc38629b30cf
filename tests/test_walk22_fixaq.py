"""Walk 22's findings (issue 18), driven as people meet them, in both written forms."""

from __future__ import annotations

from tests.driver import make_bot, oslo


def test_help_for_a_two_word_command_is_headed_by_both_words() -> None:
    """`hjelp ikke aktuelt` was headed «Hjelp: ikke»: the heading names the command as it is typed."""
    bot = make_bot(at=oslo(2027, 2, 2, 9))
    bokmal = bot.say("hjelp ikke aktuelt", as_="kari", channel="agder")
    assert bokmal.ok and "Hjelp: ikke aktuelt" in bokmal.text, bokmal.text
    nynorsk = bot.say("hjelp ikkje aktuelt", as_="per", channel="vestland")
    assert nynorsk.ok and "Hjelp: ikkje aktuelt" in nynorsk.text, nynorsk.text
    assert "Hjelp: bli med" in bot.say("hjelp bli med", as_="kari", channel="agder").text
