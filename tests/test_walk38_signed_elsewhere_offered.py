"""A person who signed an agreement for one party and was moved to another is not offered the other's place
(walk 38 F7).

Inga, known through Innovasjon Norge's workspace, signs Agder's (or Vestland's) agreement for IN; the admin
then binds that workspace to Siva. `signer` refuses her for Siva (one person, one party's place), yet her
`neste` said «1 ting du kan gjøre nå … Du kan gjøre nå for Siva: Signering» with «Signer for SIVA – Agder»,
a button refused to her. Another of Siva's advisers is still offered it."""

from __future__ import annotations

import pytest

from bot.messages import Outcome, Request
from tests.driver import BotDriver, signing_open

IN_TEAM, SIVA_TEAM = "T0INNOVXX", "T0SIVAXXX"
CHANNEL = {"agder": "C0DELTAGDER", "vestland": "C0DELTVESTLAND"}


def _ask(bot: BotDriver, text: str, *, user: str, region: str, team: str, personal: bool = False) -> Outcome:
    return bot.core.handle(
        Request(
            platform="slack",
            user_id=user,
            user_name=user.title(),
            channel_id=f"D0{user}" if personal else CHANNEL[region],
            text=text,
            organisation=team,
            external=True,
            personal=personal,
        )
    )


@pytest.mark.parametrize(
    ("region", "can_do", "refused"),
    [
        ("agder", "Du kan gjøre nå for Siva", "én person signerer for én part"),
        ("vestland", "Du kan gjere no for Siva", "éin person signerer for éin part"),
    ],
)
def test_a_signer_moved_to_another_party_is_not_offered_its_place(region: str, can_do: str, refused: str) -> None:
    bot = signing_open(region=region)
    assert bot.say(f"koble region {region}", as_="U0ADMIN", channel=CHANNEL[region], platform="slack").ok
    for team, party in ((IN_TEAM, "IN"), (SIVA_TEAM, "SIVA")):
        assert bot.say(f"koble organisasjon {team} {party}", as_="admin", channel="nasjonal").ok
    signed = _ask(bot, "signer IN", user="inga", region=region, team=IN_TEAM)
    assert signed.reply.ok, signed.reply.text
    assert bot.say(f"koble organisasjon {IN_TEAM} SIVA bekreft", as_="admin", channel="nasjonal").ok

    for personal in (False, True):
        neste = _ask(bot, "neste", user="inga", region=region, team=IN_TEAM, personal=personal)
        assert neste.reply.title.startswith("Neste for Siva")
        assert can_do not in neste.reply.text
        assert not [b for b in neste.reply.buttons if b.command and b.command.startswith("signer")]
        status = _ask(bot, f"status {region}", user="inga", region=region, team=IN_TEAM, personal=True)
        assert not [b for b in status.reply.buttons if b.command and b.command.startswith("signer")]
    assert refused in _ask(bot, "signer", user="inga", region=region, team=IN_TEAM).reply.text

    # Siva's own adviser, asking the same right after her, is offered Siva's place.
    other = _ask(bot, "neste", user="sindre", region=region, team=SIVA_TEAM)
    assert can_do in other.reply.text
    assert [b.command for b in other.reply.buttons if b.command and b.command.startswith("signer")] == [
        f"signer SIVA {region} 2027 versjon 1"
    ]
    assert _ask(bot, "signer", user="sindre", region=region, team=SIVA_TEAM).reply.ok
