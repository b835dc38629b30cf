"""The wheel's texts do not hide one another: for an empty, a half-done and a finished cycle, in every
region's wheel and the nation's, the label boxes the geometry placed do not overlap, none covers a month
name or the hub's year, the month names sit wholly outside the rings (and today's hand), and each box
holds its text as the PNG renderer's font really draws it."""

from __future__ import annotations

import itertools
import math

import pytest

from adapters.web.style import LABEL_PX, LAYOUT, MONTH_PX, RING_PX
from adapters.web.wheel_png import SCALE, _font
from bot.shown.wheel_geometry import WheelPicture
from bot.shown.wheel_labels import Box, hub_boxes, label_box, label_size, month_box, month_size, ring_label_box
from bot.shown.wheel_picture import build_picture
from tests.driver import BotDriver
from tests.web.cycles import empty, finished, half_done

HAND_END = 1.05
"""Today's hand reaches this far out (the renderers)."""


def drawings(bot: BotDriver) -> list[WheelPicture]:
    """Every region's wheel and the nation's, in both written forms."""
    config, today = bot.core.config, bot.clock.now().date()
    params = [{"view": "region", "region": spec.key} for spec in config.parties.regions] + [{"view": "nation"}]
    out = []
    for extra, lang in itertools.product(params, ("nb", "nn")):
        drawing = build_picture(
            config=config, state=bot.core.state, params={**extra, "year": "2027", "lang": lang}, today=today
        )
        assert drawing is not None
        out.append(drawing)
    return out


def nearest(box: Box) -> float:
    """How close a box comes to the wheel's centre."""
    x = min(max(0.0, box.left), box.right)
    y = min(max(0.0, box.top), box.bottom)
    return math.hypot(x, y)


def text_boxes(drawing: WheelPicture) -> list[tuple[str, Box]]:
    if drawing.view == "nation":
        right = drawing.ring_labels_right
        return [
            (ring.label, ring_label_box((ring.inner + ring.outer) / 2, ring.label, right=right))
            for ring in drawing.rings
        ]
    return [(arc.label, label_box(arc.label_deg, arc.label_r, arc.label)) for arc in drawing.arcs]


@pytest.mark.parametrize("cycle", [empty, half_done, finished])
def test_no_label_hides_another_or_a_month_name(cycle) -> None:
    for drawing in drawings(cycle()):
        labels = text_boxes(drawing)
        months = [(m.name, month_box(m.mid_deg, m.name_r, m.name)) for m in drawing.months]
        assert labels and len(months) == 12
        for (a, box_a), (b, box_b) in itertools.combinations(labels + months, 2):
            assert box_a.overlap(box_b) == 0, (drawing.title, a, b)
        hub = hub_boxes(year=str(drawing.year), today=drawing.today_label if drawing.hand_deg is not None else "")
        for (text, box), other in itertools.product(labels, hub):
            assert box.overlap(other) == 0, (drawing.title, text)
        outermost = max(ring.outer for ring in drawing.rings)
        for name, box in months:
            assert nearest(box) > max(outermost, HAND_END), (drawing.title, name)
            assert box.left * LAYOUT.radius + LAYOUT.cx > 0 and box.right * LAYOUT.radius + LAYOUT.cx < 2 * LAYOUT.cx


def test_every_box_holds_its_text_as_the_font_draws_it() -> None:
    """The geometry estimates text sizes; DejaVu's real extents must fit inside."""
    drawing = next(d for d in drawings(half_done()) if d.view == "region")
    texts = [arc.label for arc in drawing.arcs] + ["○ Politisk behandling (2028)", "! Tildelingsbrev 0/4 (2028)"]
    for text in texts:
        left, top, right, bottom = _font(LABEL_PX).getbbox(text, anchor="mm")
        width, height = (side * LAYOUT.radius * SCALE for side in label_size(text))
        assert right - left < width and bottom - top < height, text
    for name in ("Januar", "Februar", "September", "Oktober", "November", "Desember", "Mai", "Juni"):
        left, top, right, bottom = _font(MONTH_PX, bold=True).getbbox(name, anchor="mm")
        width, height = (side * LAYOUT.radius * SCALE for side in month_size(name))
        assert right - left <= width and bottom - top <= height, name
    ring = ring_label_box(0.5, "Trøndelag")
    left, _, right, _ = _font(RING_PX).getbbox("Trøndelag", anchor="rm")
    assert right - left <= (ring.right - ring.left) * LAYOUT.radius * SCALE


@pytest.mark.parametrize(("person", "region"), [("kari", "agder"), ("per", "vestland")])
def test_no_label_hides_a_planned_dates_dot(person: str, region: str) -> None:
    # Walk 6 F9: the dot of a meeting planned 16 November sat under «○ Politisk behandling (2028)».
    from bot.shown.wheel_labels import dot_box
    from tests.driver import make_bot, oslo

    bot = make_bot(at=oslo(2027, 1, 11, 10))
    assert bot.say("dato vårmøte 10.-11. mars kl 12", as_="aud").ok
    assert bot.say("dato vår 22.–23. april", as_=person, channel=region).ok
    assert bot.say("dato høst 2027 16. november kl 9 bekreft", as_=person, channel=region).ok
    for drawing in drawings(bot):
        dots = [
            dot_box(arc.marker_deg, drawing.rings[arc.ring].outer)
            for arc in drawing.arcs
            if arc.marker_deg is not None and arc.marker_planned
        ]
        assert dots or drawing.rings[0].label, drawing.title
        labels = [label_box(arc.label_deg, arc.label_r, arc.label) for arc in drawing.arcs if arc.label]
        assert not [(d, b) for d in dots for b in labels if d.overlap(b) > 0], drawing.title
