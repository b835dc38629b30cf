"""The platform-neutral request and reply that cross the boundary between an adapter and the core.

Adapters build a `Request` from a platform event and render a `Reply` as Block Kit, an Adaptive Card or
plain text. Nothing here knows a platform SDK; ids are opaque strings that only the adapter interprets.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType

PLATFORMS = ("terminal", "slack", "teams")
_PLATFORM_NAMES = {"slack": "Slack", "teams": "Teams"}


def platform_name(platform: str) -> str:
    """A platform as people read it (`logg`, `kvittering`, a join request, the status page): «Slack», «Teams»,
    never the stored id «slack»; «terminal» and anything else as stored."""
    return _PLATFORM_NAMES.get(platform, platform)


FORMLESS = frozenset({"terminal"})
"""Platforms whose adapter shows no form (the terminal prints text): a reply that offers a form tells them
only the one-line way to write the same (walk 36 F8)."""


class Visibility(StrEnum):
    """Who should see a reply: the asker alone (reads) or the whole channel (recorded changes)."""

    PRIVATE = "private"
    CHANNEL = "channel"


@dataclass(frozen=True)
class MentionedUser:
    """A platform mention in what a person typed. Adapters write each mention into `Request.text` as the
    neutral token `<@user_id>` (Slack's own form; Teams' `<at>…</at>` is rewritten to it from the
    activity's mention entities) and list it here with the text the platform showed."""

    user_id: str
    display: str = ""


@dataclass(frozen=True)
class Attachment:
    """A file that came with a command (shared in Slack, sent to the bot in Teams, a path in the terminal).

    The adapter holds the platform's credentials, so it fetches the bytes before calling the core and
    passes only what the core needs to know about the file: `sha256` and `size` when it could read it, or
    `error` (English, for the log) when it could not. `url` is where people find the file again.
    """

    name: str
    url: str
    sha256: str | None = None
    size: int | None = None
    error: str | None = None


@dataclass(frozen=True)
class Delivery:
    """How a platform delivered a request, so a redelivery (a retry, a replay, a double click) is answered once.

    `again_unless_recorded`: the same id may come again from a new human action (a click on the same
    button, a corrected form) when the first one recorded nothing, so such a delivery is forgotten then."""

    id: str
    again_unless_recorded: bool = False


@dataclass(frozen=True)
class Request:
    """One command from one person in one channel.

    `text` is the command without any `/samhandling` prefix or mention. `fields` carries the values of a
    submitted form (e.g. the minutes form); `request_id` is an idempotency key from the platform (a form
    submission id, a click's action ts) so a retried or double-clicked request never records twice.
    """

    platform: str
    user_id: str
    channel_id: str
    text: str
    user_name: str | None = None
    fields: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    request_id: str | None = None
    mentions: tuple[MentionedUser, ...] = ()
    attachments: tuple[Attachment, ...] = ()
    delivery: Delivery | None = None
    """The platform's id of this delivery (a Slack event id, a Teams activity id): the pipeline answers a
    redelivery of it once per process (`bot.pipeline.repeats`). None: the platform gives none."""
    personal: bool = False
    """A one-to-one chat with the bot (a Teams personal chat, a Slack DM): no channel to bind, so never told that it is
    unbound; a command there is about the person's own party."""
    organisation: str | None = None
    """The person's own organisation as their platform names it: a Teams tenant id (their home tenant, also
    in a shared channel hosted by another), a Slack team id (`user_team`, also in Slack Connect); None where
    the platform says nothing (the terminal). `koble organisasjon` binds one to a party
    (`bot.model.identity.organisation_key`)."""
    email_domain: str | None = None
    """The domain of the person's e-mail address where the adapter knows it (`koble organisasjon <domene>`)."""
    external: bool = False
    """The person belongs to another organisation than the one the bot is installed in (a Slack Connect
    member, an external member of a Teams shared channel): some platform features stop at that border."""
    locale: str | None = None
    """The language the person's client is set to, as the platform says it (a Teams activity's `locale`,
    «nn-NO»): nynorsk there is the person's written form while they have chosen none with `målform` (walk 30
    m3); see `bot.written_form.locale_form`."""


class ItemState(StrEnum):
    """Where an item of the wheel stands today, as data beside the words, so no renderer reads prose to
    colour or mark it. Decided in one place, `bot.facts.item_state.item_state`."""

    DONE = "done"
    NOT_RELEVANT = "not_relevant"
    """An optional item marked not relevant this cycle: settled, without being done."""
    OVERDUE = "overdue"
    DUE = "due"
    """Its window is open and its deadline is near (`bot.facts.item_state.DUE_DAYS`)."""
    PLANNED = "planned"
    """A date is set and the deadline has not passed."""
    OPEN = "open"
    """Its window is open: no date set, the deadline not near."""
    OPTIONAL_PAST = "optional_past"
    """An optional item (the assignment agreements) past its deadline and not done: never overdue (README),
    it waits for answers that may still come; every surface says «valgfritt, ikke på overtid»."""
    NOT_OPEN = "not_open"
    """Its window has not opened yet."""
    UNTRACKED = "untracked"
    """It predates the bot, which never followed it: neither done nor behind."""


@dataclass(frozen=True)
class Fact:
    label: str
    value: str
    state: ItemState | None = None
    """The state of the item the fact is about, where it is one (a cell of `oversikt`)."""
    more: str | None = None
    """The command that shows this value whole (a meeting's minutes: `referat vis …`): where a renderer
    has to cut the value, its «Se hele» points there rather than at the command that was asked."""


@dataclass(frozen=True)
class Section:
    """A titled group of facts, e.g. one milestone or one region in the overview."""

    title: str
    facts: tuple[Fact, ...] = ()
    text: str | None = None
    state: ItemState | None = None
    """The state of the item the section describes, or of every line in it (a digest's «Forsinket»)."""


@dataclass(frozen=True)
class Button:
    """An action a person can click. Clicking runs `command` as that person, with the command's rules."""

    label: str
    command: str
    confirm: str | None = None
    primary: bool = True
    answers: bool = False
    """A click answers the message itself (a request to join's «Slipp inn»/«Avslå»): where the platform
    can, the answer takes the message's place, even on a message that told the channel of a recorded change,
    which otherwise stays as it was told (walk 35 F3, walk 37)."""


@dataclass(frozen=True)
class FormField:
    name: str
    label: str
    multiline: bool = False
    optional: bool = True
    hint: str | None = None


@dataclass(frozen=True)
class Form:
    """A form the adapter should open (Slack modal, Teams card inputs).

    On submit the adapter sends a `Request` with `text=submit_command` and the values in `fields`.
    """

    title: str
    submit_command: str
    fields: tuple[FormField, ...]
    submit_label: str = "Lagre"
    context: str | None = None
    """What the form is about (meeting, region, year), shown under a short title: Slack cuts a modal's
    title at 24 characters."""


@dataclass(frozen=True)
class Mention:
    """A person a message calls on. Adapters render a platform mention (Slack `<@U…>`, a Teams mention
    entity) where `ids` has the person's id on that platform, and the plain name otherwise."""

    person: str
    """The person's key (app.yaml or a runtime binding)."""
    name: str
    ids: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    """platform -> that platform's user id."""


@dataclass(frozen=True)
class Picture:
    """A picture to show with a reply (the wheel). Neutral: `params` say what to draw (see
    `bot.shown.wheel_picture.build_picture`); adapters draw it with the shared renderers in adapters/web and post
    it as their platform can. The reply's `text` stays the full fallback."""

    params: Mapping[str, str]
    name: str
    """A file stem, e.g. ``arshjul-agder-2027``."""
    alt: str


@dataclass(frozen=True)
class Reply:
    """What the core answers. `text` is a complete plain-text rendering, usable as a fallback anywhere."""

    title: str
    text: str
    sections: tuple[Section, ...] = ()
    buttons: tuple[Button, ...] = ()
    context: str | None = None
    visibility: Visibility = Visibility.PRIVATE
    ok: bool = True
    form: Form | None = None
    mentions: tuple[Mention, ...] = ()
    """People who must act on this message; rendered as mentions where the platform has them."""
    picture: Picture | None = None
    """A picture to show with the reply (Slack: an uploaded file, Teams: an Image, terminal: a file)."""
    lang: str = "nb"
    """The written form it is in (`nb` bokmål, `nn` nynorsk): adapters add their few words (a cut-off
    note, a form's "må fylles ut") in it, through bot.i18n."""


@dataclass(frozen=True)
class ChannelAddress:
    """A concrete channel on one platform."""

    platform: str
    channel_id: str


@dataclass(frozen=True)
class Announcement:
    """A message the core wants posted to a channel other than (or as well as) the asker's."""

    to: ChannelAddress
    reply: Reply


@dataclass(frozen=True)
class Queued:
    """An announcement written to the durable outbox with the change that made it (`bot.delivery.outbox`): the
    partition and key of its row, so delivery marks exactly that row."""

    partition: str
    key: str
    announcement: Announcement


@dataclass(frozen=True)
class Outcome:
    """The result of handling one request: the reply to the asker and any announcements."""

    reply: Reply
    announcements: tuple[Announcement, ...] = ()
    reads_only: bool = False
    """The command only reads (declared so): running it again refreshes what it showed (a Teams card)."""
    repeated: bool = False
    """A redelivery of a request already answered (`Request.delivery`): the adapter says nothing more."""
    queued: tuple[Queued, ...] = ()
    """The announcements already in the durable outbox (written with the change), for `CorePort.deliver`."""
    alone: bool = False
    """Meant for the asker's eyes (`kvittering`): where a channel sees every reply (a Teams channel), the adapter
    sends it to the person's own chat with the bot when it can, as Slack shows it to the asker alone."""
    outboxed: bool = False
    """The outbox has seen this outcome (`bot.delivery.outbox.queue`): what it did not queue (the asker's
    channel, a channel no process can post to) `CorePort.deliver` does not store again."""
