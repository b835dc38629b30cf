"""Links to the status page in `status` and `oversikt`: one wrapper, so those handlers stay as they are.

Reading the link writes nothing (bot/shown/web_links.py derives the token); a store that cannot be read never
spoils the reply the link would have been added to.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from typing import Literal

from bot.context import Context
from bot.i18n import _
from bot.messages import Outcome, Request
from bot.shown.web_links import address, status_link_id, status_path, token_of
from handlers.common import context_region, read_args
from storage.base import StoreError

logger = logging.getLogger(__name__)

Handler = Callable[[Request, Context], Outcome]


def status_address(ctx: Context, *, region: str | None) -> str:
    return address(ctx.public_url, status_path(region), token_of(ctx.state, status_link_id(region)))


def with_status_link(handler: Handler, *, page: Literal["region", "national"]) -> Handler:
    """`handler`, with a link to the matching status page added to a successful reply."""

    def handle(request: Request, ctx: Context) -> Outcome:
        outcome = handler(request, ctx)
        if not outcome.reply.ok:
            return outcome
        args = read_args(ctx, ctx.args.split(), want=("region", "year"))
        region = None
        if page == "region":
            region = context_region(ctx, args.region)
            if region is None:
                return outcome
        try:
            url = status_address(ctx, region=region)
            if args.year:
                url += f"&aar={args.year}"  # the page shows the cycle the command was about
        except StoreError:
            logger.warning("could not read the status page link; replying without it")
            return outcome
        reply = outcome.reply
        linked = replace(
            reply,
            text=f"{reply.text}\n\n" + _("Statussiden: {url}").format(url=url),
            context=(f"{reply.context} · " if reply.context else "") + _("Statussiden: {url}").format(url=url),
        )
        return replace(outcome, reply=linked)

    return handle
