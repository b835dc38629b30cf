"""`logg [region]`: the latest changes, who made them, when and from where."""

from __future__ import annotations

from datetime import datetime

from bot.context import Context
from bot.i18n import N_, _, ngettext
from bot.memo import IdentityMemo
from bot.messages import Outcome, Request, Section
from bot.replies import make_reply
from bot.state import META, entry_summary
from handlers.common import context_region, read_args, reject_extra
from storage.base import Document, newest_first

SHOW = 10
META_LOOK_BACK = 100
"""How far back in `meta` (bindings, people, plan periods of every region) a region's `logg` looks."""
_OWN: IdentityMemo[list[Document]] = IdentityMemo(maxsize=1024)
"""A region's own entries among the newest of `meta`, by `meta`'s tables object and the region: `meta` holds
every organisation's bindings, so reading and filtering its newest 100 entries on every `logg` cost more
with 100 organisations than with 15, though `meta` rarely changes."""


def handle(request: Request, ctx: Context) -> Outcome:
    args = read_args(ctx, ctx.args.split(), want=("region",))
    reject_extra(args.rest, example=N_("logg agder"))
    region = context_region(ctx, args.region)
    prefixes = [f"cycle/{region}/"] if region else ["national/", META]
    entries = []
    total = 0
    for prefix in prefixes:
        # Newest first and only what can be shown; the years no command writes any more are summarised once
        # by the store: the cost stays flat however old the store is.
        found, count = ctx.state.latest_under(prefix, limit=SHOW, sealed_before=ctx.now.year - 1)
        entries += found
        total += count
    if region:  # the region's own changes kept in `meta` (its plan period), among the latest there
        meta = ctx.state.tables(META)  # `meta` as it is now: the region's entries are kept until it changes
        own = _OWN.get(meta, region)
        if own is None:
            own = [e for e in ctx.state.latest(META, limit=META_LOOK_BACK) if e.get("region") == region]
            _OWN.put(meta, own, region)
        entries += own
        total += len(own)
    entries = newest_first(entries)  # stable: same-minute entries keep their order
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
