"""Reminders call on a party's people known only through their organisation (walk 41): NFR's people all came
from its bound Slack workspace, and its reminders had no «Til:» line, while `varsel` told them «(nå: på)».
A party's mentions read the people met as a point's owner is read (`bot.reminders.notify`)."""

from __future__ import annotations

import asyncio

import pytest

from bot.messages import Reply
from bot.model.config import parse_config
from bot.reminders.passes import run_pass
from tests.driver import ROOT, make_bot, oslo
from tests.helpers import senders_for
from tests.test_walk41_organisations import from_org


def _nfr_reminders(*, form: str, first: str = "neste") -> tuple[list[Reply], Reply]:
    """NFR with nobody in app.yaml, its workspace bound, Nina from it typing `first` and then `varsel`; a
    reminder pass on 20 January 2027: NFR's Slack posts, and what `varsel` said."""
    lines = (ROOT / "app.yaml").read_text(encoding="utf-8").splitlines(keepends=True)
    bot = make_bot(
        at=oslo(2027, 1, 11, 10, 0), config=parse_config("".join(line for line in lines if "party: NFR," not in line))
    )
    assert bot.say("koble organisasjon T0FORSK NFR", as_="admin").ok
    if form == "nn":
        assert bot.say("målform kanal nn", as_="U0ADMIN", channel="C0NFR", platform="slack").ok
    assert from_org(bot, first, user="U9NINA", channel="C0NFR", organisation="T0FORSK").ok
    said = from_org(bot, "varsel", user="U9NINA", channel="C0NFR", organisation="T0FORSK")
    bot.set_time(2027, 1, 20, 9, 0)
    senders = senders_for(bot)
    asyncio.run(run_pass(core=bot.core, senders=senders))
    return [reply for _day, channel, reply in senders["slack"].posts if channel == "C0NFR"], said


@pytest.mark.parametrize("form", ["nb", "nn"])
def test_a_party_known_only_through_its_organisation_is_called_on(form: str) -> None:
    posts, said = _nfr_reminders(form=form)
    assert posts, "NFR's reminder went out"
    for post in posts:
        assert [mention.ids for mention in post.mentions] == [{"slack": "U9NINA"}], post.mentions
        assert "Til: U9Nina" in post.text, post.text
    assert ("(no: på)" if form == "nn" else "(nå: på)") in said.text, said.text
    if form == "nn":
        assert "ventar her" in posts[0].text, posts[0].text


def test_one_who_turned_mentions_off_is_not_called_on_and_varsel_says_so() -> None:
    posts, said = _nfr_reminders(form="nb", first="varsel av")
    assert posts and all(not post.mentions for post in posts), [post.mentions for post in posts]
    assert "(nå: av)" in said.text, said.text
