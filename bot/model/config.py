"""app.yaml: the wheel, the parties, the people and the channels, validated at start-up.

Every error names the key path and the line in app.yaml, so an operator can fix it without reading code.
"""

from __future__ import annotations

import logging
import re
from datetime import date
from functools import cached_property
from pathlib import Path as FsPath
from typing import Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from bot import i18n
from bot.model.yaml_lines import Path, YamlSyntaxError, dotted, line_of, load_with_lines

logger = logging.getLogger(__name__)

ROLES = ("coordinator", "adviser", "au_member", "admin")
AUDIENCES = ("responsible", "prepare")
_KEY = r"^[a-z0-9][a-z0-9-]*$"
_PLAIN_CRON = re.compile(r"\d{1,2} \d{1,2} \* \* (\*|[0-6](-[0-6])?)")


class ConfigError(Exception):
    """app.yaml is wrong. `problems` are lines like ``app.yaml:42: milestones[3].window.to: …``."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("\n".join(problems))


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class LocalText(_Strict):
    """A text people read, in both written forms: ``{nb: "Høstmøtet", nn: "Haustmøtet"}``. Both are
    required, so a reader in Vestland never gets bokmål by silent fallback (a missing form names its line)."""

    nb: str = Field(min_length=1)
    nn: str = Field(min_length=1)

    def __str__(self) -> str:
        return i18n.local({"nb": self.nb, "nn": self.nn})

    @property
    def forms(self) -> tuple[str, str]:
        return self.nb, self.nn


def _local(text: LocalText | None, default: str = "") -> str:
    return str(text) if text is not None else default


class DayRef(_Strict):
    """A month-day in cycle year A, or in A + year (year -1 = the autumn before)."""

    date: str
    year: int = Field(default=0, ge=-1, le=1)

    @model_validator(mode="before")
    @classmethod
    def _from_string(cls, value: Any) -> Any:
        return {"date": value} if isinstance(value, str) else value

    @field_validator("date")
    @classmethod
    def _month_day(cls, value: str) -> str:
        match = re.fullmatch(r"(\d{2})-(\d{2})", value)
        if not match:
            raise ValueError('write the date as "MM-DD", e.g. "03-31"')
        date(2024, int(match[1]), int(match[2]))  # 2024: a leap year accepts 02-29; raises if impossible
        return value

    def resolve(self, cycle_year: int) -> date:
        month, day = (int(part) for part in self.date.split("-"))
        year = cycle_year + self.year
        if (month, day) == (2, 29) and not (year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)):
            day = 28
        return date(year, month, day)


class Window(_Strict):
    from_: DayRef = Field(alias="from")
    to: DayRef

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    def resolve(self, cycle_year: int) -> tuple[date, date]:
        return self.from_.resolve(cycle_year), self.to.resolve(cycle_year)


class Lead(_Strict):
    days: int = Field(ge=1, le=365)
    to: tuple[Literal["responsible", "prepare"], ...] = ("responsible",)
    note_forms: LocalText | None = Field(default=None, alias="note")
    before: Literal["anchor", "opens"] = "anchor"
    """What the lead counts back from without a planned date: `anchor` (the suggested month's first day,
    else the deadline) or `opens` (when the item's window opens or its suggested month begins): a summons
    "in good time" must come before the first day the meeting may be held, not before the last."""

    @property
    def note(self) -> str | None:
        return str(self.note_forms) if self.note_forms else None


class Overdue(_Strict):
    every_days: int = Field(default=7, ge=1, le=60)
    max_times: int = Field(default=12, ge=0, le=100)


class ReminderSettings(_Strict):
    cron: str = "0 9 * * 1-5"
    leads: tuple[Lead, ...] = ()
    overdue: Overdue = Overdue()
    days_off: tuple[str, ...] = ()
    """Extra days off for reminders every year, "MM-DD" (e.g. "12-24"): a reminder moves to the day before."""

    @field_validator("days_off")
    @classmethod
    def _valid_days_off(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for day in value:
            match = re.fullmatch(r"(\d{2})-(\d{2})", day)
            if not match:
                raise ValueError(f'write each day off as "MM-DD", e.g. "12-24" (not {day!r})')
            try:
                date(2024, int(match[1]), int(match[2]))
            except ValueError:
                raise ValueError(f"{day!r} is not a day of the year") from None
        return value

    @property
    def days_off_set(self) -> frozenset[tuple[int, int]]:
        """The days off as (month, day) pairs, as `bot.dates.workdays` takes them."""
        return frozenset((int(day[:2]), int(day[3:])) for day in self.days_off)

    @field_validator("cron")
    @classmethod
    def _valid_cron(cls, value: str) -> str:
        if _PLAIN_CRON.fullmatch(value) and int(value.split()[0]) < 60 and int(value.split()[1]) < 24:
            return value  # «M H * * D[-D]», what every configuration has: valid without importing croniter
        from croniter import croniter  # ~15 ms of imports that `chat` and a plain schedule never need

        if not croniter.is_valid(value):
            raise ValueError(f"not a valid cron expression: {value!r}")
        return value


class Region(_Strict):
    key: str = Field(pattern=_KEY)
    name: str
    short: str
    aliases: tuple[str, ...] = ()
    plan_period: str | None = None
    written_form: Literal["nb", "nn"] = "nb"
    """The county council's own written form (målform): its channels read replies and reminders in it."""


class Actor(_Strict):
    key: str = Field(pattern=r"^[A-Z][A-Z0-9]*$")
    name: str
    aliases: tuple[str, ...] = ()
    enabled: bool = True


class Coordinator(_Strict):
    key: str = Field(pattern=r"^[A-Z][A-Z0-9]*$")
    name: str


class Parties(_Strict):
    regions: tuple[Region, ...] = Field(min_length=1)
    actors: tuple[Actor, ...] = Field(min_length=1)
    coordinator: Coordinator


class After(_Strict):
    key: str
    cycle: int = Field(default=0, ge=-1, le=0)


class Milestone(_Strict):
    key: str = Field(pattern=_KEY)
    name_forms: LocalText = Field(alias="name")
    label_forms: LocalText | None = Field(default=None, alias="label")
    """A short name for tables such as the national overview."""
    aliases: tuple[str, ...] = ()
    short_forms: LocalText | None = Field(default=None, alias="short")
    scope: Literal["national", "regional"]
    responsible: Literal["coordinator", "region"]
    window: Window
    suggested_month: int | None = Field(default=None, ge=1, le=12)
    after: tuple[After, ...] = ()
    prepare: tuple[Literal["actors"], ...] = ()
    participants_forms: LocalText | None = Field(default=None, alias="participants")
    leads: tuple[Lead, ...] | None = None
    agenda_days: int = Field(default=0, ge=0, le=90)
    """Room for a political body's agenda: its papers go out this many days before it meets, so every
    lead counts back from that day (an action plan the county council adopts is on its agenda weeks ahead)."""
    optional: bool = False
    requires_preconditions: bool = False
    signed_by_parties: bool = False
    kind: Literal["meeting", "treatment", "plan", "assignments", "signing"] = "meeting"
    """What sort of item it is, so replies use the fitting word (a meeting is held, a plan adopted …)."""
    model_forms: LocalText | None = Field(default=None, alias="model")
    """The model's own words on the item's place in the order, quoted when a write breaks that order."""
    parts_forms: tuple[LocalText, ...] = Field(default=(), alias="parts")
    """A meeting in several parts (the national autumn meeting is two-part, §1), shown in `status`."""

    # The texts in the reader's written form (bot.i18n.current()).
    @property
    def name(self) -> str:
        return str(self.name_forms)

    @property
    def label(self) -> str | None:
        return str(self.label_forms) if self.label_forms else None

    @property
    def short(self) -> str | None:
        return str(self.short_forms) if self.short_forms else None

    @property
    def participants(self) -> str:
        return _local(self.participants_forms)

    @property
    def model(self) -> str:
        return _local(self.model_forms)

    @property
    def parts(self) -> tuple[str, ...]:
        return tuple(str(part) for part in self.parts_forms)


class Precondition(_Strict):
    key: str = Field(pattern=_KEY)
    name_forms: LocalText = Field(alias="name")
    label_forms: LocalText | None = Field(default=None, alias="label")
    owner: Literal["national", "region", "actor"]
    window: Window
    leads: tuple[Lead, ...] | None = None
    after: tuple[str, ...] = ()
    """Preconditions of the same agreement this one follows from (an allocation letter follows the state
    budget): it is refused until they are recorded."""
    adopted_by: str | None = None
    """Who decides it when that is outside the model's parties (the Storting adopts the state budget);
    shown as responsible, with the party that records it."""

    @property
    def name(self) -> str:
        return str(self.name_forms)

    @property
    def label(self) -> str | None:
        return str(self.label_forms) if self.label_forms else None


class Person(_Strict):
    key: str = Field(pattern=_KEY)
    name: str
    party: str | None = None
    role: Literal["coordinator", "adviser", "au_member", "admin"]
    ids: dict[Literal["terminal", "slack", "teams"], str] = Field(default_factory=dict)


class Channel(_Strict):
    platform: Literal["terminal", "slack", "teams"]
    id: str = Field(min_length=1)
    region: str | None = None
    actor: str | None = None
    national: bool = False
    written_form: Literal["nb", "nn"] | None = None
    """The channel's written form; unset: its region's, else bokmål (actor and national channels)."""

    @model_validator(mode="after")
    def _one_kind(self) -> Channel:
        if self.national and (self.region or self.actor):
            raise ValueError("a national channel has no region or actor")
        if not (self.national or self.region or self.actor):
            raise ValueError("say what the channel is: region, actor (optionally with region) or national: true")
        return self


_HTTPS_URL = r"^https://[^\s/$.?#][^\s]*$"


class TeamsDeveloper(_Strict):
    """Who publishes the Teams app: shown in the Teams app store entry (the manifest's ``developer``)."""

    name: str = Field(min_length=1, max_length=32)
    website_url: str = Field(pattern=_HTTPS_URL, max_length=2048)
    privacy_url: str = Field(pattern=_HTTPS_URL, max_length=2048)
    terms_url: str = Field(pattern=_HTTPS_URL, max_length=2048)


class TeamsApp(_Strict):
    """The ``teams:`` section: what the Teams app package says about the app (``python -m bot teams-package``)."""

    developer: TeamsDeveloper | None = None


class AppConfig(_Strict):
    timezone: str = "Europe/Oslo"
    tracking_start: date | None = None
    """Items due before this day predate the bot: no reminders, never shown as overdue."""
    reminders: ReminderSettings = ReminderSettings()
    parties: Parties
    preconditions: tuple[Precondition, ...] = ()
    milestones: tuple[Milestone, ...] = Field(min_length=1)
    people: tuple[Person, ...] = ()
    channels: tuple[Channel, ...] = ()
    teams: TeamsApp = TeamsApp()

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"unknown time zone {value!r}") from exc
        return value

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def schedule(self) -> ReminderSettings:
        """The reminder schedule (`schedule.cron`), named as the adapters know it."""
        return self.reminders

    # Lookups by key are dicts built on first use (cached_property: the model is frozen, so they never go
    # stale): a request looks parties and milestones up dozens of times, and a scan grows with the circle.
    @cached_property
    def enabled_actors(self) -> tuple[Actor, ...]:
        return tuple(actor for actor in self.parties.actors if actor.enabled)

    @cached_property
    def _by_key(self) -> dict[str, dict[str, Any]]:
        return {
            "region": {region.key: region for region in reversed(self.parties.regions)},
            "actor": {actor.key: actor for actor in reversed(self.parties.actors)},
            "milestone": {milestone.key: milestone for milestone in reversed(self.milestones)},
            "precondition": {item.key: item for item in reversed(self.preconditions)},
            "person_id": {
                (platform, ident): person for person in reversed(self.people) for platform, ident in person.ids.items()
            },
            "channel_id": {(channel.platform, channel.id): channel for channel in reversed(self.channels)},
        }

    def person_with_id(self, platform: str, user_id: str) -> Person | None:
        """The person of app.yaml with this platform id, if any."""
        return self._by_key["person_id"].get((platform, user_id))

    def channel_with_id(self, platform: str, channel_id: str) -> Channel | None:
        """The channel of app.yaml with this platform id, if any."""
        return self._by_key["channel_id"].get((platform, channel_id))

    def region(self, key: str) -> Region | None:
        return self._by_key["region"].get(key)

    def region_rank(self, key: str | None) -> int:
        """The one order of regions on every surface: app.yaml's (Norwegian alphabetical, Æ Ø Å last, as
        `oversikt`, AU's weekly overview and the pages list them); anything not a region (national items,
        an actor) comes first."""
        regions = [region.key for region in self.parties.regions]
        return regions.index(key) if key in regions else -1

    def actor(self, key: str) -> Actor | None:
        return self._by_key["actor"].get(key)

    def milestone(self, key: str) -> Milestone | None:
        return self._by_key["milestone"].get(key)

    def precondition(self, key: str) -> Precondition | None:
        return self._by_key["precondition"].get(key)

    def party_name(self, code: str) -> str:
        if code == self.parties.coordinator.key:
            return self.parties.coordinator.name
        found = self.region(code) or self.actor(code)
        return found.name if found else code

    def party_short(self, code: str) -> str:
        """A party as people write it in lists: `Agder`, `IN`, `AU`."""
        region = self.region(code)
        return region.short if region else code

    def leads_for(self, item: Milestone | Precondition) -> tuple[Lead, ...]:
        return self.reminders.leads if item.leads is None else item.leads


def _cross_check(config: AppConfig) -> list[tuple[Path, str]]:
    """Checks that span sections: unique keys and references that must exist."""
    problems: list[tuple[Path, str]] = []
    region_keys = {region.key for region in config.parties.regions}
    actor_keys = {actor.key for actor in config.parties.actors}
    party_keys = region_keys | actor_keys | {config.parties.coordinator.key}

    def unique(section: Path, keys: list[str]) -> None:
        seen: set[str] = set()
        for index, key in enumerate(keys):
            if key in seen:
                problems.append(((*section, index, "key"), f"duplicate key {key!r}"))
            seen.add(key)

    unique(("parties", "regions"), [region.key for region in config.parties.regions])
    unique(("parties", "actors"), [actor.key for actor in config.parties.actors])
    unique(("milestones",), [milestone.key for milestone in config.milestones])
    unique(("preconditions",), [item.key for item in config.preconditions])
    unique(("people",), [person.key for person in config.people])

    milestone_keys = {milestone.key for milestone in config.milestones}
    for index, milestone in enumerate(config.milestones):
        for after_index, after in enumerate(milestone.after):
            if after.key not in milestone_keys:
                problems.append(
                    (
                        ("milestones", index, "after", after_index, "key"),
                        f"unknown milestone {after.key!r}",
                    )
                )
        if milestone.signed_by_parties != (milestone.kind == "signing"):
            problems.append((("milestones", index, "kind"), "kind: signing goes with signed_by_parties: true"))
        start, end = milestone.window.resolve(2027)
        if start > end:
            problems.append((("milestones", index, "window"), "the window ends before it starts"))
    for index, item in enumerate(config.preconditions):
        start, end = item.window.resolve(2027)
        if start > end:
            problems.append((("preconditions", index, "window"), "the window ends before it starts"))

    for index, person in enumerate(config.people):
        if person.party is not None and person.party not in party_keys:
            problems.append((("people", index, "party"), f"unknown party {person.party!r}"))
        if person.party is None and person.role != "admin":
            problems.append((("people", index, "party"), "only an admin may have no party"))
    seen_ids: dict[tuple[str, str], int] = {}
    for index, person in enumerate(config.people):
        for platform, user_id in person.ids.items():
            if (platform, user_id) in seen_ids:
                problems.append(
                    (
                        ("people", index, "ids", platform),
                        f"{platform} id {user_id!r} is used twice",
                    )
                )
            seen_ids[(platform, user_id)] = index

    seen_channels: set[tuple[str, str]] = set()
    for index, channel in enumerate(config.channels):
        if channel.region is not None and channel.region not in region_keys:
            problems.append((("channels", index, "region"), f"unknown region {channel.region!r}"))
        if channel.actor is not None and channel.actor not in actor_keys:
            problems.append((("channels", index, "actor"), f"unknown actor {channel.actor!r}"))
        if (channel.platform, channel.id) in seen_channels:
            problems.append((("channels", index, "id"), f"channel {channel.id!r} is listed twice"))
        seen_channels.add((channel.platform, channel.id))
    return problems


def parse_config(text: str, *, source: str = "app.yaml") -> AppConfig:
    """Validate app.yaml text; raise ConfigError naming key paths and lines."""
    try:
        data, lines = load_with_lines(text)
    except YamlSyntaxError as exc:
        if exc.path is not None:
            raise ConfigError([f"{source}:{exc.line or '?'}: {dotted(exc.path)}: {exc}"]) from exc
        raise ConfigError([f"{source}:{exc.line or '?'}: YAML syntax error: {exc}"]) from exc
    if not isinstance(data, dict):
        raise ConfigError([f"{source}:1: the file must be a mapping of keys (parties, milestones, …)"])
    try:
        config = AppConfig.model_validate(data)
    except ValidationError as exc:
        problems = []
        for error in exc.errors():
            path = tuple(part for part in error["loc"] if not str(part).startswith("function-"))
            path = tuple(part for part in path if part not in ("str", "dict", "constrained-str"))
            message = error["msg"].removeprefix("Value error, ")
            problems.append(f"{source}:{line_of(lines, path) or '?'}: {dotted(path)}: {message}")
        raise ConfigError(problems) from None
    cross = _cross_check(config)
    if cross:
        raise ConfigError([f"{source}:{line_of(lines, path) or '?'}: {dotted(path)}: {msg}" for path, msg in cross])
    return config


def load_config(path: str | FsPath) -> AppConfig:
    fs_path = FsPath(path)
    try:
        text = fs_path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError([f"{fs_path}: cannot read the configuration: {exc.strerror}"]) from exc
    return parse_config(text, source=str(fs_path))
