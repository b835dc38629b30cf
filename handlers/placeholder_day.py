"""A suggested command's «<dag>» typed back as shown (walk 33 F1, walk 37 F-I): the placeholder names no day, so
nothing is recorded; the refusal asks for the day, with a plausible example and a button that records today.

One refusal for every command whose day follows a verb: `forutsetning … vedtatt <dag>`, `oppdrag IN sendt <dag>`.
"""

from __future__ import annotations

from datetime import date

from bot.i18n import _
from bot.messages import Button
from bot.model.config_parts import Window
from bot.shown.replies import day_text
from bot.state.store import DomainError


def ask_for_the_day(*, typed: str, placeholder: str, example_day: date) -> None:
    """Raise the refusal for `typed` (the whole command as the asker wrote it): the placeholder replaced by
    `example_day` in the example and by «i dag» in the one-click button."""
    cut = typed.rfind(placeholder)
    before, after = (typed[:cut], typed[cut + len(placeholder) :]) if cut >= 0 else (typed + " ", "")
    today = f"{before}{_('i dag')}{after}"
    example = f"{before}{day_text(example_day)}{after}"
    raise DomainError(
        _(
            "Skriv dagen det skjedde i stedet for «{placeholder}», f.eks. «{example}»; skjedde det i dag, skriv "
            "«{today}». Ingenting er registrert."
        ).format(placeholder=placeholder, example=example, today=today),
        buttons=(Button(label=_("Registrer med dagen i dag"), command=today),),
    )


def plausible_day(*, window: Window | None, year: int | None, today: date) -> date:
    """The day an example suggests (walk 37 F-I: always «14. desember» before, a day before the state budget's
    usual day for an allocation letter typed in January): the item's own deadline when it has passed, else
    today. Without a typed year, the latest cycle whose window has opened."""
    if window is None:
        return today
    if year is None:
        opened = [y for y in range(today.year - 1, today.year + 2) if window.resolve(y)[0] <= today]
        year = max(opened, default=today.year)
    return min(window.resolve(year)[1], today)
