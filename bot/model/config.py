"""app.yaml: the wheel, the parties, the people and the channels, validated at start-up.

Every error names the key path and the line in app.yaml, so an operator can fix it without reading code.
"""

from __future__ import annotations

import logging
from datetime import date
from functools import cached_property
from pathlib import Path as FsPath
from typing import Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot import i18n
from bot.model.config_checks import cross_check
from bot.model.config_parts import Lead, LocalText, ReminderSettings, Window, local_text
from bot.model.schema import Invalid, build, rule, section
from bot.model.yaml_lines import YamlSyntaxError, dotted, line_of, load_with_lines

logger = logging.getLogger(__name__)

ROLES = ("coordinator", "adviser", "au_member", "admin")
AUDIENCES = ("responsible", "prepare")
_KEY = r"^[a-z0-9][a-z0-9-]*$"


class ConfigError(Exception):
    """app.yaml is wrong. `problems` are lines like ``app.yaml:42: milestones[3].window.to: …``."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("\n".join(problems))


@section
class Region:
    key: str = rule(pattern=_KEY)
    name: str
    short: str
    name_nn: str | None = rule(default=None, min_length=1)
    """The party's name in nynorsk prose where it differs (optional; `name` is used in both forms otherwise)."""
    aliases: tuple[str, ...] = ()
    plan_period: str | None = None
    written_form: Literal["nb", "nn"] = "nb"
    """The county council's own written form (målform): its channels read replies and reminders in it."""


@section
class Actor:
    key: str = rule(pattern=r"^[A-Z][A-Z0-9]*$")
    name: str
    name_nn: str | None = rule(default=None, min_length=1)
    """The actor's name in nynorsk prose where it differs («Noregs forskingsråd»); optional."""
    aliases: tuple[str, ...] = ()
    enabled: bool = True


@section
class Coordinator:
    key: str = rule(pattern=r"^[A-Z][A-Z0-9]*$")
    name: str
    name_nn: str | None = rule(default=None, min_length=1)
    """The coordinator's name in nynorsk prose where it differs; optional."""


@section
class Former:
    """A former county now split between regions (Viken): a name people still say, answered with a
    question naming the regions, never a guess (one wholly inside a region is that region's alias)."""

    name: str
    regions: tuple[str, ...] = rule(min_length=2)


@section
class Parties:
    regions: tuple[Region, ...] = rule(min_length=1)
    actors: tuple[Actor, ...] = rule(min_length=1)
    coordinator: Coordinator
    former: tuple[Former, ...] = ()


@section
class After:
    key: str
    cycle: int = rule(default=0, ge=-1, le=0)


@section
class Milestone:
    key: str = rule(pattern=_KEY)
    name_forms: LocalText = rule(alias="name")
    label_forms: LocalText | None = rule(default=None, alias="label")
    """A short name for tables such as the national overview."""
    aliases: tuple[str, ...] = ()
    short_forms: LocalText | None = rule(default=None, alias="short")
    scope: Literal["national", "regional"]
    responsible: Literal["coordinator", "region"]
    window: Window
    suggested_month: int | None = rule(default=None, ge=1, le=12)
    after: tuple[After, ...] = ()
    prepare: tuple[Literal["actors"], ...] = ()
    participants_forms: LocalText | None = rule(default=None, alias="participants")
    leads: tuple[Lead, ...] | None = None
    agenda_days: int = rule(default=0, ge=0, le=90)
    """Room for a political body's agenda: its papers go out this many days before it meets, so every
    lead counts back from that day (an action plan the county council adopts is on its agenda weeks ahead)."""
    optional: bool = False
    requires_preconditions: bool = False
    signed_by_parties: bool = False
    kind: Literal["meeting", "treatment", "plan", "assignments", "signing"] = "meeting"
    """What sort of item it is, so replies use the fitting word (a meeting is held, a plan adopted …)."""
    model_forms: LocalText | None = rule(default=None, alias="model")
    """The model's own words on the item's place in the order, quoted when a write breaks that order."""
    parts_forms: tuple[LocalText, ...] = rule(default=(), alias="parts")
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
        return local_text(self.participants_forms)

    @property
    def model(self) -> str:
        return local_text(self.model_forms)

    @property
    def parts(self) -> tuple[str, ...]:
        return tuple(str(part) for part in self.parts_forms)


@section
class Precondition:
    key: str = rule(pattern=_KEY)
    name_forms: LocalText = rule(alias="name")
    label_forms: LocalText | None = rule(default=None, alias="label")
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


@section
class Person:
    key: str = rule(pattern=_KEY)
    name: str
    party: str | None = None
    role: Literal["coordinator", "adviser", "au_member", "admin"]
    ids: dict[Literal["terminal", "slack", "teams"], str] = rule(default_factory=dict)


@section
class Channel:
    platform: Literal["terminal", "slack", "teams"]
    id: str = rule(min_length=1)
    region: str | None = None
    actor: str | None = None
    national: bool = False
    written_form: Literal["nb", "nn"] | None = None
    """The channel's written form; unset: its region's, else bokmål (actor and national channels)."""

    def _check(self) -> str | None:
        if self.national and (self.region or self.actor):
            return "a national channel has no region or actor"
        if not (self.national or self.region or self.actor):
            return "say what the channel is: region, actor (optionally with region) or national: true"
        return None


_HTTPS_URL = r"^https://[^\s/$.?#][^\s]*$"


@section
class TeamsDeveloper:
    """Who publishes the Teams app: shown in the Teams app store entry (the manifest's ``developer``)."""

    name: str = rule(min_length=1, max_length=32)
    website_url: str = rule(pattern=_HTTPS_URL, max_length=2048)
    privacy_url: str = rule(pattern=_HTTPS_URL, max_length=2048)
    terms_url: str = rule(pattern=_HTTPS_URL, max_length=2048)


@section
class TeamsApp:
    """The ``teams:`` section: what the Teams app package says about the app (``python -m bot teams-package``)."""

    developer: TeamsDeveloper | None = None


@section
class AppConfig:
    timezone: str = "Europe/Oslo"
    tracking_start: date | None = None
    """Items due before this day predate the bot: no reminders, never shown as overdue."""
    reminders: ReminderSettings = ReminderSettings()
    parties: Parties
    preconditions: tuple[Precondition, ...] = ()
    milestones: tuple[Milestone, ...] = rule(min_length=1)
    people: tuple[Person, ...] = ()
    channels: tuple[Channel, ...] = ()
    teams: TeamsApp = TeamsApp()

    @staticmethod
    def _valid_timezone(value: str) -> str:
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
        """A party's name in the written form of the text being built (`name_nn` in nynorsk, where app.yaml
        gives one): fixbf 5, «Norges forskningsråd» in nynorsk prose."""
        found = self._party(code)
        if found is None:
            return code
        return found.name_nn if found.name_nn and i18n.current() == "nn" else found.name

    def party_names(self, code: str) -> LocalText:
        """A party's name in both written forms, for what is built once and read in either (an item's title)."""
        found = self._party(code)
        if found is None:
            return LocalText(nb=code, nn=code)
        return LocalText(nb=found.name, nn=found.name_nn or found.name)

    def _party(self, code: str) -> Region | Actor | Coordinator | None:
        if code == self.parties.coordinator.key:
            return self.parties.coordinator
        return self.region(code) or self.actor(code)

    def party_prose(self, code: str) -> str:
        """A party named in a sentence: a region's short name, an actor's name, AU (walk 36 F9: «Mangler
        fortsatt: Siva, Norges forskningsråd», not the codes one types in a command, «SIVA, NFR»)."""
        region = self.region(code)
        if region:
            return region.short
        return self.party_name(code) if self.actor(code) else code

    def party_short(self, code: str) -> str:
        """A party as people write it in lists: `Agder`, `IN`, `AU`."""
        region = self.region(code)
        return region.short if region else code

    def leads_for(self, item: Milestone | Precondition) -> tuple[Lead, ...]:
        return self.reminders.leads if item.leads is None else item.leads


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
        config = build(AppConfig, data)
    except Invalid as exc:
        raise ConfigError(
            [f"{source}:{line_of(lines, path) or '?'}: {dotted(path)}: {message}" for path, message in exc.problems]
        ) from None
    cross = cross_check(config)
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
