"""What a changed date replaced, said in the reply: a planned date is never changed or dropped silently
(«10. desember kl 10.00» → «10. desember» keeps the time and says so, as «17. desember» does, walk 33 F2)."""

from __future__ import annotations

from bot.actions.dates import DateSet, DateUnchanged
from bot.i18n import _
from bot.shown.replies import planned_text


def replaced_note(result: DateSet | DateUnchanged) -> str:
    """The sentence after «Dato satt»: the kept time, or the earlier date (which `logg` keeps)."""
    kept = (
        " " + _("Klokkeslettet er beholdt fra den planlagte datoen; skriv et nytt klokkeslett for å endre det.")
        if result.kept_time
        else ""
    )
    if result.kept_time and (isinstance(result, DateUnchanged) or result.replaced is None or _same_day(result)):
        return kept + _one_day_now(result)
    if isinstance(result, DateUnchanged) or result.replaced is None:
        return ""
    return (
        " "
        + _("Erstatter {when}; den forrige datoen står i «logg».").format(
            when=planned_text(result.replaced, has_time=result.replaced_has_time, last_day=result.replaced_last_day)
        )
        + kept
    )


def _same_day(result: DateSet) -> bool:
    """Only the time or the days after the first changed: no other date to name as replaced."""
    return result.replaced is not None and result.when is not None and result.replaced.date() == result.when.date()


def _one_day_now(result: DateSet | DateUnchanged) -> str:
    """« Møtet er nå én dag (var …).» when only the first day of a meeting over two days was typed again: the
    second day went, and the reply says so as the announcement does (walk 24 F2)."""
    if not isinstance(result, DateSet) or result.replaced is None or result.replaced_last_day is None:
        return ""
    if result.last_day is not None:
        return ""
    was = planned_text(result.replaced, has_time=result.replaced_has_time, last_day=result.replaced_last_day)
    return " " + _("Møtet er nå én dag (var {when}).").format(when=was)
