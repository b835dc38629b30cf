"""The unbound-channel note: in a channel not yet bound to a region or actor, every reply (but those of
the commands that need no binding) ends with how an admin binds it, a recorded change first with the region
it was for. A personal chat is not a channel: it
has nothing to bind (a command there is about the person's own party), so it gets no note. The note is
added to the reply's context line, never in place of what was there (the status page's link)."""

from __future__ import annotations

from dataclasses import replace

from bot.i18n import _
from bot.messages import Outcome
from bot.pipeline.job import Job, Next

UNBOUND_OK = ("koble", "person", "hjelp", "bli", "opptak", "forlat", "hvem")
"""Commands that need no bound channel."""


def step(job: Job, call_next: Next) -> Outcome:
    outcome = call_next(job)
    command = job.parsed.command
    if command is None or command.name in UNBOUND_OK or job.channel.kind != "unbound":
        return outcome
    if job.parsed.request.personal:
        return outcome
    note = _(
        "Denne kanalen er ikke koblet til en region eller aktør ennå. En administrator kan skrive "
        "«koble region <navn>», «koble aktør <kode> [region]» eller «koble nasjonal» her."
    )
    regions = job.state.changed_regions()
    if len(regions) == 1:  # the chat names no region, so the reply names the one written for (walk 30 m4)
        region = job.config.party_name(next(iter(regions)))
        note = _("Registreringen gjelder {region}.").format(region=region) + " " + note
    reply = outcome.reply
    context = f"{reply.context} · {note}" if reply.context else note
    return replace(outcome, reply=replace(reply, text=f"{reply.text}\n\n{note}", context=context))
