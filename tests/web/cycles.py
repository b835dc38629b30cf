"""Three cycles of Agder's wheel driven through the commands: empty, half done and finished. Shared by the
picture and label tests so both look at the same states."""

from __future__ import annotations

from tests.driver import BotDriver, make_bot, oslo, record_all_preconditions


def empty() -> BotDriver:
    return make_bot(at=oslo(2027, 1, 4, 9))


def half_done() -> BotDriver:
    """The README's demo, a busy January–February: letters done, signing overdue, assignments open (optional: never overdue)."""
    bot = make_bot(at=oslo(2027, 1, 12, 9))
    record_all_preconditions(bot, year=2027)
    for person in ("kari", "ola", "siri"):
        assert bot.say("signer agder 2027", as_=person).ok
    assert bot.say("oppdrag IN sendt").ok
    assert bot.say("dato vår 22. april kl 10").ok
    bot.set_time(2027, 6, 15, 9)
    return bot


def finished() -> BotDriver:
    bot = make_bot(at=oslo(2027, 1, 12, 9))
    record_all_preconditions(bot, year=2027)
    steps = [(p, "agder", "signer agder 2027") for p in ("kari", "ola", "siri", "nils", "rita")]
    steps += [("kari", "agder", f"oppdrag {actor} sendt") for actor in ("IN", "SIVA", "NFR", "RFF")]
    steps += [("kari", "agder", "referat handlingsplan agder 2027 Vedtatt")]
    for person, channel, text in steps:
        assert bot.say(text, as_=person, channel=channel).ok, text
    for when, person, channel, text in (
        ((2027, 3, 20, 9), "aud", "nasjonal", "referat vårmøte 2027 Godt møte"),
        ((2027, 4, 25, 9), "kari", "agder", "referat vår 2027 Godt møte"),
        ((2027, 11, 5, 9), "aud", "nasjonal", "referat høstmøte 2027 Godt møte"),
        ((2027, 11, 20, 9), "kari", "agder", "referat høst 2027 Godt møte"),
    ):
        bot.set_time(*when)
        assert bot.say(text, as_=person, channel=channel).ok, text
    return bot
