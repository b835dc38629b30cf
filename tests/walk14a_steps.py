"""Steps and words the walk 14a tests share: each written form's coordinator and words, a question asked
without changing anything, and a region's agreement signed by some of its parties."""

from __future__ import annotations

from bot.messages import Reply
from tests.driver import BotDriver, make_bot, oslo, record_all_preconditions

PERSON = {"nb": ("kari", "agder"), "nn": ("per", "vestland")}
"""Each written form's coordinator and home channel: Agder writes bokmål, Vestland nynorsk."""
CONFIRM = {"nb": "bekreft", "nn": "stadfest"}
AUTUMN = {"nb": "høst", "nn": "haust"}
HELD = {"nb": "holdt", "nn": "halde"}


def asked_unchanged(bot: BotDriver, line: str, *, lang: str, names: tuple[str, ...]) -> Reply:
    """`line` said by the form's coordinator is a question that names each of `names` and changes nothing."""
    person, channel = PERSON[lang]
    before = bot.snapshot()
    asked = bot.say(line, as_=person, channel=channel)
    assert not asked.ok
    for words in names:
        assert words in asked.text, (words, asked.text)
    assert bot.snapshot() == before
    return asked


def signed_by(*, lang: str, signers: tuple[tuple[str, str], ...]) -> BotDriver:
    """12 January 2027: the form's region has every precondition of agreement 2027, and its coordinator and
    `signers` (person, party) have signed it."""
    person, region = PERSON[lang]
    bot = make_bot(at=oslo(2027, 1, 12, 9))
    record_all_preconditions(bot, year=2027, region=region)
    assert bot.say(f"signer {region} 2027", as_=person, channel=region).ok
    for signer, party in signers:
        assert bot.say(f"signer {party} {region} 2027", as_=signer).ok
    return bot
