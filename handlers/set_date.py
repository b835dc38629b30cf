"""`dato <milepæl> [region] [år] <dato>`: set a meeting's planned date.

The reply repeats the date in full Norwegian so the person sees what was understood. A date outside the
milestone's window, in the past, or before the meeting it must follow is never kept silently: the bot
asks for an explicit `bekreft`.
"""

from __future__ import annotations

from datetime import date, datetime

from bot.context import Context
from bot.dates import parse_norwegian_date
from bot.messages import Button, Outcome, Request, Visibility
from bot.parsing import fold
from bot.progress import progress_of
from bot.replies import day_text, make_reply, when_text
from bot.state import DomainError, item_doc_key
from bot.wheel import Item, window_contains
from handlers.common import (
    milestone_for,
    pick_year,
    read_meeting,
    record,
    require_coordinator,
)

EXAMPLE = "dato vår 22. april kl 10"
CONFIRM = "bekreft"


def handle(request: Request, ctx: Context) -> Outcome:
    words = ctx.args.split()
    confirmed = bool(words) and fold(words[-1]) == CONFIRM
    if confirmed:
        words = words[:-1]
    meeting = read_meeting(ctx, words, command="dato", example=EXAMPLE)
    spec, region, args = meeting.spec, meeting.region, meeting.args
    text = " ".join(args.rest)
    if not text:
        raise DomainError(
            f"Hvilken dato? Skriv f.eks. «{EXAMPLE}», «22.04.27 10.00», «tirsdag neste uke» eller «uke 17»."
        )
    window = milestone_for(ctx, key=spec.key, year=args.year, region=region) if args.year else None
    parsed = parse_norwegian_date(text, now=ctx.now, window=(window.start, window.deadline) if window else None)
    if parsed is None:
        raise DomainError(
            f"Jeg forstod ikke datoen «{text}». Skriv f.eks. «22. april kl 10», «22.04.27 10.00», «tirsdag neste uke» eller «uke 17»."
        )
    item = window or _item_containing(ctx, key=spec.key, region=region, day=parsed.when.date())
    require_coordinator(ctx, item=item)
    worries = _worries(ctx, item=item, when=parsed.when)
    shown = when_text(parsed.when, has_time=parsed.has_time)
    if worries and not confirmed:
        iso = parsed.when.strftime("%Y-%m-%d %H:%M") if parsed.has_time else parsed.when.strftime("%Y-%m-%d")
        command = f"dato {spec.key} {region or ''} {item.year} {iso} {CONFIRM}".replace("  ", " ")
        reply = make_reply(
            title="Bekreft datoen",
            lead=f"Jeg leste {shown}. {' '.join(worries)} Datoen er ikke lagret. "
            f"Skriv «{command}» for å lagre den likevel.",
            buttons=[Button(label="Lagre likevel", command=command, primary=False)],
        )
        return Outcome(reply=reply)

    def mutate(tables: dict) -> None:
        doc = tables.setdefault("milestones", {}).setdefault(item_doc_key(item), {})
        doc["planned"] = parsed.when.isoformat()
        doc["planned_has_time"] = parsed.has_time

    record(
        ctx,
        request,
        item=item,
        summary=f"Satte dato for {item.title()} til {shown}",
        mutate=mutate,
    )
    reply = make_reply(
        title=f"Dato satt: {item.title()}",
        lead=f"{shown}. Påminnelser går ut før denne datoen. Satt av {ctx.caller.name}.",
        visibility=Visibility.CHANNEL,
    )
    return Outcome(reply=reply)


def _item_containing(ctx: Context, *, key: str, region: str | None, day: date) -> Item:
    """The cycle whose window holds the date; otherwise the cycle the milestone is due in now."""
    for year in range(day.year - 1, day.year + 2):
        item = milestone_for(ctx, key=key, year=year, region=region)
        if window_contains(item, day):
            return item
    year = pick_year(ctx, item_for=lambda y: milestone_for(ctx, key=key, year=y, region=region))
    return milestone_for(ctx, key=key, year=year, region=region)


def _worries(ctx: Context, *, item: Item, when: datetime) -> list[str]:
    day = when.date()
    worries = []
    if not window_contains(item, day):
        worries.append(f"Det er utenfor vinduet for {item.title()} ({day_text(item.start)}–{day_text(item.deadline)}).")
    if day < ctx.now.date():
        worries.append("Datoen er passert.")
    for after in item.spec.after:
        before_spec = ctx.config.milestone(after.key)
        if before_spec is None:
            continue
        before = milestone_for(
            ctx,
            key=after.key,
            year=item.year + after.cycle,
            region=item.region if before_spec.scope == "regional" else None,
        )
        progress = progress_of(config=ctx.config, state=ctx.state, item=before)
        first = progress.planned or progress.done_at
        if first is not None and first.date() > day:
            worries.append(f"Det er før {before.title()} ({day_text(first.date())}), som skal komme først.")
    return worries
