"""Walk 26 F6: a text replaced before anyone signed is told to every party as a changed text («Avtaleteksten
2028 for Agder er endret … Den erstatter versjon 1, som ingen hadde signert»), with the new version's buttons,
not as news that signing opened: the parties had read version 1 from the digests. The same whether version 1
came before the signing window or within it (then nothing at all was said before)."""

from __future__ import annotations

import pytest

from tests.driver import make_bot, oslo, record_all_preconditions, text_command

BOKMAL_TITLE = "Avtaleteksten 2028 for Agder fylkeskommune er endret"


@pytest.mark.parametrize(
    ("region", "who", "changed", "replaces"),
    [
        ("agder", "kari", "Avtaleteksten 2028 for Agder fylkeskommune er endret", "erstatter versjon {old}"),
        ("vestland", "per", "Avtaleteksten 2028 for Vestland fylkeskommune er endra", "erstattar versjon {old}"),
    ],
)
@pytest.mark.parametrize("first_text", ["before the window", "within it"])
def test_a_text_replaced_before_any_signature_is_told_as_changed(
    region: str, who: str, changed: str, replaces: str, first_text: str
) -> None:
    bot = make_bot(at=oslo(2027, 12, 20, 10) if first_text == "before the window" else oslo(2028, 1, 3, 10))
    if region == "vestland":
        for channel in ("in", "vestland"):
            assert bot.say("målform kanal nynorsk", as_="admin", channel=channel).ok
    record_all_preconditions(bot, year=2028, region=region)
    bot.set_time(2028, 1, 4, 10)
    for version in (2, 3):
        reply = bot.say(text_command(year=2028, region=region, version=version), as_=who)
        assert reply.ok, reply.text
        told = {a.to.channel_id: a.reply for a in bot.last.announcements if a.to.platform == "terminal"}
        assert {"in", "siva", "nfr", "rff"} <= set(told), told
        for channel, reply in told.items():
            nynorsk = region == "vestland" and channel in ("in", "vestland")
            title, says = (
                (changed, replaces) if nynorsk or region == "agder" else (BOKMAL_TITLE, "erstatter versjon {old}")
            )
            assert reply.title == title.replace("Agder", "Vestland") if region == "vestland" else title, reply.text
            assert "Klar til signering" not in reply.text and says.format(old=version - 1) in reply.text, reply.text
            assert all(f"versjon {version}" in button.command for button in reply.buttons), reply.buttons
        assert [b.command for b in told["in"].buttons] == [f"signer IN {region} 2028 versjon {version}"]
    first = bot.say(text_command(year=2029, region=region, version=7), as_=who)  # a first text is no change
    assert first.ok and not any("endret" in a.reply.title for a in bot.last.announcements)
