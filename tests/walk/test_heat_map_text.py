"""Issue 18, the year walk (F15): `årshjul varmekart` says in text what its picture shows (month by region
with the worst state and the count), not the one region's wheel text."""

from __future__ import annotations

from tests.driver import make_bot, oslo


def test_the_heat_map_as_text_is_one_line_per_region_in_both_forms() -> None:
    bot = make_bot(at=oslo(2027, 3, 3, 10))
    heat = bot.say("årshjul varmekart", as_="aud")
    plain = bot.say("årshjul", as_="aud")
    assert heat.text != plain.text
    assert heat.title == "Årshjulet 2027 – måned for måned per region"
    assert heat.picture is not None and heat.picture.params["view"] == "heatmap"
    lines = [line.strip() for line in heat.text.splitlines()]
    assert "Agder: jan ! 5 · apr ○ 1 · nov ○ 1 · des ○ 3" in lines
    assert lines.index("Vestland: jan ! 5 · apr ○ 1 · nov ○ 1 · des ○ 3") < lines.index(
        "Østfold: jan ! 5 · apr ○ 1 · nov ○ 1 · des ○ 3"
    )
    assert "! På overtid" in heat.text
    nynorsk = bot.say("årshjul varmekart", as_="per")
    assert nynorsk.title == "Årshjulet 2027 – månad for månad per region" and "Kvar rute viser" in nynorsk.text
