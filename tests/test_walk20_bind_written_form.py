"""walk 20 F-g: `koble region vestland` is posted for the channel, which reads Vestland's nynorsk from that
moment: the announcement is in nynorsk («Kanalen er kopla»), and a bokmål region's in bokmål."""

from __future__ import annotations

import pytest

from bot.messages import Request
from tests.driver import make_bot, oslo

ADMIN_TEAMS = "11111111-0000-0000-0000-000000000009"
CASES = [
    ("vestland", "Vestland fylkeskommune", "Denne kanalen er no kanalen til"),
    ("agder", "Agder fylkeskommune", "Denne kanalen er nå kanalen til"),
]


@pytest.mark.parametrize(("region", "name", "lead"), CASES)
@pytest.mark.parametrize("platform", ["terminal", "teams"])
def test_binding_a_channel_tells_it_in_the_regions_written_form(
    region: str, name: str, lead: str, platform: str
) -> None:
    bot = make_bot(at=oslo(2026, 10, 5, 10))
    user = ADMIN_TEAMS if platform == "teams" else "admin"
    request = Request(platform=platform, user_id=user, channel_id="19:ny@thread.tacv2", text=f"koble region {region}")
    reply = bot.core.handle(request).reply
    assert reply.ok and f"{lead} {name}" in reply.text, reply.text
