"""`referat` with no text: the form with the minutes' fields (summary, link, decisions, follow-up points),
and the one-line way to write the same, for the form's own meeting, region and year.
"""

from __future__ import annotations

from bot.facts.kinds import is_meeting
from bot.i18n import N_, _
from bot.messages import Form, FormField, Reply
from bot.model.order import confirm_word
from bot.model.wheel import Item
from bot.parsing import typed_name
from bot.shown.replies import make_reply

# The form's example is typed for the meeting the form is for (never «vår» on the autumn meeting's form).
_EXAMPLE_TEXT = N_("Godt møte, <lenke> vedtak: Felles søknad oppfølging: Sende utkast @IN")


def minutes_form(
    item: Item, *, region: str | None, region_name: str | None, confirmed: bool, forms: bool = True
) -> Reply:
    """The form, and the one-line way; where the platform shows no form (`forms` False: the terminal) the
    lead names only the one-line way, never «Fyll inn skjemaet» (walk 36 F8)."""
    submit = f"referat {item.key} {region or ''} {item.year}".replace("  ", " ")
    submit += " bekreft" if confirmed else ""
    form = Form(
        title=_("Referat"),
        submit_command=submit,
        context=" · ".join(part for part in (item.spec.name, region_name, str(item.year)) if part),
        fields=(
            FormField(name="sammendrag", label=_("Sammendrag"), multiline=True),
            FormField(name="lenke", label=_("Lenke til referat"), hint="https://…"),
            FormField(name="vedtak", label=_("Vedtak (ett per linje)"), multiline=True),
            FormField(
                name="oppfolging",
                label=_("Oppfølgingspunkter (ett per linje, med @ansvarlig)"),
                multiline=True,
                hint=_("Sende utkast @IN"),
            ),
        ),
    )
    example = _form_example(item, region=region, confirmed=confirmed)
    if forms:
        lead = _("Fyll inn skjemaet, eller skriv det på én linje: «{example}».").format(example=example)
    else:
        lead = _("Skriv referatet på én linje: «{example}».").format(example=example)
    return make_reply(title=_("Referat for {item}").format(item=item.title()), lead=lead, form=form)


def _form_example(item: Item, *, region: str | None, confirmed: bool) -> str:
    """The one-line way to fill the form, for its own meeting, region and year, so typed as shown it records
    these minutes; a form that replaces minutes is answered with `bekreft` on the line too. A decision (the
    action plan, the political treatment) is exemplified as one, not as a meeting's minutes."""
    example = _(_EXAMPLE_TEXT) if is_meeting(item) else _("Vedtatt <dag>, <lenke>")  # a decision (walk 20 F-k)
    parts = ("referat", typed_name(item.spec), region, str(item.year), example)
    line = " ".join(part for part in parts if part)
    return f"{line} {confirm_word()}" if confirmed else line
