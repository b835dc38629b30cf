"""Walk 8 m1, m8: the status page's milestone row for an agreement signed before the bot took over counts no
signatures («0/5 signert» beside «signert før Samhandlingsbot tok over»); its signature table marks a late
signature as chat does. In both written forms."""

from __future__ import annotations

import pytest

from tests.driver import make_bot, oslo, signing_open
from tests.helpers import status_page_html


@pytest.mark.parametrize("region", ["agder", "vestland"])
def test_an_agreement_signed_before_the_bot_counts_no_signatures(region: str) -> None:
    bot = make_bot(at=oslo(2026, 12, 17, 9))
    page = status_page_html(bot.core, region=region, year=2026)
    assert "signert før Samhandlingsbot tok over" in page
    # The 2026 cycle's own tables (the 2027 signing below them, under the preparation, counts its signatures)
    assert "/5 signert" not in page.split('id="neste"')[0]


@pytest.mark.parametrize(
    ("region", "coordinator", "outside"),
    [("agder", "kari", "utenfor modellens rekkefølge"), ("vestland", "per", "utanfor rekkjefølgja i modellen")],
)
def test_the_signature_table_marks_a_late_signature(region: str, coordinator: str, outside: str) -> None:
    bot = signing_open(region=region)
    assert bot.say(f"signer {region} {region} 2027", as_=coordinator, channel=region).ok
    bot.set_time(2027, 2, 3, 12)
    assert bot.say(f"signer IN {region} 2027 bekreft", as_="ola", channel="in").ok
    chat = bot.say(f"status {region} 2027", as_=coordinator, channel=region).text
    assert outside in chat and ".;" not in chat
    page = status_page_html(bot.core, region=region, year=2027)
    row = next(line for line in page.split("<tr>") if "Innovasjon Norge" in line and "Ola Berg" in line)
    assert outside in row and "31. januar 2027" in row, row
    own = next(line for line in page.split("<tr>") if "Signert av" in line and "Ola Berg" not in line)
    assert outside not in own, own
