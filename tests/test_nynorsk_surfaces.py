"""Bokmål met in nynorsk places in the year walk (issue 18): each driven where it was seen."""

from __future__ import annotations

import asyncio
import io
from pathlib import Path

import pytest

from adapters.terminal import run_chat
from bot.delivery.outbox import MAX_ATTEMPTS
from bot.messages import Announcement, ChannelAddress, Outcome
from bot.reminders.passes import deliver_announcements, run_pass
from bot.shown.replies import make_reply
from tests.driver import make_bot, oslo
from tests.helpers import senders_for


def test_a_nynorsk_log_says_why_a_write_was_outside_the_order_in_nynorsk() -> None:
    bot = make_bot(at=oslo(2027, 1, 12, 9, 0))
    assert bot.say("referat høst agder 2026 Bra møte bekreft", as_="kari").ok  # before the national one
    assert bot.say("målform nn", as_="kari").ok
    log = bot.say("logg agder", as_="kari").text
    assert "utanfor rekkjefølgja i modellen: Administrativt dialogmøte haust 2026 kjem etter" in log, log
    assert "kommer etter" not in log and "ikke registrert" not in log
    assert bot.say("målform nb", as_="kari").ok
    assert "kommer etter" in bot.say("logg agder", as_="kari").text  # the bokmål history as it was


def test_the_terminal_says_where_the_picture_is_in_nynorsk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SAMHANDLING_PICTURES", str(tmp_path))
    bot = make_bot()
    out = io.StringIO()
    run_chat(bot.core, user_id="kari", channel_id="agder", lines=["målform nn", "årshjul 2027"], out=out)
    png, svg = tmp_path / "arshjul-agder-2027.png", tmp_path / "arshjul-agder-2027.svg"
    assert f"Biletet er lagra: {png} og {svg}" in out.getvalue()
    assert "Bildet er lagret" not in out.getvalue()


def test_announcements_given_up_are_told_to_a_nynorsk_national_channel_in_nynorsk() -> None:
    bot = make_bot(at=oslo(2027, 1, 12, 9))
    assert bot.say("målform kanal nn", as_="admin", channel="nasjonal").ok
    senders = senders_for(bot)
    senders["slack"].fail = {"C0GONE"}
    reply = make_reply(title="Signert for Agder fylkeskommune", lead="Agder har signert.")
    outcome = Outcome(reply=reply, announcements=(Announcement(to=ChannelAddress("slack", "C0GONE"), reply=reply),))
    asyncio.run(deliver_announcements(outcome, senders=senders, core=bot.core))
    for _ in range(MAX_ATTEMPTS):
        asyncio.run(run_pass(core=bot.core, senders=senders))
    told = [r for _, c, r in senders["terminal"].posts if r.title.startswith("Kunngjer")]
    assert told and told[0].title == "Kunngjeringar som ikkje kom fram"
    assert "kom ikkje fram til slack-kanal C0GONE" in told[0].text and "Skriv «logg» for detaljar." in told[0].text
    assert "kom ikkje fram til slack-kanal C0GONE" in bot.say("logg", as_="aud", channel="nasjonal").text
