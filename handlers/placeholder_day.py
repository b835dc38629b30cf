"""A suggested command's «<dag>» typed back as shown (walk 33 F1, walk 37 F-I): the placeholder names no day, so
nothing is recorded; the refusal asks for the day, with a plausible example and a button that records today.

One refusal for every command whose day follows a verb: `forutsetning … vedtatt <dag>`, `oppdrag IN sendt <dag>`.
"""

from __future__ import annotations

from datetime import date

from bot.i18n import _
from bot.messages import Button
from bot.model.config import AppConfig
from bot.model.config_parts import Window
from bot.model.cycle import preparation_opens
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


def plausible_day(*, config: AppConfig, window: Window | None, year: int | None, today: date) -> date:
    """The day a refusal's example suggests for something that happened, from the clock and the wheel, never a
    fixed day (walk 37 F-I: always «14. desember» before, a day before the state budget's usual day for an
    allocation letter typed in January; fixbf 3: «31. januar 2026» for `oppdrag` in December 2026): the item's
    own deadline when it has passed and its cycle is still the one a write means (`bot.model.cycle`: until
    the same item's next window or the next agreement's preparation opens), else today. Without a typed year,
    the latest cycle whose window has opened. The one helper for every such example (`forutsetning`,
    `oppdrag`, `signer … signert`)."""
    if window is None:
        return today
    if year is None:
        opened = [y for y in range(today.year - 1, today.year + 2) if window.resolve(y)[0] <= today]
        year = max(opened, default=today.year)
    deadline = window.resolve(year)[1]
    if deadline < today and (window.resolve(year + 1)[0] <= today or _preparation_since(config, deadline, today)):
        return today
    return min(deadline, today)


def _preparation_since(config: AppConfig, deadline: date, today: date) -> bool:
    """Whether some agreement's preparation opened after `deadline`, by `today`: the item's cycle is no longer
    the one a write without a year means (`bot.model.cycle.superseded`'s rule)."""
    return any(
        deadline < preparation_opens(config, year=year) <= today for year in range(deadline.year, today.year + 2)
    )
