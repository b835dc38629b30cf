"""`logg [region] [år] [side N]`: the changes, newest first, who made them, when and from where (read through
`bot.state.change_log.latest_changes`), a page of `SHOW` at a time; with a year, that cycle's alone.

Replaced minutes are kept in the history; their entry names the command that shows them
(`referat vis … tidligere`), so the reply's promise that the earlier minutes stay readable holds here too."""

from __future__ import annotations

from datetime import datetime

from bot.context import Context
from bot.i18n import N_, _, ngettext
from bot.messages import Outcome, Request, Section, platform_name
from bot.model.wheel import milestone_item
from bot.parsing import fold
from bot.shown.replies import make_reply
from bot.shown.voided import void_note
from bot.state.change_log import latest_changes, replaced_outcome
from bot.state.store import entry_summary
from handlers.common import NATION_WORDS, context_region, read_args, reject_extra, take_page
from handlers.minutes_read import read_command
from storage.base import Document

SHOW = 10


def handle(request: Request, ctx: Context) -> Outcome:
    page, words = take_page(ctx.args.split())
    national = any(fold(word) in NATION_WORDS for word in words)  # `logg nasjonal`, as `status nasjonal` (walk 36)
    args = read_args(ctx, [word for word in words if fold(word) not in NATION_WORDS], want=("region", "year"))
    reject_extra(args.rest, example=N_("logg agder 2027 side 2"))
    region = None if national and not args.region else context_region(ctx, args.region)
    named = region or (_("nasjonal") if national and context_region(ctx, None) else None)  # in the page hints
    changes = latest_changes(
        ctx.state, region=region, limit=page * SHOW, sealed_before=ctx.now.year - 1, year=args.year
    )
    entries, total = changes.entries[(page - 1) * SHOW : page * SHOW], changes.total
    note = _regions_note(ctx) if region is None else ""
    where = ctx.config.party_name(region) if region else _("nasjonalt")
    where += f" {args.year}" if args.year else ""
    title = _("Logg – {where}").format(where=where)
    if not entries and total:
        pages = -(-total // SHOW)
        command = " ".join(filter(None, (_("logg"), named, str(args.year or "") or None, f"side {pages}")))
        lead = ngettext(
            "Loggen har bare {n} side. Skriv «{command}».", "Loggen har bare {n} sider. Skriv «{command}».", pages
        )
        return Outcome(reply=make_reply(title=title, lead=lead.format(n=pages, command=command) + note))
    if not entries:
        return Outcome(reply=make_reply(title=title, lead=_("Ingen endringer er registrert ennå.") + note))
    sections = [
        Section(
            title=_when_text(entry.get("at")),
            text=f"{entry.get('name')} ({platform_name(str(entry.get('platform') or ''))}): {entry_summary(entry)}"
            + void_note(entry, state=ctx.state)
            + _earlier_note(ctx, entry),
        )
        for entry in entries
    ]
    first = (page - 1) * SHOW
    if page == 1 and len(entries) == total:  # all of them: not «De siste 1 av 1 endring» (walk 17 F-f)
        lead = ngettext("Den eneste endringen så langt.", "Alle {total} endringer.", total)
    elif page == 1:
        lead = ngettext("De siste {shown} av {total} endring.", "De siste {shown} av {total} endringer.", total)
    else:
        lead = ngettext("Endring {first}–{last} av {total}.", "Endringer {first}–{last} av {total}.", total)
    lead = lead.format(shown=len(entries), first=first + 1, last=first + len(entries), total=total)
    if first + len(entries) < total:
        more = " ".join(filter(None, (_("logg"), named, str(args.year) if args.year else None, f"side {page + 1}")))
        lead += " " + _("Eldre: «{command}».").format(command=more)
    return Outcome(reply=make_reply(title=title, lead=lead + note, sections=sections))


def _regions_note(ctx: Context) -> str:
    """In an actor's channel the bare `logg` is the national one, which holds none of the actor's own records
    (its signatures, its points, its letters are in the regions' logs): said, with a region's command to
    type (walk 21 A5)."""
    actor = ctx.channel.actor or (ctx.caller.party if ctx.caller.party and ctx.config.actor(ctx.caller.party) else None)
    if actor is None:
        return ""
    return " " + _(
        "Dette er den nasjonale loggen; det {party} har registrert for en region (signaturer, oppfølgingspunkter) "
        "står i regionens logg, f.eks. «logg {region}»."
    ).format(party=ctx.config.party_prose(actor), region=ctx.config.parties.regions[0].key)


def _earlier_note(ctx: Context, entry: Document) -> str:
    """For an entry that replaced minutes: the command that shows what it replaced."""
    parts = str(entry.get("item") or "").split(":")
    if replaced_outcome(entry) is None or len(parts) < 4 or parts[0] != "milestone":
        return ""
    spec = ctx.config.milestone(parts[1])
    if spec is None or not parts[2].isdigit():
        return ""
    region = None if parts[3] == "national" else parts[3]
    item = milestone_item(ctx.config, milestone=spec, year=int(parts[2]), region=region)
    return " " + _("Det forrige referatet: «{command}».").format(command=read_command(item, earlier=True))


def _when_text(value: object) -> str:
    """An entry's time as shown; a hand-edited entry without a readable `at` is shown, not fatal."""
    try:
        at = datetime.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        at = None
    return f"{at:%d.%m.%Y}{_(' kl. ')}{at:%H.%M}" if at else _("Ukjent tid")
