"""Walk 26 F1: a region's meeting of last year, held and its minutes never recorded, is named by `status`
under «Ikke fullført fra tidligere sykluser»; the new year's wheel carries it into January too (its text, the
region's picture and the national one), as it carries this agreement's late items, with its cycle named."""

from __future__ import annotations

import pytest

from bot.shown.wheel_geometry import WheelPicture
from bot.shown.wheel_picture import build_picture
from tests.driver import BotDriver, make_bot, oslo


def _picture(bot: BotDriver, command: str, *, as_: str, channel: str | None = None) -> WheelPicture:
    reply = bot.say(command, as_=as_, channel=channel)
    assert reply.ok and reply.picture is not None, reply.text
    drawing = build_picture(
        config=bot.core.config, state=bot.core.state, params=reply.picture.params, today=bot.clock.now().date()
    )
    assert drawing is not None
    return drawing


@pytest.mark.parametrize(
    ("who", "region", "ring", "earlier"),
    [
        ("kari", "agder", "Agder", "Ikke fullført fra tidligere sykluser"),
        ("per", "vestland", "Vestland", "Ikkje fullført frå tidlegare syklusar"),
    ],
)
def test_last_years_meeting_without_minutes_is_carried_into_januarys_wheel(
    who: str, region: str, ring: str, earlier: str
) -> None:
    bot = make_bot(at=oslo(2027, 3, 1, 10))
    assert bot.say("dato vår 22. april kl 10", as_=who).ok
    bot.set_time(2028, 2, 7, 10)
    status = bot.say("status", as_=who).text
    assert earlier in status and "Regionalt dialogmøte vår 2027" in status, status

    text = bot.say("årshjul", as_=who).text
    january = text.split("Januar", 1)[1].split("•", 1)[0]
    assert "Regionalt dialogmøte vår (2027)" in january, text
    own = _picture(bot, "årshjul", as_=who)
    (arc,) = [arc for arc in own.arcs if "Dialogmøte vår (2027)" in arc.label]
    assert arc.start_deg == 0 and arc.title.startswith("Regionalt dialogmøte vår 2027"), arc

    nation = _picture(bot, "årshjul", as_="ola", channel="in")
    rings = {r.label: i for i, r in enumerate(nation.rings)}
    carried = [a for a in nation.arcs if a.ring == rings[ring] and "dialogmøte vår 2027" in a.title]
    assert len(carried) == 1 and carried[0].start_deg < 31, nation.arcs
    national = bot.say("årshjul", as_="ola", channel="in").text
    assert "Regionalt dialogmøte vår (2027)" in national.split("Januar", 1)[1].split("•", 1)[0], national

    confirm = "stadfest" if region == "vestland" else "bekreft"
    assert bot.say(f"referat vår {region} 2027 Godt møte {confirm}", as_=who).ok  # recorded: it leaves January
    assert "(2027)" not in bot.say("årshjul", as_=who).text.split("Januar", 1)[1].split("•", 1)[0]
