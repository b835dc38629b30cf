"""Reading what people type: case, å/ø/æ written as aa/o/ae, and the names of regions, parties and milestones.

Everything is compared in a *folded* form: lower case, å→a, ø→o, æ→ae, and aa→a, oe→o, so that
`vår`, `Vaar` and `var` are the same word. Names come from app.yaml, never from code.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from bot.model.config import AppConfig, Milestone

_FOLDS = (("å", "a"), ("aa", "a"), ("ø", "o"), ("ö", "o"), ("oe", "o"), ("æ", "ae"), ("ä", "ae"), ("é", "e"))
YEAR_RE = re.compile(r"^(20\d\d)$")


_INVISIBLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b\u200e\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]")
"""Control characters, the bidirectional marks and overrides, zero-width spaces and word joiners: never
meaningful in a command, and they can make a quoted word read as something else (U+202E turns text around;
a right-to-left mark pasted from a calendar hides in a quoted deadline). Line breaks and tabs are kept; the
zero-width joiner stays, as emoji and some scripts need it."""
SHOWN_MAX = 60
_LOOKALIKES = str.maketrans("аеорсухіјѕкмтнвԁαεορτυνκ", "aeopcyxijskmthbdaeoptuvk")
"""Cyrillic and Greek letters that look Latin: a name typed with them is that name misspelt, never another."""


def clean_input(text: str) -> str:
    """What a person typed, without control characters or direction overrides (a tab becomes a space). A
    carriage return is a line break («hjelp⏎signer» from an old Mac or a pasted CRLF), never removed so
    the words around it run together («hjelpsigner», walk 27 F8)."""
    return _INVISIBLE.sub("", line_breaks(text)).replace("\t", " ")


def line_breaks(text: str) -> str:
    """Every carriage return a line break: CRLF one, a lone CR one (read before control characters go)."""
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def shown(text: str, *, limit: int = SHOWN_MAX) -> str:
    """Typed text quoted back in a reply: on one line and at most `limit` characters, so an echo of junk or a
    4,000-character paste stays a short sentence."""
    one_line = " ".join(clean_input(text).split())
    return one_line if len(one_line) <= limit else one_line[: limit - 1].rstrip() + "…"


NAME_MAX = 80
"""A person's name as a platform gives it (a Teams display name is whatever its owner wrote) is shown in
replies, announcements, `logg` and receipts at most this long."""


def person_name(name: str | None) -> str | None:
    """A platform's display name made fit to show: one line, no control characters or direction overrides
    (an «Eve» whose name reverses the rest of an announcement's line), at most `NAME_MAX` characters."""
    if name is None or (name.isprintable() and len(name) <= NAME_MAX):
        return name  # every ordinary name, as it came
    return shown(name, limit=NAME_MAX) or None


COUNT_DIGITS = 9
"""A typed number (a page, a version, a request) longer than this is no number a person means."""


def is_count(word: str) -> bool:
    """`word` is a number `int()` reads: decimal digits of any script («١٢», «１２»), never «²» (a digit to
    `str.isdigit` that `int` refuses) nor thousands of digits (past 4,300 `int` refuses them too)."""
    return word.isdecimal() and len(word) <= COUNT_DIGITS


FOLD_KEPT = 40
"""Texts up to this length are folded once and kept (`_fold_kept`): words and short names, looked up again
and again (a `dato` folds ~130 of them); a longer text is folded each time, so no message fills the cache."""


def fold(text: str) -> str:
    return _fold_kept(text) if len(text) <= FOLD_KEPT else _fold(text)


def _fold(text: str) -> str:
    folded = text.strip().lower()
    for old, new in _FOLDS:
        folded = folded.replace(old, new)
    return folded


_fold_kept = lru_cache(maxsize=8192)(_fold)


@lru_cache(maxsize=4096)
def slug(text: str) -> str:
    """`Møre og Romsdal` -> `more-og-romsdal`: a name as one token. Kept per text: reading a command's
    arguments slugs each run of up to four words as a name (~20 a `dato`, ~10 % of its CPU, issue 21)."""
    return re.sub(r"[\s_]+", "-", fold(text)).strip("-")


_CLOSING = re.compile(r"(?<=[^\s.,;:!?…])[\s.,;:!?]*[.,;:!?]\s*$")


_ORDINAL_END = re.compile(r"(?:^|[\s(–-])\d{1,2}\.\s*$")
"""A day written as an ordinal at the end («dato høst den 22. og 23.»): its full stop is the date's."""


def without_closing_punctuation(text: str) -> str:
    """`Signer Agder 2027.` → `Signer Agder 2027`: people end a chat line as a sentence (walk 14b F6), and
    no command's words end in a full stop, comma, colon, «!» or «?» but a day's ordinal («den 22.», kept;
    `versjon 2.` and `side 2.` are read by `bot.agreement.versions.take_version` and `take_page`).
    Punctuation alone (`?`, the help alias) is kept, and so is «…»: the placeholder of a copied example,
    which is said, never read."""
    return text if _ORDINAL_END.search(text) else _CLOSING.sub("", text)


_OPENING = '«“"'
_CLOSING_QUOTE = re.compile(r"[»”\"][\s.,;:!?]*$")
_LONE_CLOSING = re.compile(r"[»”][\s.,;:!?]*$")
"""A closing guillemet with no opening one: the end of a selected hint (a straight quote may close a quote
inside minutes)."""
_OWN_MENTION = re.compile(r"^[/@]samhandling(?:sbot)?\b[\s,:]*", re.IGNORECASE)


def without_copied_marks(text: str) -> str:
    """`«@Samhandling signer IN agder 2027»` → `signer IN agder 2027`: a command copied from the bot's own
    hint, which quotes every command with «…» and the bot's mention (walk15b N1). The marks around the
    whole command (or the one of them that was selected) and the bot's own name before it are no words of
    the command; a «…» inside it (a quoted title in minutes) is kept."""
    stripped = text.strip()
    if stripped[:1] in _OPENING:
        stripped = _CLOSING_QUOTE.sub("", stripped[1:])
    elif "«" not in stripped and "“" not in stripped:
        stripped = _LONE_CLOSING.sub("", stripped)
    else:
        return text
    return _OWN_MENTION.sub("", stripped.strip()).strip()


def count_of(word: str) -> int | None:
    """A typed count (`2`, or `2.` ending a sentence), or None."""
    digits = word[:-1] if word.endswith(".") else word
    return int(digits) if is_count(digits) else None


def split_command(text: str) -> tuple[str, str]:
    """First word and the rest, with a leading `/samhandling` (or `samhandling`) removed.

    The rest keeps its line breaks: each line of `vedtak:`/`oppfølging:` is one item, whether the command
    came from Slack, Teams or the terminal."""
    stripped = text.strip()
    stripped = re.sub(r"^/?samhandling\b", "", stripped, flags=re.IGNORECASE).strip()
    if not stripped:
        return "", ""
    first, *rest = re.split(r"\s+", stripped, maxsplit=1)
    return fold(first), rest[0].strip() if rest else ""


def model_names(milestone: Milestone) -> tuple[str, ...]:
    """The model's own short name that a milestone's name carries in brackets («Nasjonalt temamøte høst
    (høstmøtet)»), in both written forms, definite as written and indefinite («høstmøte»): every surface
    names the meeting so, and people copy it (walk 6, F4)."""
    names: list[str] = []
    for form in milestone.name_forms.forms:
        for name in re.findall(r"\(([^()]+)\)", form):
            names.append(name.strip())
            if name.strip().endswith("et"):
                names.append(name.strip()[:-1])  # «høstmøtet» -> «høstmøte»
    return tuple(names)


@dataclass(frozen=True)
class Vocabulary:
    """Folded names from app.yaml, for matching what people type."""

    regions: dict[str, str]
    parties: dict[str, str]
    milestones: dict[str, str]
    short_milestones: dict[str, dict[str, str]]
    preconditions: dict[str, str]
    written: dict[str, dict[str, str]] = field(default_factory=dict)
    """Per kind (`region`, `party`, `milestone`, `precondition`), each folded name as app.yaml writes it:
    what a «Mente du …?» offers for a misspelt word."""
    former: dict[str, tuple[str, str, ...]] = field(default_factory=dict)
    """A former county split between regions (`viken`): its name as written, then the region keys."""

    @classmethod
    def build(cls, config: AppConfig) -> Vocabulary:
        regions: dict[str, str] = {}
        for region in config.parties.regions:
            for name in (region.key, region.short, region.name, *region.aliases, *filter(None, (region.name_nn,))):
                regions[slug(name)] = region.key
        parties = dict(regions)
        for actor in config.parties.actors:
            for name in (actor.key, actor.name, *actor.aliases, *filter(None, (actor.name_nn,))):
                parties[slug(name)] = actor.key
        parties[slug(config.parties.coordinator.key)] = config.parties.coordinator.key
        milestones: dict[str, str] = {}
        short: dict[str, dict[str, str]] = {}
        for milestone in config.milestones:
            for name in (milestone.key, *milestone.name_forms.forms, *milestone.aliases, *model_names(milestone)):
                milestones[slug(name)] = milestone.key
            if milestone.short_forms:  # both written forms: "høst" and "haust"
                for form in milestone.short_forms.forms:
                    short.setdefault(slug(form), {})[milestone.scope] = milestone.key
        preconditions = {slug(item.key): item.key for item in config.preconditions}
        for item in config.preconditions:
            for form in item.name_forms.forms:
                preconditions[slug(form)] = item.key
        written = {
            "region": _written(name for r in config.parties.regions for name in (r.key, r.short, *r.aliases)),
            "party": _written(name for a in config.parties.actors for name in (a.key, *a.aliases)),
            "milestone": _written(
                name
                for m in config.milestones
                for name in (m.key, *m.aliases, *(m.short_forms.forms if m.short_forms else ()))
            ),
            "precondition": _written(item.key for item in config.preconditions),
        }
        written["party"] |= written["region"]
        former = {slug(item.name): (item.name, *item.regions) for item in config.parties.former}
        return cls(regions, parties, milestones, short, preconditions, written, former)

    def near(self, token: str, *, kinds: Iterable[str]) -> str | None:
        """The one name of `kinds` that `token` misspells (`statsbudsjet`, `agdr`), as app.yaml writes it;
        None when none is within a small edit distance, or two are equally near (never a guess)."""
        typed = slug(token)
        if len(typed) < 3 or not typed.replace("-", "").isalpha():
            return None
        latin = typed.translate(_LOOKALIKES)  # «agdеr» with a Cyrillic е is «agder» misspelt (walk 27 F6)
        best: dict[str, int] = {}
        for kind in kinds:
            for name, shown_name in self.written.get(kind, {}).items():
                limit = 2 if len(name) >= 9 else 1 if len(name) >= 4 else 0
                if name != typed and abs(len(name) - len(typed)) <= limit:
                    distance = edit_distance(latin, name)
                    if distance <= limit:
                        best[shown_name] = min(distance, best.get(shown_name, distance))
        if not best:
            return None
        nearest = min(best.values())
        found = {name for name, distance in best.items() if distance == nearest}
        return found.pop() if len(found) == 1 else None

    def region(self, token: str) -> str | None:
        return self.regions.get(slug(token))

    def party(self, token: str) -> str | None:
        return self.parties.get(slug(token))

    def split_region(self, token: str) -> tuple[str, ...] | None:
        """A former county now in several regions (`Viken`): its name as written, then the region keys."""
        return self.former.get(slug(token))

    def milestone(self, token: str, *, scope: str | None) -> str | None:
        """A milestone by name; the short names (`vår`, `høst`) mean the regional meeting in a region's
        context and the national one in the national context."""
        folded = slug(token)
        if folded in self.short_milestones:
            by_scope = self.short_milestones[folded]
            return by_scope.get(scope or "regional") or next(iter(by_scope.values()))
        return self.milestones.get(folded)

    def precondition(self, token: str) -> str | None:
        return self.preconditions.get(slug(token))


def _written(names: Iterable[str]) -> dict[str, str]:
    return {slug(name): name for name in names if name}


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance with a swap of two neighbours as one edit (`agedr` is one from `agder`)."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i]
        for j, cb in enumerate(b, start=1):
            cost = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cost = min(cost, previous2[j - 2] + 1)
            current.append(cost)
        previous2, previous = previous, current
    return previous[-1]


def year_of(token: str) -> int | None:
    match = YEAR_RE.match(token)
    return int(match[1]) if match else None


def typed_name(spec: Milestone) -> str:
    """The word a person types for a milestone in a command we suggest (`referat høst agder 2026`), never
    its key: a regional meeting's short name (a region is always named with it, so it means the regional
    one in any channel), else the first alias from app.yaml (`høstmøte`, `politisk`), else the key."""
    if spec.short and spec.scope != "national":
        return spec.short
    return spec.aliases[0] if spec.aliases else spec.key


def milestone_names(
    config: AppConfig, *, minutes: bool = False, meetings: bool | None = None, national: bool = False
) -> list[str]:
    """Short names of the meetings (what `dato` and `referat` take), e.g. `vår`, `høst`, `politisk`.

    The signing is left out: it has no date or minutes, each party signs with `signer`. With `minutes`, what
    `referat` records only: the assignment agreements have no minutes (`oppdrag`). `meetings`: only the
    meetings (True) or only the other dated items (False), as a refusal names them apart (walk 16 F3).
    `national`: AU's own items only, each by its printed name without the bracket («nasjonalt temamøte høst»),
    as AU names them; the regions' items were offered to AU (walk 35 F10).
    """
    names: list[str] = []
    for milestone in config.milestones:
        if milestone.signed_by_parties or (minutes and milestone.kind == "assignments"):
            continue
        if meetings is not None and meetings != bool(milestone.short or milestone.prepare):  # only meetings, or none
            continue
        if national and milestone.scope != "national":
            continue
        name = milestone.short or (milestone.aliases[0] if milestone.aliases else milestone.key)
        if national:
            printed = milestone.name.split("(")[0].strip()
            name = printed[:1].lower() + printed[1:]
        if name not in names:
            names.append(name)
    return names


_PLACEHOLDER_RE = re.compile(r"\s*(?:…|\.{2,}|<[^<>]*>|\[[^\[\]]*\]|\([^()]*\.\.\.[^()]*\))?\s*", re.DOTALL)


def is_placeholder(text: str) -> bool:
    """Whether the words are what a digest's or a help text's example holds in their place («…», «<tekst>»,
    «<dag>», «[tekst]») or nothing: a suggested command typed back as shown, which gives no value."""
    return _PLACEHOLDER_RE.fullmatch(text) is not None
