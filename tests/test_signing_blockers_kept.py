"""What a signing waits for is kept by the documents of what it waits for (issue 21, `swrite9`): a write to the
region's partition that leaves them as they were (a signature) keeps the answer, and one that records what
was missing is seen at once. On tinydb, where an unchanged document stays the same object across writes."""

from __future__ import annotations

from pathlib import Path

from storage.tinydb_store import TinyDBStore
from tests.driver import make_bot, oslo, register_text


def test_a_recorded_precondition_opens_signing_at_once_and_signatures_between_keep_the_rest(tmp_path: Path) -> None:
    bot = make_bot(store=TinyDBStore(tmp_path / "db"), at=oslo(2027, 1, 11, 9))
    register_text(bot, year=2027, region="agder")
    assert bot.say("forutsetning statsbudsjett 2027", as_="aud").ok
    for person in ("ola", "siri", "nils", "rita"):
        assert bot.say("forutsetning tildelingsbrev 2027", as_=person).ok

    refused = bot.say("signer IN agder 2027", as_="ola")
    assert not refused.ok and "Fylkeskommunens budsjett vedtatt" in refused.text, refused.text

    assert bot.say("forutsetning budsjett agder 2027", as_="kari").ok
    refused = bot.say("signer IN agder 2027", as_="ola")  # the political treatment is still missing
    assert not refused.ok and "politisk" in refused.text.lower(), refused.text
    assert "Fylkeskommunens budsjett vedtatt" not in refused.text, refused.text

    assert bot.say("referat politisk agder 2027 Vedtatt i fylkestinget bekreft", as_="kari").ok
    assert bot.say("signer IN agder 2027", as_="ola").ok  # the answer kept before is not the one used
    assert bot.say("signer siva agder 2027", as_="siri").ok  # its partition changed, what it waits for did not
    status = bot.say("status agder 2027", as_="kari")
    assert "Innovasjon Norge" in status.text and "Siva" in status.text, status.text
