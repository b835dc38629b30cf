"""Follow-up points as the minutes action stores them: each given an id people type (`ferdig K7QM`) and a
due date read from its words («innen 15. mars», through the date grammar), and checked that it says what
is to be done. What is open, whose and overdue is `bot.model.followups`; this is how a point is written.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import date, datetime
from typing import TYPE_CHECKING

from bot.i18n import _
from bot.model.order import confirm_word
from bot.shown.replies import day_text
from bot.state.store import DomainError
from storage.base import Document

if TYPE_CHECKING:
    from bot.dates.deadline import Due
    from bot.dates.workdays import DaysOff

ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
"""No 0/O, 1/I/L: an id is read off a screen and typed."""
ID_LENGTH = 4
_SAME = ("text", "owner", "owner_name", "owner_party")


def new_id(*, seed: str, taken: set[str]) -> str:
    """A short id from the point's place and words, not yet used where it is stored."""
    for attempt in range(100):
        digest = hashlib.sha256(f"{seed}:{attempt}".encode()).digest()
        candidate = "".join(ALPHABET[b % len(ALPHABET)] for b in digest[:ID_LENGTH])
        if candidate not in taken:
            return candidate
    raise RuntimeError("no free follow-up id")  # 31**4 ids: never reached in practice


def due_phrase(text: str) -> str | None:
    """The date-looking words a point gives as its deadline when none was read as a date («31. februar» in
    «… innen 31. februar», «15. oktober» with no deadline word), or None: `bot.dates.deadline`."""
    from bot.dates.deadline import unread_deadline

    return unread_deadline(text)


def due_from(text: str, *, now: datetime, days_off: DaysOff = ()) -> Due | None:
    """The due date in the point's words («innen 15. mars», «senest fredag», «før 1. oktober», «innen jul»: a
    period's last working day), read by the date grammar (`bot.dates.deadline.due_in`), with the words left
    when its phrase is taken out; None when there is none or it is not one date. `days_off` (app.yaml's
    `reminders.days_off`) are no deadline's day, as they are no reminder's (walk 33 F9)."""
    from bot.dates.deadline import due_in  # the grammar loads only when a point names a date

    return due_in(text, now=now, days_off=days_off)


def agreed_on(*, held: datetime, last_day: date | None) -> datetime:
    """The day a meeting's points were agreed, which their deadlines count from: a meeting of two days
    («22.-23. april») agrees them at its end, so «innen fredag» in the minutes of a Thursday–Friday meeting
    is the Friday after, never the meeting's own last day (walk 32 F2). `held` is its first day."""
    if last_day is None or last_day <= held.date():
        return held
    return datetime.combine(last_day, held.timetz())


def stamp(
    points: list[Document], *, now: datetime, held: datetime, seed: str, days_off: DaysOff = ()
) -> list[Document]:
    """Points as the action stores them: each with its id and due date (kept when already there). A due date
    is read from the meeting's day `held`: the deadlines were agreed there, so minutes written late keep them
    («innen 1. desember» of a meeting on 26 November is that 1 December, never a year on)."""
    taken = {str(point["id"]) for point in points if point.get("id")}
    stamped = []
    for index, point in enumerate(points):
        point = dict(point)
        if not point.get("id"):
            point["id"] = new_id(seed=f"{seed}:{index}:{point.get('text')}:{point.get('owner')}", taken=taken)
            point["made"] = now.date().isoformat()
            taken.add(point["id"])
        if "due" not in point:  # the date is kept as a date, and the words without it (shown «innen …»)
            found = due_from(str(point.get("text", "")), now=min(held, now), days_off=days_off)
            point["due"] = found.day.isoformat() if found else None
            if found and found.moved_from:  # «innen 1.1.»: the working day before, and the reply says so
                point["due_typed"] = found.moved_from.isoformat()
            if found and found.counted:  # «innen to uker»: from the meeting's day, and the reply says so
                point["due_counted"] = found.counted
            if found:
                point["typed"], point["text"] = point.get("text"), found[1] or point.get("text")
            elif (phrase := due_phrase(str(point.get("text", "")))) is not None:
                point["due_unread"] = phrase  # kept without a due date; the reply says so
        stamped.append(point)
    return stamped


def require_sound_points(
    points: list[Document], *, now: datetime, held: datetime, confirmed: bool, days_off: DaysOff = ()
) -> None:
    """A point says what is to be done: «oppfølging: @IN innen 1. mai» has only a deadline and is refused.
    Its date is read from the meeting's day `held` (see `stamp`); one before that day is most likely a slip
    («innen forrige uke»): asked, and `bekreft` stores it. One between the meeting and today was agreed at
    the meeting and is kept: the reply shows it «på overtid»."""
    since = min(held, now)
    for point in points:
        text = str(point.get("text", ""))
        found = due_from(text, now=since, days_off=days_off)
        if not (found[1] if found else text).strip(" .,;:-@"):  # «oppfølging: @ innen 1. mai» (walk 32 F7)
            raise DomainError(
                _(
                    "Oppfølgingspunktet «{text}» mangler tekst: hva skal gjøres? "
                    "Skriv f.eks. «oppfølging: Sende utkast @IN innen 1. mai»."
                ).format(text=text)
            )
        if found and found[0] < since.date() and not confirmed:
            raise DomainError(
                _(
                    "Fristen for «{text}» ({day}) er allerede passert. Skriv en frist fram i tid, eller det samme "
                    "med «{confirm}» til slutt for å lagre punktet som forsinket."
                ).format(text=found[1], day=day_text(found[0]), confirm=confirm_word())
            )


def same_points(first: Iterable[Document], second: Iterable[Document]) -> bool:
    """The same points as typed (ids, due dates and closings aside)."""

    return list(map(typed_point, first)) == list(map(typed_point, second))


def typed_point(point: Document) -> dict:
    """A point as it was typed: its words and owner (its id, due date and closing aside)."""
    return {**{k: point.get(k) for k in _SAME}, "text": point.get("typed") or point.get("text")}
