"""What AU's weekly overview says, line by line, and what changed since the last one a channel received.

After weeks with nothing new and nothing due (no overview posted), the first one used to repeat the whole list
under a heading naming the last one posted, so AU read the same regions again and had to find the news itself
(issue 18's last note; walk 24 counted 17 posts in 77 Mondays). Each posted overview keeps, in its ledger entry
(`said`), a short hash of every line it carried, so the next one to that channel shows only the lines that are
new or changed since then and counts the rest; an entry from before the lines were kept shows the whole list.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace

from bot.i18n import _, ngettext
from bot.messages import Fact, Section
from bot.model.wheel import Item

_COUNT = re.compile(r" \(\d+\)$")
"""A section's count («Regioner på etterskudd (2)»): a region more is news in its own line, not in every line."""


def line_keys(sections: tuple[Section, ...]) -> tuple[tuple[str, ...], ...]:
    """Per section, a key for each line it says (a fact, or its text when it has none), in one written form
    (the caller builds them in bokmål, as `fingerprint` does): a short hash of what the line is about (the
    section and the fact's label: the regions) followed by one of all it says, so a line that changed is told
    from a new one."""
    keys: list[tuple[str, ...]] = []
    for section in sections:
        title = _COUNT.sub("", section.title)
        lines = [(fact.label, f"{fact.label}={fact.value}") for fact in section.facts] or [("", section.text)]
        keys.append(
            tuple(_hash(f"{title}|{about}") + _hash(f"{title}|{section.state}|{line}") for about, line in lines)
        )
    return tuple(keys)


def said_text(fingerprint: str, keys: tuple[tuple[str, ...], ...], *, items: list[str] | None = None) -> str:
    """What a ledger entry keeps of an overview: its fingerprint, the key of each line, then the key of each
    item it named (`item_key`), so the next overview can say which of them are done since (walk 29, F1)."""
    return " ".join([fingerprint, *(key for section in keys for key in section), *(items or ())])


def said_lines(said: str) -> frozenset[str] | None:
    """The lines' keys an entry kept, or None for an entry that kept only the fingerprint."""
    parts = [part for part in said.split()[1:] if not part.startswith(_ITEM)]
    return frozenset(parts) if parts else None


def said_items(said: str) -> frozenset[str]:
    """The keys of the items an entry named (none for an entry from before they were kept)."""
    return frozenset(part for part in said.split()[1:] if part.startswith(_ITEM))


def item_key(item: Item) -> str:
    """A short key for an item an overview named, told from a line's key by its first character."""
    return _ITEM + _hash(item.ident)


_ITEM = "@"


def changed_only(
    sections: tuple[Section, ...], *, keys: tuple[tuple[str, ...], ...], before: frozenset[str]
) -> tuple[tuple[Section, ...], str]:
    """The sections with only their lines not in `before` (new or changed), and what to say of the rest: how
    many are new or changed, as before, and gone since ("" when there was nothing before to compare with)."""
    shown: list[Section] = []
    about_before = {key[:_HALF] for key in before}
    same = changed = 0
    for section, section_keys in zip(sections, keys, strict=True):
        fresh = [index for index, key in enumerate(section_keys) if key not in before]
        same += len(section_keys) - len(fresh)
        changed += sum(section_keys[index][:_HALF] in about_before for index in fresh)
        if fresh:
            facts = tuple(section.facts[index] for index in fresh)
            shown.append(replace(section, title=_part_title(section, facts=facts), facts=facts))
    gone = max(0, len(before) - same - changed)  # neither kept as it was nor told again as changed
    if not before:
        return tuple(shown), ""
    parts = [
        ngettext(
            "Under står bare det som er nytt eller endret siden da: {n} linje.",
            "Under står bare det som er nytt eller endret siden da: {n} linjer.",
            sum(len(section.facts) or 1 for section in shown),
        ).format(n=sum(len(section.facts) or 1 for section in shown))
        if shown
        else _("Ingenting nytt har kommet til siden da.")
    ]
    if same:
        parts.append(
            ngettext(
                "{n} linje er som da og er ikke gjentatt (skriv «oversikt» for hele bildet).",
                "{n} linjer er som da og er ikke gjentatt (skriv «oversikt» for hele bildet).",
                same,
            ).format(n=same)
        )
    if gone:
        parts.append(
            ngettext(
                "{n} linje fra da er borte: ferdig eller ikke lenger på etterskudd.",
                "{n} linjer fra da er borte: ferdig eller ikke lenger på etterskudd.",
                gone,
            ).format(n=gone)
        )
    return tuple(shown), " ".join(parts)


_HALF = 8
"""The length of a key's first half, what its line is about."""


def _hash(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:_HALF]


def _part_title(section: Section, *, facts: tuple[Fact, ...]) -> str:
    """A counted section's title over part of its lines: «Regioner på etterskudd (2 av 15: nytt eller endret)»,
    not the whole picture's «(15)» above two region names, read as a miscount (walk 29 F4). A line's label
    names its regions, comma-separated, as `bot.reminders.weekly` writes them."""
    count = _COUNT.search(section.title)
    if not count or len(facts) == len(section.facts):
        return section.title
    named = sum(len(fact.label.split(", ")) for fact in facts)
    whole = int(count.group(0).strip(" ()"))
    return _COUNT.sub("", section.title) + " " + _("({shown} av {n}: nytt eller endret)").format(shown=named, n=whole)
