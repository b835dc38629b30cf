"""Walk 6 and 7 minors (fixo): sign buttons, digests' rhythm, feed end times, the wheel, people's names."""

from __future__ import annotations

from tests.driver import make_bot, oslo, record_all_preconditions


def _sign_buttons(reply) -> list[str]:  # type: ignore[no-untyped-def]
    return [b.command for b in reply.buttons if b.command.startswith("signer")]


def test_status_in_the_regions_channel_offers_the_coordinator_the_regions_button_alone() -> None:
    # Walk 6 F14: the coordinator in the region's channel was shown «Signer for IN/SIVA/NFR/RFF» and refused each.
    bot = make_bot(at=oslo(2027, 1, 12, 9))
    record_all_preconditions(bot, year=2027)
    reply = bot.say("status agder 2027", as_="kari", channel="agder")
    assert _sign_buttons(reply) == ["signer agder agder 2027 versjon 1"]
    assert bot.say(_sign_buttons(reply)[0], as_="kari", channel="agder").ok
