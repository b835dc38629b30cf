"""What the web routes show, decided in the core: a calendar feed's events and a status page's data, each
only for a link whose token opens it, in the written form its reader reads (a feed: its region's or actor's
channels' form).

The routes (adapters/web/routes.py) reach these through the port (`CorePort.calendar`,
`CorePort.status_page`) and only render and serve them, so the pages, the feeds and chat share one model:
which cycle a page shows without `?år=` is `bot.model.cycle.read_cycles`, as `status` and `oversikt` say it.
A refusal is None, whatever its reason (a wrong token, an unknown feed or region), so an address reveals
nothing about what exists.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime

from bot import i18n
from bot.i18n import DEFAULT_LANG, Lang, using
from bot.model.config import AppConfig
from bot.model.cycle import read_cycles
from bot.parsing import shown as shown_text
from bot.shown.feeds import FeedEvent, feed_events, feed_title
from bot.shown.status_data import NationalPage, RegionPage, national_page, region_page
from bot.shown.web_links import STATUS_NATIONAL, feed_by_name, status_link_id, token_matches
from bot.shown.wheel_geometry import WheelPicture
from bot.shown.wheel_picture import nation_wheel, region_wheel
from bot.state.store import StateStore
from bot.written_form import party_form, region_form

logger = logging.getLogger(__name__)

YEARS_AROUND = 5
"""How far from today a page's `?år=` may go (and its links to the years before and after)."""


@dataclass(frozen=True)
class CalendarView:
    """A calendar feed as the core decides it: its name (the file), title, events and zone."""

    name: str
    title: str
    events: tuple[FeedEvent, ...]
    now: datetime
    tz_name: str


@dataclass(frozen=True)
class StatusView:
    """A status page's data: the national overview (`region` None) or one region's cycle, with the wheel
    of this calendar year, in the written form the page is read in (`lang`: a region's own)."""

    lang: Lang
    region: str | None
    page: NationalPage | RegionPage
    wheel: WheelPicture
    year: int
    today: date
    regions: tuple[str, ...]
    """The regions the national page links to (their keys)."""
    national: bool
    """The token opens the national page too (a region's page then links to it)."""
    year_note: str | None = None
    """Said at the top when the link's `?år=` could not be read and another cycle is shown (walk 34 F6)."""

    def year_shown(self, year: int) -> bool:
        """Whether a link to cycle `year` may be given (within `YEARS_AROUND` of today)."""
        return abs(year - self.today.year) <= YEARS_AROUND


def calendar_view(
    *, config: AppConfig, state: StateStore, now: datetime, feed: str, token: str | None, environ: Mapping[str, str]
) -> CalendarView | None:
    """The feed named `feed` (`agder`, `in`, `nasjonal`) when `token` opens it, else None."""
    found = feed_by_name(config, feed)
    link_id = found.link_id if found else "kalender:none"
    if not token_matches(state, (link_id,), token, environ=environ) or found is None:
        return None
    # A region's or actor's feed reads as its channels do (Vestland: nynorsk); the national feed as AU's.
    lang = party_form(config=config, state=state, party=found.key) if found.kind != "national" else DEFAULT_LANG
    with using(lang):
        events = feed_events(config=config, state=state, feed=found, today=now.date())
        title = feed_title(config, found)
    return CalendarView(name=found.name, title=title, events=tuple(events), now=now, tz_name=config.timezone)


def status_view(
    *,
    config: AppConfig,
    state: StateStore,
    today: date,
    region: str | None,
    token: str | None,
    year: str | None,
    environ: Mapping[str, str],
) -> StatusView | None:
    """The national page (`region` None) or a region's, when `token` opens it (a region's page opens with
    its own token or the national one), else None. `year` is the page's `?år=` as typed."""
    known = region is None or config.region(region) is not None
    link_ids = (status_link_id(region if known else "none"), STATUS_NATIONAL) if region else (STATUS_NATIONAL,)
    if not token_matches(state, link_ids, token, environ=environ) or not known:
        return None
    national = region is None or token_matches(state, (STATUS_NATIONAL,), token, environ=environ)
    cycle = page_year(config=config, typed=year, today=today)
    lang = region_form(config=config, region=region) if region else DEFAULT_LANG  # AU's page: as its channel
    snapshot = state.snapshot()
    with using(lang):
        note = year_note(typed=year, shown=cycle, today=today)
        if region is None:
            page: NationalPage | RegionPage = national_page(config=config, state=state, year=cycle, today=today)
            wheel = nation_wheel(config=config, state=snapshot, year=today.year, today=today)
        else:
            page = region_page(config=config, state=state, region=region, year=cycle, today=today)
            wheel = region_wheel(
                config=config, state=snapshot, region=region, year=today.year, today=today, table=cycle
            )
    return StatusView(
        lang=lang,
        region=region,
        page=page,
        wheel=wheel,
        year=cycle,
        today=today,
        regions=tuple(r.key for r in config.parties.regions),
        national=national,
        year_note=note,
    )


def page_year(*, config: AppConfig, typed: str | None, today: date) -> int:
    """The cycle a page shows: `?år=2027` within `YEARS_AROUND` of today, otherwise the one `status` and
    `oversikt` show without a year (`bot.model.cycle.read_cycles`)."""
    return _read_year(typed, today=today) or read_cycles(config, today=today).year


def year_note(*, typed: str | None, shown: int, today: date) -> str | None:
    """A short line when `?år=` holds a value the page cannot read («2027abc», «-1», a year too far off): the
    page shows another cycle, and says so, never silently (walk 34 F6). None when it was read or not given."""
    if not typed or _read_year(typed, today=today) is not None:
        return None
    return i18n._(
        "Året «{typed}» i lenken kunne ikke leses (skriv et år fra {first} til {last}); siden viser syklus {year}."
    ).format(typed=shown_text(typed), first=today.year - YEARS_AROUND, last=today.year + YEARS_AROUND, year=shown)


def _read_year(typed: str | None, *, today: date) -> int | None:
    raw = (typed or "").strip()
    if raw.isascii() and raw.isdigit() and len(raw) == 4 and abs(int(raw) - today.year) <= YEARS_AROUND:
        return int(raw)
    return None
