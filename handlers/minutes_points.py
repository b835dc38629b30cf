"""Where one follow-up point ends and the next begins when minutes write them as sentences, and which
headings open the points (walk 14a F14, F15).

Minutes are written as prose as often as lists: «Oppfølging: Sende tall @IN innen 1. desember. Notat @Siva
innen 4. desember.», with «, » or «og» between the clauses as often as «. ». Read as one point, every owner
carried both tasks and the last deadline. So a point is cut between two owners where a clause ends («. »
before a capital or an @, then «, », then «og»/«samt»), but only when both sides say what is to be done:
«Lage felles tall @IN og @SIVA» stays one task shared (one point per owner, `handlers.minutes_owners`), and a
point whose words merely hold a comma («Sende tall, budsjett og plan @IN») has one owner and is never cut.
Two owners with two deadlines that cannot be told apart («Sende tall @IN innen 1. desember og @Siva innen 4.
desember») are asked about, never merged silently.

Headings: the word family people head the points with, in both written forms: «Oppfølging:»,
«Oppfølgingspunkter:», nynorsk «Oppfølgingspunkt:»/«Oppfylgingspunkta:», «Tiltak:», «Aksjonspunkter:»,
«Handlingspunkter:», «Videre oppfølging:».
"""

from __future__ import annotations

import logging
import re
from itertools import pairwise

from bot.context import Context
from bot.i18n import _
from bot.mentions import TOKEN
from bot.messages import Request
from bot.model.followups_recorded import due_from
from bot.parsing import fold, shown
from bot.state.store import DomainError
from handlers.minutes_owners import WORD, owned_points

logger = logging.getLogger(__name__)

_FOLLOW_UP = (
    r"(?:videre\s+)?(?:oppf(?:ø|oe|o)lging|oppfylging)(?:s?punkt(?:er|ene|a|ar|ane)?)?"
    r"|tiltak(?:s?punkt(?:er|ene|a|ar|ane)?|ene|a)?"
    r"|(?:aksjons|handlings)punkt(?:er|ene|a|ar|ane)?"
)
SECTION = re.compile(rf"\b(vedtak|{_FOLLOW_UP})\s*:", re.IGNORECASE)
"""A heading: decisions («vedtak:») or follow-up points, as the words people write before them."""

_SEPARATORS = (
    re.compile(r"\.\s+(?=[A-ZÆØÅ@<])"),  # a sentence ends («desember. Notat», «1.12. @Siva …»)
    re.compile(r",\s+"),
    re.compile(r"\s+(?:og|samt)\s+", re.IGNORECASE),
)
"""Where a clause may end between two owners, strongest first; «1. desember» is no sentence end."""
_NO_TASK = {"og", "samt", "eller", "også", "ogsa", "ev", "evt"}
_LISTED = re.compile(r"[\s,]*(?:(?:og|samt|&)\s*)?", re.IGNORECASE)
"""Nothing but a list's joints between two owners («@IN, @Siva og @NFR»)."""
_BRACKETED = re.compile(r"\(\s*(@[^()@]+?)\s*\)")
"""An owner in brackets after its task («Sende tall (@IN)»): the owner, without the brackets."""
_ENUMERATION = re.compile(r"^\s*\d{1,2}[.)]\s+(?=[A-ZÆØÅ@<])")
"""«1. Sende tall …» in a pasted numbered list: the number is no part of the point."""


_PLAIN = re.compile(r"(?:videre\s+)?(?:oppf(?:ø|oe|o)lging|oppfylging)$", re.IGNORECASE)
"""The headings that only ever open points: «oppfølging:». «Tiltak:» may also be prose («vi drøftet tiltak:
havvind og klynger»): a section under it that names no owner stays the text it was in."""


def sections(text: str) -> tuple[str, list[tuple[str, str]]]:
    """The minutes' summary and their headed sections, (heading, body) in the order typed."""
    parts = SECTION.split(text)
    summary, found = parts[0], []
    for heading, body in zip(parts[1::2], parts[2::2], strict=True):
        plain = not is_follow_up_heading(heading) or _PLAIN.match(" ".join(heading.split()))
        if plain or _owner_spans(body):
            found.append((heading, body))
        elif found:
            found[-1] = (found[-1][0], f"{found[-1][1]}{heading}:{body}")
        else:
            summary = f"{summary}{heading}:{body}"
    return summary, found


def is_follow_up_heading(heading: str) -> bool:
    """A heading `SECTION` read that opens follow-up points (any but «vedtak»)."""
    return fold(heading.strip()).lower() != "vedtak"


def split_points(ctx: Context, text: str, *, request: Request) -> list[str]:
    """The follow-up points one typed item holds: itself, or one per clause with its own owner and task."""
    text = _BRACKETED.sub(r"\1", _ENUMERATION.sub("", text))
    starts = _owner_spans(text)
    cuts: list[tuple[int, int]] = []
    for (_start, end), (following, _end) in pairwise(starts):
        if _LISTED.fullmatch(text, end, following):
            continue  # «@IN, @Siva og @NFR»: owners listed together share the task
        cut = _separator(text, start=end, end=following)
        if cut is not None:
            cuts.append(cut)
    pieces: list[str] = []
    begin = 0
    for index, (cut_start, cut_end) in enumerate(cuts):
        right_end = cuts[index + 1][0] if index + 1 < len(cuts) else len(text)
        left, right = text[begin:cut_start], text[cut_end:right_end]
        if _has_task(ctx, left, request=request) and _has_task(ctx, right, request=request):
            pieces.append(left)
            begin = cut_end
    pieces.append(text[begin:])
    found = [piece.strip(" .,;") for piece in pieces if piece.strip(" .,;")]
    for piece in found:
        if starts:  # a point with no owner is named with the others that lack one (handlers/minutes.py)
            _refuse_two_deadlines(ctx, piece, request=request)
    if len(found) > 1:
        logger.debug("follow-up item split into %d points", len(found))
    return found


def _owner_spans(text: str) -> list[tuple[int, int]]:
    """Where each owner is named (`@IN`, a platform mention), in order; a comma or stop after it is not its."""
    tokens = [(match.start(), match.end()) for match in TOKEN.finditer(text)]
    words = [
        (match.start(), match.start(1) + len(match.group(1).rstrip(".,;:!?")))
        for match in WORD.finditer(text)
        if not any(start <= match.start() < end for start, end in tokens)
    ]
    return sorted(tokens + words)


def _separator(text: str, *, start: int, end: int) -> tuple[int, int] | None:
    """The strongest clause end between two owners (the last of its kind, nearest the second owner)."""
    for pattern in _SEPARATORS:
        found = [match for match in pattern.finditer(text, start) if match.end() <= end]
        if found:
            return found[-1].start(), found[-1].end()
    return None


def _task_words(ctx: Context, text: str, *, request: Request) -> tuple[int, str, bool]:
    """How many owners a clause names, its words without owners and deadline, and whether one was read."""
    points = owned_points(ctx, text, request=request)
    words = points[0]["text"]
    found = due_from(words, now=ctx.now)
    return len(points), found.rest if found else words, found is not None


def _has_task(ctx: Context, text: str, *, request: Request) -> bool:
    """A clause says what is to be done: words beyond its owners and its deadline («og @Siva» does not)."""
    if not _owner_spans(text):
        return False
    _owners, rest, _read = _task_words(ctx, text, request=request)
    return any(word not in _NO_TASK for word in re.findall(r"\w{2,}", fold(rest).lower()))


def _refuse_two_deadlines(ctx: Context, text: str, *, request: Request) -> None:
    """One point with two deadlines cannot be stored as one («Sende tall @IN innen 1. desember og @Siva innen 4.
    desember», «Sende tall @IN innen 1. desember. Notat innen 4. desember»): which task has which day is asked,
    never one day taken silently."""
    from bot.dates.deadline import names_deadline  # the grammar loads only when a point names a date

    _owners, rest, read = _task_words(ctx, text, request=request)
    if read and names_deadline(rest):
        raise DomainError(
            _(
                "«{text}» har flere frister, og jeg ser ikke hvilken oppgave som har hvilken. Skriv ett punkt per "
                "oppgave, hver med sin @ansvarlig og frist, skilt med «;», f.eks. «oppfølging: Sende tall @IN innen "
                "1. desember; Notat @Siva innen 4. desember». Ingenting er lagret."
            ).format(text=shown(text))
        )
