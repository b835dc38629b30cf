"""The agreement text as versions, and signatures bound to one version.

In the model the draft is proposed at the autumn meeting, changed, treated politically and signed in
January, so there are several texts; a signature on the November draft is not one on the January text.
Each registration (`avtale <lenke>`) is a new version in the cycle's partition (table `versions`), with
its link, SHA-256 and size when the bot could read the file, who and when. A signature records the
version and checksum it was given. Registering a new version moves the signatures on older versions to
`earlier_signatures` ("signert på versjon N"): the `signatures` table then holds only signatures on the
current version, so "signed by every party" means signed by every party on the same text.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any
from urllib.parse import urlparse

from bot.i18n import N_, _
from bot.memo import IdentityMemo
from bot.messages import Button
from bot.parsing import count_of
from bot.state.store import DomainError, StateStore, cycle_partition
from storage.base import Document, Tables

logger = logging.getLogger(__name__)

VERSIONS = "versions"
EARLIER = "earlier_signatures"
SHA_RE = re.compile(r"^sha-?256:(.*)$", re.IGNORECASE)
HEX64 = re.compile(r"^[0-9a-f]{64}$")
VERSION_RE = re.compile(r"^(?:v|versjon)(\d{1,3})$", re.IGNORECASE)
SHORT = 12
NO_TEXT_YET = N_("Avtaleteksten er ikke registrert ennå: koordinatoren registrerer den med «avtale <lenke>».")
NO_TEXT_YET_AFTER_LABEL = N_("ikke registrert ennå: koordinatoren registrerer den med «avtale <lenke>».")
"""`NO_TEXT_YET` after the label «Avtaletekst» (`status`'s and `neste`'s fact, the status page's line): the
word once, never «Avtaletekst: Avtaleteksten er ikke registrert ennå»."""


@dataclass(frozen=True)
class Version:
    number: int
    link: str
    sha256: str | None
    size: int | None
    file_name: str | None
    source: str
    """Where the checksum came from: "fil" (the bot read the file), "oppgitt" (typed), "" (link only)."""
    person: str | None
    name: str
    at: str
    platform: str
    channel: str

    @property
    def short(self) -> str:
        return self.sha256[:SHORT] if self.sha256 else _("uten sjekksum")

    def label(self) -> str:
        """`versjon 2 (sha256 1a2b3c4d5e6f)`, the words the confirm step and every reply use."""
        checksum = f"sha256 {self.short}" if self.sha256 else _("uten sjekksum")
        return _("versjon {number} ({checksum})").format(number=self.number, checksum=checksum)

    def as_doc(self) -> Document:
        return {
            "number": self.number,
            "link": self.link,
            "sha256": self.sha256,
            "size": self.size,
            "file_name": self.file_name,
            "source": self.source,
            "person": self.person,
            "name": self.name,
            "at": self.at,
            "platform": self.platform,
            "channel": self.channel,
        }


def _version(doc: Document) -> Version:
    return Version(
        number=int(doc["number"]),
        link=str(doc.get("link", "")),
        sha256=doc.get("sha256"),
        size=doc.get("size"),
        file_name=doc.get("file_name"),
        source=str(doc.get("source", "")),
        person=doc.get("person"),
        name=str(doc.get("name", "")),
        at=str(doc.get("at", "")),
        platform=str(doc.get("platform", "")),
        channel=str(doc.get("channel", "")),
    )


def versions_in(tables: Tables) -> list[Version]:
    return sorted((_version(doc) for doc in tables.get(VERSIONS, {}).values()), key=lambda v: v.number)


_KEPT: IdentityMemo[tuple[Version, ...]] = IdentityMemo(maxsize=1024)


def versions(state: StateStore, *, region: str, year: int) -> list[Version]:
    tables = state.tables(cycle_partition(region, year))
    stored = tables.get(VERSIONS)
    if not stored:
        return []
    # Kept by the stored table (a store never mutates what it hands out; `neste` and `status` describe the
    # signing on every request); the caller gets its own list.
    kept = _KEPT.get(stored)
    if kept is None:
        kept = _KEPT.put(stored, tuple(versions_in(tables)))
    return list(kept)


def current_version(state: StateStore, *, region: str, year: int) -> Version | None:
    found = versions(state, region=region, year=year)
    return found[-1] if found else None


def earlier_signatures(state: StateStore, *, region: str, year: int) -> dict[str, Document]:
    """party -> the latest signature it gave on an older version (it must sign again)."""
    return dict(state.tables(cycle_partition(region, year)).get(EARLIER, {}))


def voided_signed_by(state: StateStore, *, region: str, year: int, day: date) -> set[str]:
    """The parties whose signature, since voided by a new text, was given on or before `day`: a reminder of
    that day was not due to them then, so one that reaches them now is not «sent late» (walk 5, N6); that
    note is for a reminder that was due and missed (downtime, a failed post), never one a later change made
    due."""
    voided = earlier_signatures(state, region=region, year=year)
    return {party for party, signature in voided.items() if str(signature.get("at", ""))[:10] <= day.isoformat()}


# -- reading what was typed ----------------------------------------------------------------------------------


def is_url(text: str) -> bool:
    parsed = urlparse(text)
    return parsed.scheme in ("http", "https") and bool(parsed.netloc) and " " not in text


def same_link(one: str, other: str) -> bool:
    """Whether two links name the same document: the scheme and host are case-insensitive and a host may end
    in a dot (walk 25 F6: «https://VLFK.no/avtale.pdf» was a new text version of «https://vlfk.no/…»); the
    path and query are compared as typed, since a server may tell their case apart."""
    return bool(one) and bool(other) and _link_key(one) == _link_key(other)


def _link_key(link: str) -> tuple[str, str, str]:
    parsed = urlparse(link.strip())
    host = parsed.netloc.lower().rstrip(".")
    return parsed.scheme.lower(), host, link.strip()[len(f"{parsed.scheme}://{parsed.netloc}") :]


_EXAMPLE_HOSTS = ("example.no", "example.com", "example.org", "example.net")


def is_example_link(text: str) -> bool:
    """A link that cannot hold a real text: an example address (RFC 2606, example.no) or a help text's
    «https://…» typed as shown (walk 8 N5); recorded, it would stand as the agreement or the minutes."""
    host = (urlparse(text).hostname or "").rstrip(".").lower()
    if not host or "…" in text or "..." in host:
        return True
    return any(host == known or host.endswith("." + known) for known in _EXAMPLE_HOSTS)


def read_checksum(word: str) -> str | None:
    """`sha256:<hex>` -> the lowercase hex; None when the word is not a checksum at all."""
    match = SHA_RE.match(word)
    if match is None:
        return None
    hexdigest = match[1].lower()
    if not HEX64.match(hexdigest):
        raise DomainError(
            _(
                "Sjekksummen må være 64 heksadesimale tegn etter «sha256:», "
                "f.eks. «avtale <lenke> sha256:9f86d081884c7d65…» (hele SHA-256-summen)."
            )
        )
    return hexdigest


def take_version(words: list[str]) -> tuple[int | None, list[str]]:
    """A `v2` / `versjon 2` among a command's words (a signing button names the version it showed)."""
    rest: list[str] = []
    number: int | None = None
    index = 0
    while index < len(words):
        word = words[index]
        match = VERSION_RE.match(word)
        if match and number is None:
            number = int(match[1])
        elif (
            word.lower() == "versjon"
            and number is None
            and index + 1 < len(words)
            and count_of(words[index + 1]) is not None
        ):
            number = count_of(words[index + 1])
            index += 1
        else:
            rest.append(word)
        index += 1
    return number, rest


# -- changing the state (called inside StateStore.change) ---------------------------------------------------


def add_version(tables: Tables, *, fields: dict[str, Any]) -> tuple[Version, dict[str, Document]]:
    """Append the next version; move signatures on older versions aside. Returns the version and the
    signatures that now must be given again (party -> signature)."""
    table = tables.setdefault(VERSIONS, {})
    number = max((int(doc["number"]) for doc in table.values()), default=0) + 1
    version = _version({**fields, "number": number})
    table[str(number)] = version.as_doc()
    signatures = tables.setdefault("signatures", {})
    renew = {party: sig for party, sig in signatures.items() if not binds(sig, version)}
    earlier = tables.setdefault(EARLIER, {})
    for party, sig in renew.items():
        earlier[party] = sig
        del signatures[party]
    for party, sig in list(earlier.items()):  # the very text a party signed before, registered again (walk 8 N12)
        if binds(sig, version) and party not in signatures:
            signatures[party] = earlier.pop(party)
    return version, renew


def binds(signature: Document, version: Version) -> bool:
    """Whether a signature holds for `version`: given on it, or on an earlier version with the same checksum
    (the same text registered again is the text the party signed; walk 8 N12). Without a checksum only the
    version itself, as a link alone proves no text."""
    if signature.get("version") == version.number:
        return True
    return bool(version.sha256) and signature.get("sha256") == version.sha256


def same_text_as(tables: Tables, *, version: Version) -> Version | None:
    """The earlier version with the same checksum as `version` (the same text registered again), or None."""
    if not version.sha256:
        return None
    return next((v for v in versions_in(tables) if v.number < version.number and v.sha256 == version.sha256), None)


def bind_signature(tables: Tables, *, signature: dict[str, Any], expected: int) -> dict[str, Any]:
    """Under the lock: the text may have changed between the confirm step and now; never sign a version
    the person was not shown."""
    found = versions_in(tables)
    if not found:
        raise DomainError(no_version_text())
    current = found[-1]
    if current.number != expected:
        raise DomainError(changed_text(current))
    tables.get(EARLIER, {}).pop(signature["party"], None)
    return {**signature, "version": current.number, "sha256": current.sha256}


def no_version_text() -> str:
    return _(
        "Avtaleteksten er ikke registrert ennå, så det er ingenting å signere. "
        "Fylkeskommunens koordinator registrerer den med «avtale <lenke>» (eller «avtale <lenke> sha256:<sum>»)."
    )


def changed_text(current: Version, *, command: str = "signer", confirm: str = "") -> str:
    """`confirm`: the confirm word the suggested command needs (after the deadline), so typed back it signs."""
    return _(
        "Avtaleteksten er endret: gjeldende er {version}, {link}. Les den, og signer den med «{command} versjon {number}»."
    ).format(version=current.label(), link=current.link, command=command, number=_numbered(current, confirm))


def no_such_version_text(current: Version, *, asked: int, command: str, confirm: str = "") -> str:
    """A version that never existed (a typo, another region's number) is said to be so, never «endret» (walk
    14b F5)."""
    return _(
        "Det finnes ingen versjon {asked}; gjeldende er {version}, {link}. Les den, og signer den med "
        "«{command} versjon {number}»."
    ).format(
        asked=asked, version=current.label(), link=current.link, command=command, number=_numbered(current, confirm)
    )


def _numbered(current: Version, confirm: str) -> str:
    """«3», or «3 bekreft» when the suggested command needs the confirm word (walk 23 #2)."""
    return f"{current.number} {confirm}" if confirm else str(current.number)


def signed_on_text(signature: Document) -> str:
    number = signature.get("version")
    return _("signert på versjon {number}").format(number=number) if number else _("signert uten versjon")


def when_text(at: str) -> str:
    when = datetime.fromisoformat(at)
    return when.strftime("%d.%m.%Y kl. %H.%M")


def version_to_sign(
    state: StateStore,
    *,
    region: str,
    year: int,
    party: str,
    asked: int | None,
    button: Callable[[Version], Button] | None = None,
    confirm: str = "",
) -> Version:
    """The version a `signer` binds to: the current one, and only if it is the one the person was shown.
    An older version's click is refused with `button(current)`, the current version's «Signer for …» the
    refusal names, so the way on is one click, not a command to type."""
    current = current_version(state, region=region, year=year)
    if current is None:
        raise DomainError(no_version_text())
    if asked is not None and asked != current.number:
        command = sign_command(party=party, region=region, year=year)
        raise DomainError(
            changed_text(current, command=command, confirm=confirm)
            if 1 <= asked < current.number
            else no_such_version_text(current, asked=asked, command=command, confirm=confirm),
            buttons=(button(current),) if button is not None else (),
        )
    return current


def sign_command(*, party: str, region: str, year: int) -> str:
    """`signer IN agder 2027`; a region's own `signer for agder 2027`, the region named once as the party that
    signs (walk 41: «signer agder agder 2027» read doubled). `handlers.sign` reads a region after «for» as the
    party, so an actor's click on the region's button is refused as not theirs. Buttons and the refusals that
    name the command (`bot.agreement.signing.sign_button`) build it here."""
    return f"signer for {region} {year}" if party == region else f"signer {party} {region} {year}"


def signed_day(signature: Document) -> date | None:
    """The day the party says it signed (`signer … signert 21. januar`, walk 33 F3), when it was given: a
    signature made before the bot was adopted, on paper, or typed a day late. None: it was signed when
    recorded (`at`, the history entry's own time, which never changes)."""
    value = signature.get("signed_on")
    try:
        return date.fromisoformat(value) if isinstance(value, str) and value else None
    except ValueError:
        return None


def signed_at(signature: Document) -> str:
    """The ISO time a signature counts from on every surface (the agreement's completion, «bindende siden»,
    a signature's day): the start of its signed day when one was given, else when it was recorded."""
    recorded = str(signature.get("at") or "")
    day = signed_day(signature)
    if day is None or not recorded:
        return recorded
    return datetime.combine(day, time(), tzinfo=datetime.fromisoformat(recorded).tzinfo).isoformat()
