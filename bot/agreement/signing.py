"""The "Signer for <part>" action, the same in replies, announcements and reminders."""

from __future__ import annotations

from datetime import datetime, time

from bot.agreement.versions import Version, sign_command
from bot.clock import OSLO
from bot.i18n import _
from bot.messages import Button
from bot.model.config import AppConfig
from bot.model.order import Breach, confirm_word, signing_breaches
from bot.model.wheel import Item
from bot.shown.replies import day_text


def sign_button(config: AppConfig, *, item: Item, party: str, version: Version, at: datetime) -> Button:
    """A click runs `signer <part> <region> <år> versjon N` as the person who clicked, with the command's own
    rules. The confirm question shows the text being signed (version, short checksum, link); the command
    names that version, so a click on an old message after the text changed is refused, never moved on.
    After the deadline the command carries the confirm word and the question names the rule it passes (one
    rule for every button: digest, `neste`, `status`, announcements, judged at noon of `at`'s day so a button
    is the same all day, walk 3, #1/#9); before the window opens it never does, so a click in December gets
    the refusal that quotes the model instead of a signature (walk 4, S6). A region's own button names the
    region once (`sign_command`: `signer for agder 2027 versjon N`)."""
    assert item.region is not None
    where = "" if party == item.region else " " + _("i {region}").format(region=config.party_short(item.region))
    command = f"{sign_command(party=party, region=item.region, year=item.year)} versjon {version.number}"
    question = _("Signere samarbeidsavtalen {year} for {party}{where}, {version}: {link}?").format(
        year=item.year, party=config.party_name(party), where=where, version=version.label(), link=version.link
    )
    late = late_breaches(config=config, item=item, at=at)
    if late:
        command += " " + confirm_word()
        question = f"{' '.join(breach.rule for breach in late)} {question}"
    return Button(label=sign_label(config, party=party, region=item.region), command=command, confirm=question)


def sign_label(config: AppConfig, *, party: str, region: str) -> str:
    """«Signer for IN – Agder»: an actor signs in every region, and one reply (`neste`, a digest) can carry its
    buttons for several, so each names its region (walk 14b F2); a region signs only its own («Signer for
    Agder»). Typed, the label is read as the command (`handlers.sign`)."""
    if party == region:
        return _("Signer for {party}").format(party=config.party_short(party))
    return _("Signer for {party} – {region}").format(party=config.party_short(party), region=config.party_short(region))


def signing_open(*, item: Item, at: datetime) -> bool:
    """Whether `item` may be signed on `at`'s day: from its window's first day (January in the model). Before
    it no surface offers a «Signer» button or a typed «signer …», since it would be refused; the line says
    from when instead (`opens_text`, walk 6, F16). After the deadline the button carries the confirm word."""
    return at.astimezone(OSLO).date() >= item.start


def opens_text(item: Item) -> str:
    """«kan signeres fra 1. januar 2027»: what a line says of a signing whose window has not opened."""
    return _("kan signeres fra {day}").format(day=day_text(item.start))


def late_breaches(*, config: AppConfig, item: Item, at: datetime) -> list[Breach]:
    """The order rule a signature at `at`'s noon breaks by coming after the signing's deadline, or none: the
    one rule for whether a suggested signing (a button, a typed «signer …» in a reminder) carries the confirm
    word. Before the window nothing suggested carries it: the refusal then explains the window."""
    noon = datetime.combine(at.astimezone(OSLO).date(), time(12), tzinfo=OSLO)
    if noon.date() <= item.deadline:
        return []
    return signing_breaches(config=config, item=item, now=noon)
