"""Issue 18, the year walk (F14): regions come in one order everywhere, app.yaml's (Norwegian alphabetical,
Æ Ø Å last): an actor's digest as `oversikt` and AU's weekly overview."""

from __future__ import annotations

from bot.messages import ChannelAddress
from bot.reminders.passes import plan_digests
from tests.driver import make_bot, oslo

CONFIGURED = (
    "Agder, Akershus, Buskerud, Finnmark, Innlandet, Møre og Romsdal, Nordland, Oslo, Rogaland, Telemark, "
    "Troms, Trøndelag, Vestfold, Vestland, Østfold"
)


def _ordered(text: str, names: list[str]) -> list[str]:
    return sorted((name for name in names if name in text), key=text.index)


def test_an_actors_digest_lists_regions_as_oversikt_does() -> None:
    bot = make_bot(at=oslo(2026, 10, 16, 9))
    names = CONFIGURED.split(", ")
    to_in = [
        d for d in plan_digests(core=bot.core, at=oslo(2026, 10, 16, 9)) if d.to == ChannelAddress("terminal", "in")
    ]
    assert to_in, "no digest to IN on 16 October"
    text = to_in[0].reply.text
    merged = next(line for line in text.splitlines() if "Oslo" in line and "Østfold" in line)
    assert _ordered(merged, names) == [name for name in names if name in merged], merged
    assert merged.index("Østfold") > merged.index("Vestland") > merged.index("Rogaland")
    overview = bot.say("oversikt", as_="aud").text
    assert [s for s in _ordered(overview, names)][-1] == "Østfold"


def test_the_rank_is_the_configurations_and_national_first() -> None:
    bot = make_bot()
    config = bot.core.config
    assert config.region_rank(None) < config.region_rank("agder") < config.region_rank("ostfold")
    assert [r.short for r in sorted(config.parties.regions, key=lambda r: config.region_rank(r.key))] == (
        CONFIGURED.split(", ")
    )
