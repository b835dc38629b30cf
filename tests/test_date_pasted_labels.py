"""Walk 7 F10: Norwegian Outlook's and Google's own invitation lines («Når:», «Hvor:», «Plassering:», «Emne:»,
«Tidssone: …») frame a pasted date and are left out; a refusal's example is never cut with «…» into words that
are refused when typed as shown."""

from __future__ import annotations

import pytest

from tests.driver import BotDriver, make_bot, oslo
from tests.helpers import assert_recorded

REGION = {"kari": "agder", "per": "vestland"}
ZONE = "(UTC+01:00) Amsterdam, Berlin, Bern, Roma, Stockholm, Wien"


@pytest.fixture
def oct5() -> BotDriver:
    bot = make_bot(at=oslo(2026, 10, 5, 9))
    assert bot.say("dato høstmøte 5. november kl 10", as_="aud").ok
    return bot


def planned(bot: BotDriver, *, as_: str) -> str | None:
    milestones = bot.tables(f"cycle/{REGION[as_]}/2026").get("milestones", {})
    return milestones.get("regional-autumn", {}).get("planned")


@pytest.mark.parametrize(
    ("as_", "paste"),
    [
        ("kari", f"Når: torsdag 26. november 2026 10:00-12:00 {ZONE}\nHvor: Microsoft Teams-møte"),
        ("per", f"Når: torsdag 26. november 2026 10:00-12:00 {ZONE}\nPlassering: Microsoft Teams-møte"),
        ("kari", f"Når: torsdag 26. november 2026 10:00-12:00 {ZONE} Hvor: Microsoft Teams-møte"),
        ("per", "Emne: Dialogmøte haust\nNår: torsdag 26. november 2026 10:00-12:00\nKvar: Fylkeshuset, Bergen"),
        ("kari", "Emne: Dialogmøte høst\nNår: torsdag 26. november 2026 10:00-12:00\nHvor: Fylkeshuset"),
        ("per", "torsdag 26. november · 10:00–12:00\nTidssone: Europe/Oslo"),
        ("kari", "Når: 26.11.2026 10:00\nTidssone: Sentraleuropeisk tid"),
    ],
)
def test_an_invitations_own_lines_are_left_out(oct5: BotDriver, as_: str, paste: str) -> None:
    assert_recorded(oct5, f"dato høst {paste}", as_=as_)
    assert planned(oct5, as_=as_) == oslo(2026, 11, 26, 10).isoformat()


@pytest.mark.parametrize("as_", ["kari", "per"])
def test_another_zones_line_is_refused(oct5: BotDriver, as_: str) -> None:
    before = oct5.snapshot()
    reply = oct5.say("dato høst torsdag 26. november · 10:00–12:00\nTidssone: Europe/London", as_=as_)
    assert not reply.ok and oct5.snapshot() == before, reply.text


@pytest.mark.parametrize("as_", ["kari", "per"])
def test_a_refusals_example_is_never_cut_and_is_read_as_typed(oct5: BotDriver, as_: str) -> None:
    before = oct5.snapshot()
    reply = oct5.say("dato høst dialogmøtet torsdag den 26. november 2026 klokken 10.00 presis i Fylkeshuset", as_=as_)
    assert not reply.ok and oct5.snapshot() == before, reply.text
    example = reply.text.rsplit("«", 1)[1].split("»", 1)[0]
    word = "haust" if as_ == "per" else "høst"
    assert "…" not in example and example == f"dato {word} 26.11.2026 kl 10.00", reply.text
    assert_recorded(oct5, example, as_=as_)
    assert planned(oct5, as_=as_) == oslo(2026, 11, 26, 10).isoformat()
