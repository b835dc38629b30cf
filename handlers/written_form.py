"""`målform nn|nb` (your own private replies) and `målform kanal nn|nb` (the channel; admin or the
region's coordinator): which written form the bot writes, see bot/written_form.py."""

from __future__ import annotations

from bot.context import Context
from bot.i18n import Lang, _, parse_lang, using
from bot.messages import Outcome, Request, Visibility
from bot.parsing import fold
from bot.replies import make_reply
from bot.state import META, DomainError
from bot.written_form import FORMS_TABLE, channel_doc_key, channel_form, person_doc_key, person_form
from handlers.common import record

FORM_NAMES = {"nb": "bokmål", "nn": "nynorsk"}


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
        raise DomainError(
            _(
                "Skriv «målform nn» eller «målform nb» for svarene som bare du ser, eller «målform kanal nn» for "
                "hele kanalen (nå: {own} for deg, {here} i kanalen)."
            ).format(own=FORM_NAMES[own] if own else _("som kanalen"), here=FORM_NAMES[here])
        )
    if for_channel:
        return _set_channel(request, ctx, lang=lang)
    if ctx.caller.key is None or not ctx.caller.known:
        raise DomainError(_("Du er ikke registrert som person her ennå. En administrator kan skrive «person …»."))
    person = ctx.caller.key
    record(
        ctx,
        request,
        partition=META,
        summary=lambda: _("Målform for {name}: {form}").format(name=ctx.caller.name, form=FORM_NAMES[lang]),
        mutate=lambda tables: tables.setdefault(FORMS_TABLE, {}).__setitem__(person_doc_key(person), {"form": lang}),
    )
    with using(lang):  # the answer already in the chosen form
        lead = _("Svar som bare du ser, kommer nå på {form}.").format(form=FORM_NAMES[lang])
        return Outcome(reply=make_reply(title=_("Målform: {form}").format(form=FORM_NAMES[lang]), lead=lead))


def _set_channel(request: Request, ctx: Context, *, lang: Lang) -> Outcome:
    allowed = ctx.caller.role == "admin" or (
        ctx.caller.role == "coordinator" and ctx.channel.region is not None and ctx.caller.party == ctx.channel.region
    )
    if not allowed:
        raise DomainError(_("Bare en administrator eller regionens koordinator kan endre kanalens målform."))
    key = channel_doc_key(request.platform, request.channel_id)
    record(
        ctx,
        request,
        partition=META,
        summary=lambda: _("Målform for kanalen {channel}: {form}").format(
            channel=f"{request.platform}:{request.channel_id}", form=FORM_NAMES[lang]
        ),
        mutate=lambda tables: tables.setdefault(FORMS_TABLE, {}).__setitem__(key, {"form": lang}),
    )
    with using(lang):
        lead = _("Svar, påminnelser og oversikter i denne kanalen kommer nå på {form}.").format(form=FORM_NAMES[lang])
        return Outcome(
            reply=make_reply(
                title=_("Målform: {form}").format(form=FORM_NAMES[lang]), lead=lead, visibility=Visibility.CHANNEL
            )
        )
