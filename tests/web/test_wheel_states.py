"""What the wheel picture says about an item's state, as people met it (issue 18): the current agreement's
items that fell due last year stay on this year's wheel while they are late, «ikke aktuelt» is its own
state (not a green ✓), and today's hand leaves the labels readable. Driven through the commands, checked
on the picture's data and on the PNG's pixels."""

from __future__ import annotations

import re

from adapters.web.style import FILL
from adapters.web.wheel_svg import render_svg
from bot.shown.wheel_labels import hand_boxes, label_box, ring_label_box
from tests.driver import make_bot, oslo, record_all_preconditions

from .harness import link_in, serving
from .test_wheel_picture import assert_arc_colours, assert_legend, picture_of, png_of

LATE_IN_DECEMBER = {"! Handlingsplan", "! Politisk behandling", "! Fylkesbudsjett", "! Statsbudsjett"}
"""Agreement 2027's items due 15 and 31 December 2026."""


def test_on_5_january_with_nothing_recorded_last_years_late_items_are_on_the_wheel() -> None:
    bot = make_bot(at=oslo(2027, 1, 5, 9))
    drawing = picture_of(bot)
    late = {arc.label: arc for arc in drawing.arcs if arc.state == "overdue"}
    assert set(late) == LATE_IN_DECEMBER
    assert late["! Handlingsplan"].title == "Årlig handlingsplan vedtatt 2027: på overtid (frist 15.12.2026)"
    assert all(arc.start_deg == 0 and arc.end_deg > 30 for arc in late.values())  # from 1 January, through it
    assert "på overtid: 4" in drawing.alt
    image = png_of(drawing)
    assert_arc_colours(drawing, image)
    assert_legend(drawing, image, render_svg(drawing))

    nation = picture_of(bot, "årshjul nasjonal 2027")
    rings = {ring.label: i for i, ring in enumerate(nation.rings)}
    january = [arc for arc in nation.arcs if arc.start_deg < 31 and arc.state == "overdue"]
    assert sum(arc.ring == rings["Agder"] for arc in january) == 3  # the plan, the treatment, the budget
    assert [arc.title for arc in january if arc.ring == rings["Nasjonalt"]] == [
        "Nasjonalt: Statsbudsjettet vedtatt (avtale 2027): på overtid"
    ]
    heat = picture_of(bot, "årshjul varmekart 2027")
    cell = next(c for c in heat.cells if heat.rows[c.row] == "Agder" and c.col == 0)
    assert cell.state == "overdue"

    assert bot.say("referat handlingsplan agder 2027 Vedtatt").ok  # recorded: it leaves the wheel's January
    assert "! Handlingsplan" not in {arc.label for arc in picture_of(bot).arcs}


def test_a_later_year_does_not_carry_what_was_late_before_it() -> None:
    bot = make_bot(at=oslo(2028, 1, 5, 9))
    labels = {arc.label for arc in picture_of(bot, "årshjul 2028").arcs}
    assert "! Handlingsplan" in labels  # agreement 2028's, due December 2027
    assert not any("2027" in label for label in labels)  # agreement 2027's are not this year's agreement


async def test_ikke_aktuelt_is_its_own_mark_and_colour_not_a_green_tick() -> None:
    bot = make_bot(at=oslo(2027, 1, 12, 9))
    record_all_preconditions(bot, year=2027)
    assert bot.say("ikke aktuelt oppdrag 2027").ok
    drawing = picture_of(bot)
    arc = next(arc for arc in drawing.arcs if arc.label.endswith("Oppdragsavtaler"))
    assert arc.state == "not_relevant" and arc.label == "⊘ Oppdragsavtaler" and "ikke aktuelt i år" in arc.title
    assert [entry.symbol for entry in drawing.legend if entry.state == "not_relevant"] == ["⊘"]
    assert FILL["not_relevant"] not in (FILL["done"], FILL["untracked"])
    image = png_of(drawing)
    assert_arc_colours(drawing, image)  # its own colour where it is drawn, and no green
    svg = render_svg(drawing)
    assert_legend(drawing, image, svg)
    assert ">Ikke aktuelt i år<" in svg and 'data-state="not_relevant"' in svg

    region = link_in(bot.say("status agder 2027").text, "/status/agder")
    async with serving(bot.core) as server:
        body = (await server.get(region)).text
    cell = re.search(r'<span class="state not_relevant"><span class="sym" aria-hidden="true">(.)</span> ([^<]+)', body)
    assert cell and cell.groups() == ("⊘", "Ikke aktuelt i år")


def test_todays_hand_runs_under_the_labels_and_beside_them_where_there_is_room() -> None:
    bot = make_bot(at=oslo(2027, 1, 12, 9))
    record_all_preconditions(bot, year=2027)
    assert bot.say("dato vår 22. april kl 10").ok
    for day in ((2027, 2, 15), (2027, 4, 20), (2027, 10, 1)):
        bot.set_time(*day, 9)
        drawing = picture_of(bot)
        assert drawing.hand_deg is not None
        hand = hand_boxes(drawing.hand_deg, inner=min(ring.inner for ring in drawing.rings))
        for arc in drawing.arcs:
            box = label_box(arc.label_deg, arc.label_r, arc.label)
            assert not any(box.overlap(part) for part in hand), (day, arc.label)
        svg = render_svg(drawing)
        assert svg.index('stroke-linecap="round"') < svg.index('rx="6"')  # the hand first, the labels over it


def test_in_late_december_the_ring_names_move_off_todays_hand() -> None:
    bot = make_bot(at=oslo(2027, 2, 10, 9))
    assert not picture_of(bot, "årshjul nasjonal 2027").ring_labels_right  # left of twelve, as before
    bot.set_time(2027, 12, 24, 9)
    drawing = picture_of(bot, "årshjul nasjonal 2027")
    assert drawing.ring_labels_right and drawing.hand_deg is not None
    hand = hand_boxes(drawing.hand_deg, inner=min(ring.inner for ring in drawing.rings))
    for ring in drawing.rings:
        box = ring_label_box((ring.inner + ring.outer) / 2, ring.label, right=True)
        assert not any(box.overlap(part) for part in hand), ring.label
    assert_arc_colours(drawing, png_of(drawing))
