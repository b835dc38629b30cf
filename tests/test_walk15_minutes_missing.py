"""walk 15 N3: a meeting whose planned day has passed without minutes is over on every surface: `status`, the
status page, `oversikt` («03.12 · referat mangler»), `årshjul` as text («◐ … møtet var 3. desember 2026;
referatet mangler») and as a picture (its own state, «Møtet er over, referat mangler»), decided once
(`bot.facts.item_state.minutes_missing`, read by `bot.shown.states.state_of`)."""

from __future__ import annotations

from datetime import date

import pytest

from bot.shown.status_data import national_page
from bot.shown.wheel_picture import build_picture
from tests.driver import BotDriver
from tests.walk15_steps import autumn_held

FORMS = {
    "nb": ("kari", "agder", "høst", "referat mangler", "møtet var 3. desember 2026; referatet mangler"),
    "nn": ("per", "vestland", "haust", "referat manglar", "møtet var 3. desember 2026; referatet manglar"),
}


def _over_without_minutes(lang: str) -> BotDriver:
    person, region, autumn, *_rest = FORMS[lang]
    bot = autumn_held(dated=((person, region, f"dato {autumn} 3.12. kl 12"),))
    bot.set_time(2026, 12, 21, 10)
    return bot


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_a_meeting_over_without_minutes_is_over_on_every_surface(lang: str) -> None:
    person, region, autumn, _missing, wheel_line = FORMS[lang]
    bot = _over_without_minutes(lang)
    assert "møtet er over; referatet mangl" in bot.say(f"status {region} 2026", as_=person, channel=region).text
    overview = bot.say("oversikt 2026", as_="aud", channel="nasjonal").text
    assert "Dialogmøte høst: 03.12 · referat mangler" in overview, overview
    wheel = bot.say("årshjul 2026", as_=person, channel=region)
    assert f"◐ Administrativt dialogmøte {autumn} – {wheel_line}" in wheel.text, wheel.text
    assert "– ferdig 5. november 2026" in wheel.text  # the national meeting held: done, not «planlagt»
    assert wheel.picture is not None
    drawing = build_picture(
        config=bot.core.config, state=bot.core.state, params=wheel.picture.params, today=date(2026, 12, 21)
    )
    assert drawing is not None
    [arc] = [arc for arc in drawing.arcs if "dialogmøte" in arc.title.lower() and autumn in arc.title]
    assert arc.state == "minutes_missing", arc
    assert any(entry.state == "minutes_missing" for entry in drawing.legend)
    page = national_page(config=bot.core.config, state=bot.core.state, year=2026, today=date(2026, 12, 21))
    row = next(row for row in page.regions if row.link == region)
    assert any(cell.state == "minutes_missing" and "03.12.2026" in cell.text for cell in row.cells)


def test_a_planned_meeting_still_ahead_stays_planned_everywhere() -> None:
    bot = _over_without_minutes("nb")
    bot.set_time(2026, 12, 1, 10)
    overview = bot.say("oversikt 2026", as_="aud", channel="nasjonal").text
    assert "Dialogmøte høst: 03.12" in overview and "03.12 · referat mangler" not in overview
    wheel = bot.say("årshjul 2026", as_="kari", channel="agder").text
    assert "● Administrativt dialogmøte høst – planlagt 3. desember 2026" in wheel, wheel
