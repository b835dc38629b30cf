"""The end of the pipeline: the command's handler, or, for a word we do not know, the closest commands."""

from __future__ import annotations

from dataclasses import replace

from bot.delivery.outbox import queue
from bot.i18n import _
from bot.messages import ChannelAddress, Outcome, Reply
from bot.model.order import is_confirm
from bot.parsing import fold, shown
from bot.pipeline.job import Job
from bot.pipeline.parse import first_word
from bot.pointers import asks, asks_next_week, either, greets, pointers, thanks
from bot.shown.replies import refusal

NOT_A_READ = Outcome(reply=Reply(title="", text="", ok=False))
"""What a request that may only read (`Job.reads_only`) gets for a command that writes: nothing was run."""


def dispatch(job: Job) -> Outcome:
    command = job.parsed.command
    if job.reads_only and (command is None or command.writes):
        return NOT_A_READ
    if command is None:
        return Outcome(reply=unknown(job))
    watch = job.watch  # a reply that may be kept for everyone of the asker's part (bot.pipeline.kept)
    if watch is not None:
        watch.armed = True
    try:
        outcome = command.handler(job.parsed.request, job.context)
    except BaseException:
        job.state.finish_request()  # what the handler recorded before it failed is written, as it said
        raise
    finally:
        if watch is not None:
            watch.armed = False
    # The change is written now, with its announcements in the same write, before anyone is told.
    request = job.parsed.request
    here = ChannelAddress(platform=request.platform, channel_id=request.channel_id)
    outcome = queue(job.state, outcome, here=here, at=job.now)
    if not command.writes and not outcome.reads_only:
        outcome = replace(outcome, reads_only=True)  # the adapter may run it again to refresh what it shows
    return outcome


def unknown(job: Job) -> Reply:
    """A word we do not know: the closest commands as a "mente du …?", and the list of commands."""
    word, typed = job.parsed.word, first_word(job.parsed.request.text)
    if is_confirm(word):  # `bekreft` or `stadfest` alone: someone answering a question the bot asked
        return refusal(
            _(
                "«{confirm}» skrives til slutt i den kommandoen du vil registrere likevel, f.eks. "
                "«dato vår 22. april {confirm}» eller «referat høst Godt møte {confirm}»."
            ).format(confirm=word.rstrip(".!")),
            title=_("Ukjent kommando"),
        )
    if greets(word) and not job.parsed.rest.split()[1:]:  # «hei», «god morgen»: a first hello (walk 43)
        return refusal(
            _("Hei! Skriv «neste» for det som venter nå, eller «hjelp» for det du kan gjøre her."), title=_("Hei")
        )
    if thanks(word) and len(job.parsed.rest.split()) <= 3:  # «takk», «tusen takk!», «takk skal du ha» (walk 43)
        return refusal(_("Bare hyggelig! Skriv «neste» når du vil se hva som venter."), title=_("Hei"))
    name = shown(typed, limit=30).lower()
    rest = job.parsed.rest.split()
    if job.vocab.precondition(word):  # `statsbudsjett vedtatt 15. desember`: the command that records it, as typed
        suggestions = [shown(" ".join([_("forutsetning"), name, *rest]), limit=80)]
    elif job.vocab.milestone(word, scope=None) and rest and fold(rest[0]) in ("dato", "referat"):
        # «høst dato 18. november»: the command word typed after the meeting, put first (walk 39)
        suggestions = [shown(" ".join([rest[0].lower(), name, *rest[1:]]), limit=80)]
    elif job.vocab.milestone(word, scope=None):  # `vårmøte …`: the commands that take a meeting
        suggestions = [f"dato {name} …", f"referat {name} …"]
    else:
        suggestions = [] if asks(word) else job.router.suggest(word)
    pointed = [] if suggestions else pointers(router=job.router, vocab=job.vocab, text=job.parsed.request.text)
    if pointed and pointed[0].name == "neste" and asks_next_week(job.parsed.request.text.split()):
        # «hva skjer neste uke?»: the words that answer it, and what they show (walk 32 F9)
        return refusal(
            _(
                "Jeg forstår kommandoer, ikke spørsmål. Skriv «{command}»: først det som har frist eller er "
                "satt neste uke, så resten som er åpent."
            ).format(command=_("neste uke")),
            title=_("Ukjent kommando"),
        )
    if pointed:  # a plain question («hvordan signerer jeg»): the commands its words name, not the whole list
        return refusal(
            _("Jeg forstår kommandoer, ikke spørsmål. Prøv {commands} («hjelp {command}» gir eksempler).").format(
                commands=either([command.called for command in pointed]), command=pointed[0].called
            ),
            title=_("Ukjent kommando"),
        )
    if asks(word):  # «hvordan virker dette?»: a question none of whose words names a command (walk 43)
        return refusal(
            _(
                "Jeg forstår kommandoer, ikke spørsmål. Skriv «hjelp» for det du kan gjøre her, eller «neste» for "
                "det som venter nå."
            ),
            title=_("Ukjent kommando"),
        )
    hint = " " + _("Mente du «{words}»?").format(words=_("» eller «").join(suggestions)) if suggestions else ""
    role = job.context.caller.role  # the commands this person may run, as `hjelp` lists them (walk 43)
    names = ", ".join(command.called for command in job.router.commands if command.open_to(role=role))
    return refusal(
        _("Jeg kjenner ikke kommandoen «{word}».{hint} Kommandoene er: {names}.").format(
            word=shown(typed, limit=30), hint=hint, names=names
        )
        + " "
        + _("Skriv «hjelp <kommando>» for eksempler."),
        title=_("Ukjent kommando"),
    )
