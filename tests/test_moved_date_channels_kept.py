"""A moved date's lead channels are kept per item by the bindings they follow from (`handlers.date_moved`,
issue 21): the next move is told to a channel bound since, and no longer to one unbound since."""

from __future__ import annotations

from tests.driver import make_bot, oslo


def _told(bot: object) -> set[str]:
    return {a.to.channel_id for a in bot.last.announcements if a.to.platform == "terminal"}  # type: ignore[attr-defined]


def test_a_move_after_a_new_binding_is_told_in_the_new_channel_too() -> None:
    bot = make_bot(at=oslo(2027, 1, 20, 10))
    assert bot.say("dato vår agder 2027 22. april kl 10", as_="kari", channel="agder").ok
    assert bot.say("dato vår agder 2027 23. april kl 10", as_="kari", channel="agder").ok
    before = _told(bot)
    assert "agder-2" not in before
    assert bot.say("koble region agder", as_="admin", channel="agder-2").ok
    assert bot.say("dato vår agder 2027 26. april kl 10", as_="kari", channel="agder").ok
    assert _told(bot) == before | {"agder-2"}
    assert bot.say("dato vår agder 2027 27. april kl 10", as_="kari", channel="agder").ok
    assert _told(bot) == before | {"agder-2"}  # kept, and the same as worked out anew


def test_the_same_item_under_another_binding_table_is_worked_out_anew() -> None:
    first, second = make_bot(at=oslo(2027, 1, 20, 10)), make_bot(at=oslo(2027, 1, 20, 10))
    assert second.say("koble region agder", as_="admin", channel="agder-2").ok
    for bot in (first, second):
        assert bot.say("dato vår agder 2027 22. april kl 10", as_="kari", channel="agder").ok
        assert bot.say("dato vår agder 2027 23. april kl 10", as_="kari", channel="agder").ok
    assert _told(second) == _told(first) | {"agder-2"}
