"""Walk 26 F5: IN's general Slack channel does not hear Agder's reminders (IN's «IN i Agder» channel does),
so a signing line shared by every region says so there («Alle regioner unntatt Agder · Signering 2027»),
while a channel that hears every region keeps «Alle regioner» and «IN i Agder» names Agder."""

from __future__ import annotations

import pytest

from bot.reminders.pass_plan import plan_digests
from tests.driver import make_bot, oslo


@pytest.mark.parametrize(
    ("lang", "left_out", "every"),
    [
        ("nb", "Alle regioner unntatt Agder · Signering 2027", "Alle regioner · Signering 2027"),
        ("nn", "Alle regionar unnateke Agder · Signering 2027", "Alle regionar · Signering 2027"),
    ],
)
def test_a_shared_signing_line_names_the_region_heard_elsewhere(lang: str, left_out: str, every: str) -> None:
    bot = make_bot(at=oslo(2027, 1, 14, 10))
    if lang == "nn":
        for channel, platform, admin in (("C0IN", "slack", "U0ADMIN"), ("in", "terminal", "admin")):
            assert bot.say("målform kanal nynorsk", as_=admin, channel=channel, platform=platform).ok
    bot.set_time(2027, 1, 15, 9)
    digests = {
        (digest.to.platform, digest.to.channel_id): digest.reply.text
        for digest in plan_digests(core=bot.core, at=bot.clock.now())
    }
    general = digests[("slack", "C0IN")]
    assert left_out in general and every not in general, general
    assert "Agder · Signering 2027" in digests[("slack", "C0INAGDER")]
    assert every in digests[("terminal", "in")], digests[("terminal", "in")]
