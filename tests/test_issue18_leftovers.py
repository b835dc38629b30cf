"""Issue 18's leftovers, driven as people meet them: each rule where it is decided, in both written forms."""

from __future__ import annotations

from bot.messages import Request
from tests.driver import make_bot, oslo


def test_a_refused_recording_follows_the_persons_own_written_form() -> None:
    """Kari (Agder, a bokmål channel) chose nynorsk, Per (Vestland, a nynorsk channel) bokmål: what the bot
    refuses them is theirs alone, so it is in their form; what it records is the channel's."""
    bot = make_bot(at=oslo(2026, 9, 14, 9))
    assert bot.say("målform nn", as_="kari", channel="agder").ok
    refused = bot.say("dato vår blabla", as_="kari", channel="agder")
    assert not refused.ok and "Eg forstod ikkje datoen «blabla»" in refused.text, refused.text
    recorded = bot.say("dato vår agder 2027 22. april kl 10", as_="kari", channel="agder")
    assert recorded.ok and "Dato satt" in recorded.text, recorded.text  # Agder's channel reads bokmål

    assert bot.say("målform nb", as_="per", channel="vestland").ok
    refused = bot.say("dato vår blabla", as_="per", channel="vestland")
    assert not refused.ok and "Jeg forstod ikke datoen «blabla»" in refused.text, refused.text
    refused = bot.say("dato vår agder 2027 23. april kl 10", as_="per", channel="vestland")
    assert not refused.ok and "Bare Agder fylkeskommune kan registrere" in refused.text, refused.text
    recorded = bot.say("dato vår 2027 22. april kl 10", as_="per", channel="vestland")
    assert recorded.ok and "Dato sett" in recorded.text, recorded.text  # Vestland's channel reads nynorsk


def test_a_failure_the_adapter_words_itself_is_in_the_persons_form() -> None:
    bot = make_bot(at=oslo(2026, 9, 14, 9))
    assert bot.say("målform nn", as_="kari", channel="agder").ok
    asked = Request(platform="terminal", user_id="kari", channel_id="agder", text="dato vår 22. april")
    assert bot.core.lang_for(asked) == "nn"
