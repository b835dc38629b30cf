"""Who is behind is worked out once per version of each partition (bot/facts/behind.py) and per day, and a
change to a partition shows at once: the kept answer is always the one worked out afresh."""

from __future__ import annotations

from datetime import date

from bot.facts import behind
from bot.facts.behind import overdue_by_region
from tests.driver import make_bot, oslo

TODAY = date(2027, 2, 10)


def _idents(bot, region: str = "agder") -> list[str]:  # type: ignore[no-untyped-def]
    found = overdue_by_region(config=bot.core.config, state=bot.core.state, today=TODAY)
    return [item.ident for item in found.get(region, [])]


def _afresh(bot) -> list[str]:  # type: ignore[no-untyped-def]
    behind._LATE.clear()
    return _idents(bot)


def test_a_recorded_item_leaves_the_behind_list_at_once_and_the_kept_answer_equals_a_fresh_one() -> None:
    bot = make_bot(at=oslo(2027, 2, 10, 9))
    before = _idents(bot)
    assert "milestone:action-plan:2027:agder" in before
    assert _idents(bot) == before == _afresh(bot)
    assert bot.say("referat handlingsplan agder 2027 Vedtatt i fylkestinget", as_="kari").ok
    after = _idents(bot)
    assert after == [ident for ident in before if ident != "milestone:action-plan:2027:agder"]
    assert after == _afresh(bot)


def test_au_hears_the_same_count_whether_kept_or_worked_out_afresh() -> None:
    bot = make_bot(at=oslo(2027, 2, 10, 9))
    first = bot.say("neste", as_="aud", channel="nasjonal").text
    assert "regioner er på etterskudd" in first
    behind._LATE.clear()
    bot.core.replies.clear()
    assert bot.say("neste", as_="aud", channel="nasjonal").text == first
