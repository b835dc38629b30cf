"""Links to the status page in `status` and `oversikt`: one wrapper, so those handlers stay as they are.

The page's token is created the first time someone asks (a recorded change in `meta`); a failure to
create it never spoils the reply it would have been added to.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from typing import Literal

from bot.context import Context
from bot.messages import Outcome, Request, Section
from bot.state import META, AlreadyApplied, DomainError
from bot.web_links import address, new_token, put_token, status_link_id, status_path, token_of
from handlers.common import context_region, read_args, record
from storage.base import StoreError

logger = logging.getLogger(__name__)

Handler = Callable[[Request, Context], Outcome]


def ensure_token(ctx: Context, request: Request, *, link_id: str, what: str) -> str:
    """The link's token, created (and recorded) when it has none yet."""
    token = token_of(ctx.state, link_id)
    if token:
        return token
    return str(
        record(
            ctx,
            request,
            partition=META,
            summary=f"Opprettet hemmelig lenke til {what}",
            mutate=put_token(link_id, new_token(), replace=False),
        )
    )


def status_address(ctx: Context, request: Request, *, region: str | None) -> str:
    what = f"statussiden for {ctx.config.party_name(region)}" if region else "den nasjonale statussiden"
    token = ensure_token(ctx, request, link_id=status_link_id(region), what=what)
    return address(ctx.public_url, status_path(region), token)


def with_status_link(handler: Handler, *, page: Literal["region", "national"]) -> Handler:
    """`handler`, with a link to the matching status page added to a successful reply."""

    def handle(request: Request, ctx: Context) -> Outcome:
        outcome = handler(request, ctx)
        if not outcome.reply.ok:
            return outcome
        region = None
        if page == "region":
            region = context_region(ctx, read_args(ctx, ctx.args.split(), want=("region", "year")).region)
            if region is None:
                return outcome
        try:
            url = status_address(ctx, request, region=region)
        except (DomainError, AlreadyApplied, StoreError):
            logger.warning("could not create the status page link; replying without it")
            return outcome
        reply = outcome.reply
        linked = replace(
            reply,
            text=f"{reply.text}\n\nStatussiden: {url}",
            sections=(*reply.sections, Section(title="Statussiden", text=url)),
        )
        return replace(outcome, reply=linked)

    return handle
