"""Walk 23's findings fixed by part fixar (issue 18): a reopened agreement told where its completion was told,
the region's signing leads naming the actors still missing, earlier years' agreements named by `signer`."""

from __future__ import annotations

from datetime import date

import pytest

from bot.messages import ChannelAddress
from tests.driver import make_bot, oslo, record_all_preconditions, register_text, signing_open
from tests.test_model_timing import days_saying, posted

SIGNERS = {"agder": "kari", "IN": "ola", "SIVA": "siri", "NFR": "nils", "RFF": "rita"}
VL_SIGNERS = {"vestland": "per", "IN": "ola", "SIVA": "siri", "NFR": "nils", "RFF": "rita"}
NATIONAL = (
    ChannelAddress("terminal", "nasjonal"),
    ChannelAddress("slack", "C0NASJONAL"),
    ChannelAddress("teams", "19:nasjonal@thread.tacv2"),
)


def test_a_reopened_agreement_is_told_where_its_completion_was_told_in_both_forms() -> None:
    """Walk 23 #8: the national channels heard «signert av alle parter … forplikter partene», so they hear
    that a new text reopened it; a text that voids only some signatures stays with the parties."""
    bot = make_bot(at=oslo(2027, 1, 12, 9))
    for region, signers in (("agder", SIGNERS), ("vestland", VL_SIGNERS)):
        record_all_preconditions(bot, year=2027, region=region)
        for party, person in signers.items():
            reply = bot.say(f"signer {party} {region} 2027", as_=person)
            assert reply.ok, reply.text
        completed = {a.to for a in bot.last.announcements}
        assert set(NATIONAL) - {ChannelAddress("terminal", "nasjonal")} <= completed
        bot.set_time(2027, 1, 13, 9)
        register_text(bot, year=2027, region=region, version=2)
        told = {a.to: a.reply for a in bot.last.announcements}
        for address in NATIONAL:
            assert address in told, (region, address)
        note = told[ChannelAddress("slack", "C0NASJONAL")].text
        assert "er ikke lenger fullført" in note and "2027" in note, note
        if region == "vestland":  # the region's own channel reads nynorsk
            assert "er ikkje lenger fullført" in told[ChannelAddress("slack", "C0VESTLAND")].text
        bot.set_time(2027, 1, 12, 9)
    # Only some signatures voided: the agreement was never complete, the national channels were never told.
    bot.set_time(2027, 1, 14, 9)
    assert bot.say("signer agder 2027 versjon 2", as_="kari").ok
    register_text(bot, year=2027, region="agder", version=3)
    told = {a.to for a in bot.last.announcements}
    assert not told & set(NATIONAL)
    assert "ikke lenger fullført" not in bot.last.reply.text


LEADS = [  # region, the actor who signs, the region's own line at the leads
    ("agder", "Agder har ikke signert: «signer 2027»; mangler også signatur fra SIVA, NFR, RFF"),
    ("vestland", "Vestland har ikkje signert: «signer 2027»; manglar òg signatur frå SIVA, NFR, RFF"),
]


@pytest.mark.parametrize(("region", "line"), LEADS)
def test_the_region_not_yet_signed_hears_at_the_leads_which_actors_are_missing_too(region: str, line: str) -> None:
    """Walk 23 #1: two days before the deadline «Agder har ikke signert» alone reads as if the region's
    signature were the last one missing; the leads name the actors too, as the overdue line does."""
    bot = signing_open(region=region)
    assert bot.say(f"signer {region} 2027", as_="ola").ok
    posts = posted(bot, region, start=date(2027, 1, 6), end=date(2027, 1, 31))
    assert days_saying(posts, line) == [date(2027, 1, 15), date(2027, 1, 29)], posts
