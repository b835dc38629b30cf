"""The wheel as a picture: an empty, a half-done and a finished cycle, drawn to PNG and SVG and checked by
their pixels (size, the state's colour where each item is, the legend) and their text."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from PIL import Image

from adapters.terminal import run_chat
from adapters.web.style import FILL, LAYOUT, SIZE, legend_slots
from adapters.web.wheel_png import render_png
from adapters.web.wheel_svg import render_svg
from bot.shown.wheel_geometry import Arc, WheelPicture
from bot.shown.wheel_picture import build_picture
from tests.driver import BotDriver, make_bot, oslo, record_all_preconditions
from tests.web.cycles import finished


def picture_of(bot: BotDriver, command: str = "årshjul 2027") -> WheelPicture:
    reply = bot.say(command)
    assert reply.ok and reply.picture is not None, reply.text
    assert "Januar" in reply.text  # the text wheel stays as the fallback
    drawing = build_picture(
        config=bot.core.config, state=bot.core.state, params=reply.picture.params, today=bot.clock.now().date()
    )
    assert drawing is not None
    return drawing


def rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def near(pixel: tuple[int, ...], colour: str, tolerance: int = 12) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(pixel[:3], rgb(colour), strict=True))


def png_of(drawing: WheelPicture) -> Image.Image:
    image = Image.open(io.BytesIO(render_png(drawing)))
    assert image.format == "PNG" and image.size == (SIZE, SIZE) and SIZE >= 1000
    return image.convert("RGB")


def arc_pixels(drawing: WheelPicture, arc: Arc) -> list[tuple[int, int]]:
    """Points inside the arc, near its outer edge (labels sit in the middle of a ring), along its length."""
    ring = drawing.rings[arc.ring]
    radius = ring.inner + (ring.outer - ring.inner) * 0.8
    points = []
    for step in range(1, 10):
        x, y = LAYOUT.point(arc.start_deg + (arc.end_deg - arc.start_deg) * step / 10, radius)
        points.append((round(x), round(y)))
    return points


def assert_arc_colours(drawing: WheelPicture, image: Image.Image) -> None:
    """Each arc shows its state's colour, and no other state's colour, where it is drawn."""
    for arc in drawing.arcs:
        own = [FILL[arc.state]] + (["#F5C6A8"] if arc.state == "overdue" else [])
        others = [c for state, c in FILL.items() if c not in own and state not in (arc.state, "untracked")]
        pixels = [image.getpixel(point) for point in arc_pixels(drawing, arc)]
        assert any(near(p, colour) for p in pixels for colour in own), (arc, pixels)
        assert not any(near(p, colour, 6) for p in pixels for colour in others), (arc, pixels)


def assert_legend(drawing: WheelPicture, image: Image.Image, svg: str) -> None:
    for (x, y), entry in zip(legend_slots(drawing), drawing.legend, strict=False):
        swatch = [image.getpixel((round(x + dx), round(y + dy))) for dx in (6, 14, 22, 30, 38) for dy in (-8, 0, 8)]
        assert sum(near(pixel, FILL[entry.state], 20) for pixel in swatch) >= 3, (entry, swatch)
        assert f">{entry.label}<" in svg
    assert len(drawing.legend) == 7  # six states, «ikke aktuelt» (not done), and a meeting over without minutes


def test_empty_cycle_every_item_of_the_year_open_with_the_hand_on_today() -> None:
    bot = make_bot(at=oslo(2027, 1, 4, 9))
    drawing = picture_of(bot)
    late = [arc for arc in drawing.arcs if arc.start_deg == 0 and arc.title.endswith("2026)")]
    states = {arc.state for arc in drawing.arcs if arc not in late}
    assert states == {"open"}
    assert {arc.state for arc in late} == {"overdue"}  # agreement 2027's December items (issue 18), below
    assert drawing.hand_deg is not None and drawing.hand_deg < 5  # 4 January: just past twelve o'clock
    assert [m.name for m in drawing.months][:3] == ["Januar", "Februar", "Mars"] and len(drawing.months) == 12
    assert any(arc.label.endswith("Signering") for arc in drawing.arcs)
    image = png_of(drawing)
    assert_arc_colours(drawing, image)
    svg = render_svg(drawing)
    assert_legend(drawing, image, svg)
    assert svg.count('data-state="open"') == len(drawing.arcs) - len(late)
    assert "Desember" in svg and "Årshjulet 2027 – Agder fylkeskommune" in svg
    hand_x, hand_y = LAYOUT.point(drawing.hand_deg, 1.0)
    assert near(image.getpixel((round(hand_x), round(hand_y))), "#1A1A1A", 60)


def test_half_done_cycle_shows_done_planned_and_overdue() -> None:
    bot = make_bot(at=oslo(2027, 1, 12, 9))
    record_all_preconditions(bot, year=2027)
    for person in ("kari", "ola", "siri", "nils", "rita"):
        assert bot.say("signer agder 2027", as_=person).ok
    assert bot.say("dato vår 22. april kl 10").ok
    bot.set_time(2027, 2, 10, 9)  # the action plan is late; the assignment agreements were never sent
    drawing = picture_of(bot)
    by_label = {arc.label: arc for arc in drawing.arcs}
    assert by_label["✓ Signering"].state == "done"
    assert by_label["✓ Tildelingsbrev 4/4"].state == "done"
    assert by_label["● Dialogmøte vår"].state == "planned" and by_label["● Dialogmøte vår"].marker_planned
    # Walk 3 (#3/#11): an optional item is never overdue (README), so the unsent assignment agreements are
    # open, no longer «!»; the action plan (due 15 December) keeps the picture's overdue arc.
    assert by_label["○ Oppdragsavtaler"].state == "open"
    assert by_label["! Handlingsplan"].state == "overdue"
    assert {"done", "planned", "open", "overdue"} <= {arc.state for arc in drawing.arcs}
    image = png_of(drawing)
    assert_arc_colours(drawing, image)
    assert_legend(drawing, image, render_svg(drawing))
    planned = by_label["● Dialogmøte vår"]
    ring = drawing.rings[planned.ring]
    assert planned.marker_deg is not None
    x, y = LAYOUT.point(planned.marker_deg, ring.outer)
    assert near(image.getpixel((round(x), round(y))), "#1A1A1A", 60)  # the planned date's dot


def test_finished_cycle_every_item_of_the_year_done() -> None:
    bot = finished()
    drawing = picture_of(bot)
    this_cycle = [arc for arc in drawing.arcs if "(2028)" not in arc.label]
    assert this_cycle and all(arc.state == "done" for arc in this_cycle)
    assert all(arc.label.startswith("✓ ") for arc in this_cycle)
    image = png_of(drawing)
    assert_arc_colours(drawing, image)
    assert_legend(drawing, image, render_svg(drawing))


@pytest.mark.parametrize("command", ["årshjul nasjonal 2027", "årshjul varmekart 2027"])
def test_the_nation_as_rings_or_as_a_heat_map(command: str) -> None:
    bot = make_bot(at=oslo(2027, 2, 10, 9))
    record_all_preconditions(bot, year=2027)
    drawing = picture_of(bot, command)
    image = png_of(drawing)
    svg = render_svg(drawing)
    regions = [region.short for region in bot.core.config.parties.regions]
    if drawing.view == "nation":
        assert [ring.label for ring in drawing.rings] == ["Nasjonalt", *regions]
        assert_arc_colours(drawing, image)
    else:
        assert list(drawing.rows) == ["Nasjonalt", *regions]
        assert len(drawing.cells) == 12 * len(drawing.rows)
        overdue = next(cell for cell in drawing.cells if cell.state == "overdue")
        assert overdue.col == 0  # January's signing and letters are past their deadline in Vestland & co.
    for region in regions:
        assert re.search(rf">{re.escape(region)}<", svg)


def test_unknown_picture_params_draw_nothing() -> None:
    bot = make_bot()
    config, state, today = bot.core.config, bot.core.state, bot.clock.now().date()
    for params in ({"view": "region", "region": "atlantis", "year": "2027"}, {"view": "x", "year": "2027"}, {}):
        assert build_picture(config=config, state=state, params=params, today=today) is None


def test_terminal_writes_the_picture_to_files_and_prints_their_paths(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("SAMHANDLING_PICTURES", str(tmp_path))
    bot = make_bot()
    out = io.StringIO()
    run_chat(bot.core, user_id="kari", channel_id="agder", lines=["årshjul 2027"], out=out)
    png, svg = tmp_path / "arshjul-agder-2027.png", tmp_path / "arshjul-agder-2027.svg"
    assert f"Bildet er lagret: {png} og {svg}" in out.getvalue()
    assert Image.open(png).size == (SIZE, SIZE) and svg.read_text(encoding="utf-8").startswith("<svg")
