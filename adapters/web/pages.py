"""The status pages as HTML, rendered on the server with Jinja2 (autoescape on) from bot/status_data.py.

The wheel is inlined as SVG (our own writer escapes every text it writes), so a page is one request and
works without scripts."""

from __future__ import annotations

import logging
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from bot import i18n
from bot.shown_states import STATE_LABELS, STATE_ORDER, STATE_SYMBOLS
from bot.status_data import national_page, region_page
from bot.wheel_picture import nation_wheel, region_wheel
from bot.written_form import region_form

from .wheel_svg import render_svg

if TYPE_CHECKING:
    from datetime import date

    from bot.core import Core
    from bot.wheel_geometry import WheelPicture

logger = logging.getLogger(__name__)

TEMPLATES = Path(__file__).with_name("templates")


@lru_cache(maxsize=1)
def _env() -> Environment:
    """Templates with gettext (`{{ _("…") }}`): the texts come from bot/locale in the written form that is
    current when a page renders (a region's page in the region's form)."""
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(enabled_extensions=("html",), default=True),
        trim_blocks=True,
        lstrip_blocks=True,
        extensions=["jinja2.ext.i18n"],
    )
    env.install_gettext_callables(  # type: ignore[attr-defined]
        gettext=lambda message: i18n._(message), ngettext=i18n.ngettext, newstyle=True
    )
    return env


def _legend() -> list[tuple[str, str, str]]:
    return [(state, STATE_SYMBOLS[state], i18n._(STATE_LABELS[state])) for state in STATE_ORDER]


def _link(path: str, token: str, year: int | None = None) -> str:
    query = f"?token={quote(token)}"
    if year is not None:
        query += f"&år={year}"
    return path + query


def national_html(*, core: Core, token: str, year: int) -> str:
    with i18n.using(i18n.DEFAULT_LANG):  # AU's page: bokmål, as the national channel
        return _national_html(core=core, token=token, year=year)


def _national_html(*, core: Core, token: str, year: int) -> str:
    today = core.clock.now().date()
    page = national_page(config=core.config, state=core.state, year=year, today=today)
    wheel = nation_wheel(config=core.config, state=core.state.snapshot(), year=today.year, today=today)
    return _render(
        "national.html",
        page=page,
        wheel=wheel,
        path="/status",
        token=token,
        year=year,
        today=today,
        region_links={r.key: _link(f"/status/{quote(r.key)}", token, year) for r in core.config.parties.regions},
    )


def region_html(*, core: Core, region: str, token: str, national: bool, year: int) -> str:
    """A region's page in the region's written form (Vestland's in nynorsk)."""
    with i18n.using(region_form(config=core.config, region=region)):
        return _region_html(core=core, region=region, token=token, national=national, year=year)


def _region_html(*, core: Core, region: str, token: str, national: bool, year: int) -> str:
    today = core.clock.now().date()
    page = region_page(config=core.config, state=core.state, region=region, year=year, today=today)
    wheel = region_wheel(config=core.config, state=core.state.snapshot(), region=region, year=today.year, today=today)
    return _render(
        "region.html",
        page=page,
        wheel=wheel,
        path=f"/status/{quote(region)}",
        token=token,
        year=year,
        today=today,
        national_link=_link("/status", token, year) if national else None,
    )


def _render(
    template: str, *, page: object, wheel: WheelPicture, path: str, token: str, year: int, today: date, **extra: object
) -> str:
    """A status page: what both pages show (the data, the wheel, the legend, the links to the years around)
    and what is the template's own (`extra`)."""
    return (
        _env()
        .get_template(template)
        .render(
            lang=i18n.current(),
            page=page,
            today=today.strftime("%d.%m.%Y"),
            legend=_legend(),
            wheel_svg=Markup(render_svg(wheel, standalone=False)),
            prev_link=_link(path, token, year - 1) if abs(year - 1 - today.year) <= 5 else None,
            next_link=_link(path, token, year + 1) if abs(year + 1 - today.year) <= 5 else None,
            **extra,
        )
    )
