"""What a changed date replaced, said in the reply: a planned date is never changed or dropped silently
(«10. desember kl 10.00» → «10. desember» keeps the time and says so)."""

from __future__ import annotations

from bot.actions.dates import DateSet, DateUnchanged
from bot.i18n import _
from bot.shown.replies import planned_text


def replaced_note(result: DateSet | DateUnchanged) -> str:
    """The sentence after «Dato satt»: the kept time, or the earlier date (which `logg` keeps)."""
    if result.kept_time:
        return " " + _("Klokkeslettet er beholdt fra den planlagte datoen; skriv et nytt klokkeslett for å endre det.")
    if isinstance(result, DateUnchanged) or result.replaced is None:
        return ""
    return " " + _("Erstatter {when}; den forrige datoen står i «logg».").format(
        when=planned_text(result.replaced, has_time=result.replaced_has_time, last_day=result.replaced_last_day)
    )
