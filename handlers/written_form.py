"""`målform nn|nb` (your own private replies) and `målform kanal nn|nb` (the channel; admin or the
region's coordinator): which written form the bot writes, see bot/written_form.py."""

from __future__ import annotations

from bot.actions.base import Acting
from bot.actions.preferences import FORM_NAMES, choose_channel_form, choose_written_form
from bot.context import Context
from bot.i18n import Lang, _, parse_lang, using
from bot.messages import Outcome, Request, Visibility
from bot.parsing import fold
from bot.shown.replies import make_reply
from bot.state.store import DomainError
from bot.written_form import channel_form, person_form
from handlers.announce import asker_alone


def handle(request: Request, ctx: Context) -> Outcome:
    words = ctx.args.split()
    for_channel = bool(words) and fold(words[0]) == "kanal"
    if for_channel:
        words = words[1:]
    lang = parse_lang(words[0]) if len(words) == 1 else None
    if lang is None:
        own = person_form(state=ctx.state, person=ctx.caller.key)
        here = channel_form(
            config=ctx.config,
            state=ctx.state,
            platform=request.platform,
            channel_id=request.channel_id,
            context=ctx.channel,
        )
        with using(own or here):  # records nothing and only the person reads it: their own choice at once
            help_text = _(
                "Skriv «målform nn» eller «målform nb» for svarene som bare du ser, eller «målform kanal nn» for "
                "hele kanalen (nå: {own} for deg, {here} i kanalen)."
            ).format(own=FORM_NAMES[own] if own else _("som kanalen"), here=FORM_NAMES[here])
        raise DomainError(help_text)
    if for_channel:
        return _set_channel(request, ctx, lang=lang)
    choose_written_form(Acting.of(ctx=ctx, request=request), lang=lang)
    with using(lang):  # the answer already in the chosen form
        lead = (  # in a Teams channel the thread reads the reply too (walk 20 F-o)
            _("Svar som bare du ser, kommer nå på {form}.")
            if asker_alone(request)
            else _("Svar på det du spør om, kommer nå på {form}.")
        ).format(form=FORM_NAMES[lang])
        return Outcome(reply=make_reply(title=_("Målform: {form}").format(form=FORM_NAMES[lang]), lead=lead))


def _set_channel(request: Request, ctx: Context, *, lang: Lang) -> Outcome:
    choose_channel_form(Acting.of(ctx=ctx, request=request), lang=lang)
    with using(lang):
        lead = _("Svar, påminnelser og oversikter i denne kanalen kommer nå på {form}.").format(form=FORM_NAMES[lang])
        return Outcome(
            reply=make_reply(
                title=_("Målform: {form}").format(form=FORM_NAMES[lang]), lead=lead, visibility=Visibility.CHANNEL
            )
        )
