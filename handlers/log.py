"""`logg [region]`: the latest changes, who made them, when and from where (read through
`bot.state.change_log.latest_changes`)."""

from __future__ import annotations

from datetime import datetime

from bot.context import Context
from bot.i18n import N_, _, ngettext
from bot.messages import Outcome, Request, Section
from bot.shown.replies import make_reply
from bot.state.change_log import latest_changes
from bot.state.store import entry_summary
from handlers.common import context_region, read_args, reject_extra

SHOW = 10


def handle(request: Request, ctx: Context) -> Outcome:
    args = read_args(ctx, ctx.args.split(), want=("region",))
    reject_extra(args.rest, example=N_("logg agder"))
    region = context_region(ctx, args.region)
    changes = latest_changes(ctx.state, region=region, limit=SHOW, sealed_before=ctx.now.year - 1)
    entries, total = changes.entries, changes.total
    where = ctx.config.party_name(region) if region else _("nasjonalt")
    if not entries:
        return Outcome(
            reply=make_reply(
                title=_("Logg – {where}").format(where=where), lead=_("Ingen endringer er registrert ennå.")
            )
        )
    sections = [
        Section(
            title=_when_text(entry.get("at")),
            text=f"{entry.get('name')} ({entry.get('platform')}): {entry_summary(entry)}",
        )
        for entry in entries[:SHOW]
    ]
    reply = make_reply(
        title=_("Logg – {where}").format(where=where),
        lead=ngettext("De siste {shown} av {total} endring.", "De siste {shown} av {total} endringer.", total).format(
            shown=min(SHOW, len(entries)), total=total
        ),
        sections=sections,
    )
    return Outcome(reply=reply)


def _when_text(value: object) -> str:
    """An entry's time as shown; a hand-edited entry without a readable `at` is shown, not fatal."""
    try:
        at = datetime.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        at = None
    return f"{at:%d.%m.%Y}{_(' kl. ')}{at:%H.%M}" if at else _("Ukjent tid")
