"""Walk 7 F2: a `bekreft` typed for the model's order does not also confirm, unseen, that replaced minutes
drop open follow-up points: that question is asked once, naming the points, and the same command with
`bekreft` then goes through."""

from __future__ import annotations

import pytest

from tests.driver import make_bot, oslo
from tests.helpers import assert_recorded, assert_refused

PEOPLE = {"nb": "kari", "nn": "per"}  # Vestland reads nynorsk
DROPPED = {"nb": "fjernes", "nn": "fjerna"}


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_an_order_bekreft_does_not_drop_points_whose_question_was_not_shown(lang: str) -> None:
    person = PEOPLE[lang]
    bot = make_bot(at=oslo(2026, 11, 26, 14))
    # The national autumn meeting is not recorded: the order asks, and `bekreft` records out of order.
    assert_refused(bot, "referat høst Godt møte. oppfølging: innspill @SIVA innen 12. desember", as_=person)
    first = assert_recorded(
        bot, "referat høst Godt møte. oppfølging: innspill @SIVA innen 12. desember bekreft", as_=person
    )
    [point] = [b.command.split()[-1] for b in first.buttons if b.command.startswith("ferdig")]
    # Re-typed with `bekreft`, as the order question taught: the points that would go are asked about first.
    again = "referat høst Godt møte v3. vedtak: utkast sendes bekreft"
    asked = assert_refused(bot, again, as_=person, contains=f"[{point}] innspill")
    assert DROPPED[lang] in asked.text, asked.text
    assert point in bot.say("neste", as_="siri").text
    # Seen, the same command replaces the minutes and says what went.
    done = assert_recorded(bot, again, as_=person)
    assert point in done.text
    assert point not in bot.say("neste", as_="siri").text
