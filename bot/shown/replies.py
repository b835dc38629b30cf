"""Building replies: one place that turns titled facts into a `Reply` with its plain-text rendering."""

from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache

from bot.dates.text import format_days, format_norwegian, format_short, weekday_name
from bot.i18n import _, current, ngettext
from bot.memo import IdentityMemo
from bot.messages import Button, Form, Reply, Section, Visibility


def render_text(*, title: str, sections: tuple[Section, ...], lead: str | None, context: str | None) -> str:
    lines = [title]
    if lead:
        lines.append(lead)
    for section in sections:
        lines.append("")
        lines += _section_lines(section)
    if context:
        lines.append("")
        lines.append(f"({context})")
    return "\n".join(lines)


@lru_cache(maxsize=1024)
def text_section(text: str) -> Section:
    """A section of text alone (a reply's lead). The same text gives the same object, so what renderers keep
    per section (`bot.memo.IdentityMemo`) serves it again."""
    return Section(title="", text=text)


@lru_cache(maxsize=1024)
def heading(title: str) -> Section:
    """A heading over the sections that follow ("Ellers"); the same object for the same title."""
    return Section(title=title)


def _section_lines(section: Section) -> list[str]:
    """A section as plain lines; kept per section object, which the core reuses for an unchanged item."""
    kept = _SECTION_LINES.get(section)
    if kept is not None:
        return kept
    lines: list[str] = []
    if section.title and not (section.facts or section.text):
        lines.append(f"{section.title}:")  # a heading over the items that follow, not an item of its own
    elif section.title:
        lines.append(f"• {section.title}")
    for fact in section.facts:
        lines.append(f"  {fact.label}: {fact.value}")
    if section.text:  # every line indented under its bullet, not only the first
        lines.extend(f"  {line}" if line else "" for line in section.text.split("\n"))
    return _SECTION_LINES.put(section, lines)


_SECTION_LINES: IdentityMemo[list[str]] = IdentityMemo()


def make_reply(
    *,
    title: str,
    lead: str | None = None,
    sections: tuple[Section, ...] | list[Section] = (),
    buttons: tuple[Button, ...] | list[Button] = (),
    context: str | None = None,
    visibility: Visibility = Visibility.PRIVATE,
    form: Form | None = None,
) -> Reply:
    sections = tuple(sections)
    text = render_text(title=title, sections=sections, lead=lead, context=context)
    if buttons:
        text += "\n" + "\n".join(button_line(button) for button in buttons)
    return Reply(
        title=title,
        text=text,
        sections=(text_section(lead), *sections) if lead else sections,
        buttons=tuple(buttons),
        context=context,
        visibility=visibility,
        form=form,
        lang=current(),
    )


def button_line(button: Button) -> str:
    """«[Ferdig: 58CG: skriv «ferdig 58CG»]»: a button as plain text reads, where no button is drawn (the
    terminal, a notification) the command it types."""
    return "[" + _("{label}: skriv «{command}»").format(label=button.label, command=button.command) + "]"


def refusal(message: str, *, title: str | None = None) -> Reply:
    """A refused or malformed command: one or two Norwegian sentences, nothing changed. Titled «Ikke
    registrert» unless the caller knows better (`refusal_title`)."""
    title = title if title is not None else _("Ikke registrert")
    return Reply(title=title, text=message, sections=(Section(title="", text=message),), ok=False, lang=current())


def refusal_title(*, writes: bool, bare: bool, shown: str) -> str:
    """The title of a command's refusal or usage reply, by what was asked: a read refused showed nothing
    («Ikke vist»: `oversikt side 2`); a command that records, typed bare, asked for nothing yet and is told
    how to use it («Hjelp: målform»); only a write refused is «Ikke registrert»."""
    if not writes:
        return _("Ikke vist")
    if bare:
        return _("Hjelp: {command}").format(command=shown)
    return _("Ikke registrert")


def days_phrase(*, deadline: date, today: date) -> str:
    days = (deadline - today).days
    if days == 0:
        return _("i dag")
    if days == 1:
        return _("i morgen")
    if days > 1:
        return ngettext("om {n} dag", "om {n} dager", days).format(n=days)
    return ngettext("{n} dag på overtid", "{n} dager på overtid", -days).format(n=-days)


def when_text(when: datetime, *, has_time: bool) -> str:
    return format_norwegian(when, with_time=has_time)


def day_text(day: date) -> str:
    return format_short(day)


def planned_text(when: datetime, *, has_time: bool, last_day: date | None, end: str | None = None) -> str:
    """A planned date in full, with the last day of a meeting over several days: "torsdag 22. april 2027
    kl. 10.00 – fredag 23. april 2027", or a one-day meeting's end time when one was typed ("kl. 10.00–14.00")."""
    first = when_text(when, has_time=has_time)
    if last_day is not None and last_day > when.date():
        return f"{first} – {weekday_name(last_day)} {day_text(last_day)}"
    if has_time and end:
        return f"{first}–{end.replace(':', '.')}"
    return first


def days_text(first: date, last: date | None) -> str:
    """A meeting's day(s) in the short form: "22. april 2027", or "22.–23. april 2027" over two days."""
    return format_days(first, last) if last and last > first else day_text(first)


def count(number: int, singular: str, plural: str) -> str:
    """A number with its noun in the right form: "1 oppfølgingspunkt", "2 oppfølgingspunkter"."""
    return f"{number} {singular if number == 1 else plural}"
