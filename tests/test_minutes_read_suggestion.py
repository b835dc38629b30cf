"""`referat vis <møte>` where the channel has no region (an actor's channel, walk 8 N4): the «which region»
example is a whole command, and typed exactly as shown it is read, in either written form; a stray word's
example names the meeting that was asked for."""

from __future__ import annotations

import re

import pytest

from tests.driver import make_bot, oslo
from tests.helpers import assert_recorded


@pytest.mark.parametrize(("form", "meeting"), [("nb", "høst"), ("nn", "haust")])
def test_the_suggested_region_example_is_read_when_typed(form: str, meeting: str) -> None:
    bot = make_bot(at=oslo(2026, 12, 1, 15))
    assert_recorded(bot, "referat høstmøte Høstmøtet holdt", as_="aud", channel="nasjonal")
    assert_recorded(bot, "referat høst Godt møte", as_="kari", channel="agder")
    assert bot.say(f"målform {form}", as_="siri").ok
    asked = bot.say(f"referat vis {meeting}", as_="siri", channel="siva")
    assert asked.ok is False
    examples = [e for e in re.findall(r"«([^»]+)»", asked.text) if e.startswith("referat vis")]
    assert examples and all("…" not in e for e in examples), asked.text
    for example in examples:
        typed = bot.say(example, as_="siri", channel="siva")
        assert typed.ok, typed.text
        assert "Godt møte" in typed.text


def test_a_stray_word_gets_the_asked_meeting_as_its_example() -> None:
    bot = make_bot(at=oslo(2026, 12, 1, 15))
    assert_recorded(bot, "referat høstmøte Høstmøtet holdt", as_="aud", channel="nasjonal")
    assert_recorded(bot, "referat høst Godt møte", as_="kari", channel="agder")
    refused = bot.say("referat vis høst agder …", as_="siri", channel="siva")
    assert refused.ok is False and "«referat vis høst agder»" in refused.text
    assert bot.say("referat vis høst agder", as_="siri", channel="siva").ok
