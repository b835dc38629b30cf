"""The status pages as HTML, rendered on the server with Jinja2 (autoescape on) from what the core decided
(`CorePort.status_page` -> `bot.shown.web_views.StatusView`, built on bot/shown/status_data.py).

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
from bot.shown.states import STATE_LABELS, STATE_ORDER, STATE_SYMBOLS

from .wheel_svg import render_svg

if TYPE_CHECKING:
    from bot.shown.web_views import StatusView

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


def status_html(*, view: StatusView, token: str) -> str:
    """A status page as the core decided it (`CorePort.status_page`), in its written form (a region's page
    in the region's: Vestland's in nynorsk; AU's in bokmål, as the national channel)."""
    with i18n.using(view.lang):
        if view.region is None:
            return _render(
                "national.html",
                view=view,
                path="/status",
                token=token,
                region_links={key: _link(f"/status/{quote(key)}", token, view.year) for key in view.regions},
            )
        return _render(
            "region.html",
            view=view,
            path=f"/status/{quote(view.region)}",
            token=token,
            national_link=_link("/status", token, view.year) if view.national else None,
        )


def _render(template: str, *, view: StatusView, path: str, token: str, **extra: object) -> str:
    """A status page: what both pages show (the data, the wheel, the legend, the links to the years around)
    and what is the template's own (`extra`)."""
    year = view.year
    return (
        _env()
        .get_template(template)
        .render(
            lang=i18n.current(),
            page=view.page,
            today=view.today.strftime("%d.%m.%Y"),
            legend=_legend(),
            wheel_svg=Markup(render_svg(view.wheel, standalone=False)),
            year_note=view.year_note,
            prev_link=_link(path, token, year - 1) if view.year_shown(year - 1) else None,
            next_link=_link(path, token, year + 1) if view.year_shown(year + 1) else None,
            **extra,
        )
    )
