"""What people read about the agreement's text: the facts in `status`, the list of versions, the receipt.

The receipt is one neutral structure (`Receipt`), rendered as Norwegian text for chat and the terminal and
as JSON for `python -m bot kvittering --json`, so both always say the same.
"""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from bot.agreement.versions import (
    EARLIER,
    NO_TEXT_YET_AFTER_LABEL,
    VERSIONS,
    Version,
    current_version,
    earlier_signatures,
    signed_day,
    signed_on_text,
    versions,
    when_text,
)
from bot.i18n import _
from bot.messages import Fact, Section, platform_name
from bot.model.config import AppConfig
from bot.model.wheel import agreement_parties, milestone_item, signing_milestone, tracked
from bot.parsing import shown
from bot.shown.replies import render_text
from bot.state.chain import digest
from bot.state.replay import CHANGES
from bot.state.store import StateStore, cycle_partition
from storage.base import Document

logger = logging.getLogger(__name__)


def version_text(version: Version) -> str:
    size = ", " + _("{n} byte").format(n=version.size) if version.size is not None else ""
    name = f" «{shown(version.file_name, limit=80)}»" if version.file_name else ""
    return f"{version.label()}{name}{size}: {version.link}"


def version_facts(*, config: AppConfig, state: StateStore, region: str, year: int) -> list[Fact]:
    """The current text and who signed an older one, for the signing's section in `status` and `neste`."""
    version = current_version(state, region=region, year=year)
    if version is None:
        return [Fact(_("Avtaletekst"), _(NO_TEXT_YET_AFTER_LABEL))]
    registered = _("registrert {when} av {name}").format(when=when_text(version.at), name=version.name)
    facts = [Fact(_("Avtaletekst"), f"{version_text(version)} ({registered})")]
    earlier = earlier_signatures(state, region=region, year=year)
    if earlier:
        facts.append(
            Fact(
                _("Må signere på nytt"),
                ", ".join(
                    f"{config.party_prose(party)} ({signed_on_text(sig)}, {sig.get('name')})"
                    for party, sig in earlier.items()
                ),
            )
        )
    return facts


def versions_section(*, state: StateStore, region: str, year: int) -> list[Section]:
    return [
        Section(
            title=_("Versjon {number}").format(number=version.number),
            facts=(
                Fact(_("Lenke"), version.link),
                Fact("SHA-256", version.sha256 or _("ikke kjent (bare lenke)")),
                *((Fact(_("Størrelse"), _("{n} byte").format(n=version.size)),) if version.size is not None else ()),
                *((Fact(_("Fil"), version.file_name),) if version.file_name else ()),
                Fact(
                    _("Registrert"),
                    _("{when} av {name}").format(when=when_text(version.at), name=version.name)
                    + f" ({platform_name(version.platform)})",
                ),
            ),
        )
        for version in versions(state, region=region, year=year)
    ]


# -- the receipt ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SignatureLine:
    party: str
    party_name: str
    person: str | None
    name: str
    at: str
    at_oslo: str
    platform: str
    channel: str
    version: int | None
    sha256: str | None
    current: bool


@dataclass(frozen=True)
class Receipt:
    region: str
    region_name: str
    year: int
    version: int | None
    sha256: str | None
    size: int | None
    link: str | None
    registered: str | None
    """Who registered the current version, and when (Europe/Oslo)."""
    complete: bool
    missing: list[str]
    signatures: list[SignatureLine]
    history_partition: str
    history_entries: int
    history_head: str | None
    history_ok: bool
    """The chain is whole and the stored state is what it produces (every version, signature, date)."""
    history_proves_state: bool
    """False for a store written before entries said what they changed, until its next change there."""
    before_bot: bool = False
    """The agreement was signed before the bot took over (`tracking_start`): it has no record of it."""

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, indent=2, sort_keys=True)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def sections(self) -> list[Section]:
        """The receipt as titled facts: the same content in chat, the terminal and `to_text`."""
        text: list[Fact] = []
        if self.version is None:
            text.append(Fact(_("Versjon"), _("ingen avtaletekst er registrert")))
        else:
            text.append(Fact(_("Versjon"), str(self.version)))
            text.append(Fact("SHA-256", self.sha256 or _("ikke kjent (bare lenke)")))
            if self.size is not None:
                text.append(Fact(_("Størrelse"), f"{self.size} byte"))
            text.append(Fact(_("Lenke"), self.link or ""))
            if self.registered:
                text.append(Fact(_("Registrert"), self.registered))
        if self.complete:
            status = _("signert av alle parter på denne versjonen")
        elif self.before_bot and not self.signatures:  # not five missing signatures: no records at all
            status = _("signert før Samhandlingsbot tok over, så boten har ingen opplysninger om signaturene")
        else:
            status = _("mangler signatur fra {parties}").format(parties=", ".join(self.missing))
        text.append(Fact("Status", status))
        signed: list[Fact] = []
        for sig in self.signatures:
            on = _("versjon {number}").format(number=sig.version) if sig.version else _("uten versjon")
            stale = "" if sig.current else " – " + _("må signere på nytt")
            signed.append(
                Fact(
                    sig.party_name,
                    _("{name}, {at} (Europe/Oslo), {platform}, kanal {channel}, {on}").format(
                        name=sig.name, at=sig.at_oslo, platform=platform_name(sig.platform), channel=sig.channel, on=on
                    )
                    + stale,
                )
            )
        about = Fact(
            _("Gjelder"),
            _("alt som er registrert for {region} i syklus {year}").format(region=self.region_name, year=self.year),
        )  # the stored partition's id stays in the JSON receipt, not in what people read
        if not self.history_ok:
            chain = _("BRUTT – si fra til administrator")
        elif self.history_entries == 0:
            chain = None  # an empty history is said plainly, not as a chain that proves nothing yet
        elif self.history_proves_state:
            chain = _("i orden")
        else:
            chain = _("hel, men den viser ennå ikke at det lagrede er uendret (lagret før endringene ble ført)")
        if chain is None:
            history: tuple[Fact, ...] = (about, Fact(_("Oppføringer"), _("ingen ennå – ingenting er registrert her")))
        else:
            history = (
                about,
                Fact(_("Oppføringer"), str(self.history_entries)),
                Fact(_("Kjeden"), chain),
                Fact(_("Siste hash"), self.history_head or "–"),
                Fact(
                    _("Sjekk"),
                    _(
                        "hashen er oppføringen der avtalen sist ble endret (tekst eller signatur); senere "
                        "oppføringer i syklusen endrer den ikke. «python -m bot verify <hash>» viser om den fortsatt "
                        "står i kjeden med alt før den uendret."
                    ),
                ),
            )
        return [
            Section(title=_("Avtaletekst"), facts=tuple(text)),
            Section(title=_("Signaturer"), facts=tuple(signed), text=None if signed else _("Ingen ennå.")),
            Section(title=_("Historikk"), facts=history),
        ]

    @property
    def title(self) -> str:
        return _("Kvittering: samarbeidsavtalen {year} for {region}").format(year=self.year, region=self.region_name)

    def to_text(self) -> str:
        return render_text(title=self.title, sections=tuple(self.sections()), lead=None, context=None)


def build_receipt(*, config: AppConfig, state: StateStore, region: str, year: int) -> Receipt:
    version = current_version(state, region=region, year=year)
    signed = state.signatures(region=region, year=year)
    earlier = earlier_signatures(state, region=region, year=year)
    parties = agreement_parties(config, region=region)
    lines: list[SignatureLine] = []
    for party in parties:
        for sig, current in ((signed.get(party), True), (earlier.get(party), False)):
            if sig is None:
                continue
            at = datetime.fromisoformat(sig["at"]).astimezone(config.tz)
            at_oslo = f"{at:%d.%m.%Y}{_(' kl. ')}{at:%H.%M}"
            if (day := signed_day(sig)) is not None:  # signed on its day, recorded later (walk 33 F3)
                at_oslo = _("{day} (registrert {recorded})").format(day=f"{day:%d.%m.%Y}", recorded=at_oslo)
            lines.append(
                SignatureLine(
                    party=party,
                    party_name=config.party_name(party),
                    person=sig.get("person"),
                    name=str(sig.get("name", "")),
                    at=str(sig["at"]),
                    at_oslo=at_oslo,
                    platform=str(sig.get("platform", "")),
                    channel=str(sig.get("channel", "")),
                    version=sig.get("version"),
                    sha256=sig.get("sha256"),
                    current=current,
                )
            )
    partition = cycle_partition(region, year)
    entries = state.history(partition)
    chain = state.verify_history(partition, entries=entries)
    covered = _agreement_entries(entries) or len(entries)
    return Receipt(
        region=region,
        region_name=config.party_name(region),
        year=year,
        version=version.number if version else None,
        sha256=version.sha256 if version else None,
        size=version.size if version else None,
        link=version.link if version else None,
        registered=_("{when} av {name} ({platform})").format(
            when=when_text(version.at), name=version.name, platform=platform_name(version.platform)
        )
        if version
        else None,
        complete=bool(parties) and all(party in signed for party in parties),
        missing=[config.party_prose(party) for party in parties if party not in signed],
        signatures=lines,
        history_partition=partition,
        history_entries=covered,
        history_head=digest(entries[covered - 1]) if covered else None,
        history_ok=chain.ok,
        history_proves_state=chain.replayed_from is not None,
        before_bot=signed_before_bot(config, region=region, year=year),
    )


AGREEMENT_TABLES = frozenset({VERSIONS, EARLIER, "signatures"})
AGREEMENT_ACTIONS = frozenset({"register_text", "sign"})


def _agreement_entries(entries: list[Document]) -> int:
    """How many entries the receipt covers: the cycle's history up to the last one that changed the agreement
    (its text or a signature). The cycle's later records (the autumn meeting's minutes, ten months after the
    signing) do not move the receipt's hash (walk 19 F3), and the hash stays an entry of the chain that
    `python -m bot verify <hash>` finds with everything before it unchanged. 0 when none changed it."""
    for index in range(len(entries) - 1, -1, -1):
        entry = entries[index]
        touched = {str(change.get("table")) for change in entry.get(CHANGES) or () if isinstance(change, dict)}
        if touched & AGREEMENT_TABLES or entry.get("action") in AGREEMENT_ACTIONS:
            return index + 1
    return 0


def signed_before_bot(config: AppConfig, *, region: str, year: int) -> bool:
    """Whether the region's signing of `year` predates the bot's records (not followed, `tracking_start`):
    the receipt and the status page say so rather than list every party as unsigned (walk 7 F5)."""
    spec = signing_milestone(config)
    return spec is not None and not tracked(config, milestone_item(config, milestone=spec, year=year, region=region))
