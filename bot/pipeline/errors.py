"""Every failure becomes a short Norwegian reply in the reader's written form; nothing raises past here.
A domain error is the handler's own words; a store fault says whether anything was recorded; a bug is
logged and answered with what to do."""

from __future__ import annotations

import logging
import threading
from dataclasses import replace

from bot.i18n import _
from bot.messages import Button, Outcome
from bot.model.order import confirm_word, is_confirm
from bot.pipeline.job import Job, Next
from bot.shown.replies import make_reply, refusal, refusal_title
from bot.state.store import AlreadyApplied, DomainError, entry_summary
from bot.state.views import Overtaken
from storage.base import StoreError

logger = logging.getLogger(__name__)


def step(job: Job, call_next: Next) -> Outcome:
    try:
        return call_next(job)
    except DomainError as exc:
        job.failed = job.refused = True
        command = job.parsed.command
        title = (
            None
            if command is None
            else refusal_title(writes=command.writes, bare=not job.parsed.rest.strip(), shown=command.shown)
        )
        reply = refusal(str(exc), title=title)
        buttons = exc.buttons or _again(job, label=exc.again)
        return Outcome(reply=replace(reply, buttons=buttons) if buttons else reply)
    except AlreadyApplied as exc:
        job.failed = job.refused = True  # the person's alone, and nothing written now
        when = exc.entry.get("at", "")[:16].replace("T", _(" kl. "))
        reply = make_reply(
            title=_("Allerede registrert"),
            lead=_("Dette ble registrert {when}: {summary}. Ingenting er endret.").format(
                when=when, summary=entry_summary(exc.entry)
            ),
        )
        return Outcome(reply=reply)
    except Overtaken as exc:
        if job.again:
            raise  # decided again on the state as it is now (bot.pipeline.again)
        job.failed = True
        # Others' writes landed on every run: nothing is wrong with the store (walk 34 F4: it said so).
        logger.warning(
            "a write to %s was overtaken by others' writes on every run; asked to send it again", exc.partition
        )
        return Outcome(
            reply=refusal(_("Flere endret det samme akkurat nå, så dette ble ikke registrert. Send det én gang til."))
        )
    except StoreError as exc:
        job.failed = True
        return Outcome(reply=refusal(store_fault_text(exc)))
    except Exception:
        job.failed = True
        logger.exception("unexpected error while handling a %s request", job.parsed.request.platform)
        return Outcome(
            reply=refusal(
                _("Noe gikk galt hos meg. Skriv «logg» for å se om endringen ble registrert, og prøv igjen om ikke.")
            )
        )


def _again(job: Job, *, label: str | None) -> tuple[Button, ...]:
    """A question that says to type the same with «bekreft» at the end gets that command as a button, so on
    Slack and Teams nobody retypes a long line (walk 13, W3). Not for a form's submission (no typed line)."""
    request = job.parsed.request
    text = request.text.strip()
    if label is None or not text or request.fields or is_confirm(text.split()[-1]):
        return ()
    return (Button(label=label, command=f"{text} {confirm_word()}", primary=False),)


def store_fault_text(exc: StoreError) -> str:
    """What the person hears when the store failed; the operator's message (file, what to do) goes to the log
    and /healthz (the store notes it), never to the chat."""
    kind = getattr(exc, "kind", "unavailable")
    _log_store_fault(kind, exc)
    if kind == "full":
        return _(
            "Lagringen er full, så ingenting ble registrert. Si fra til driftsansvarlig, og prøv igjen når det er "
            "ryddet plass."
        )
    if kind == "damaged":
        return _(
            "En del av lagringen kan ikke brukes akkurat nå, så jeg kan ikke svare på dette, og ingenting ble "
            "registrert. Driftsansvarlig ser hva som er galt i loggen og på /healthz; annet virker som vanlig."
        )
    return _("Lagringen svarer ikke akkurat nå, så ingenting ble registrert. Prøv igjen om litt.")


_LOGGED_FAULTS: dict[str, None] = {}
_LOGGED_LOCK = threading.Lock()  # requests run in the server's worker threads (adapters/offload.py)


def _log_store_fault(kind: str, exc: StoreError) -> None:
    """The operator's message once (a damaged partition is asked for by every request that reads it); each
    later request that meets it is one short line."""
    message = str(exc)
    with _LOGGED_LOCK:
        seen = message in _LOGGED_FAULTS or getattr(exc, "noted", False)  # `noted`: the store logged it already
        _LOGGED_FAULTS[message] = None
        while len(_LOGGED_FAULTS) > 256:
            del _LOGGED_FAULTS[next(iter(_LOGGED_FAULTS))]
    if seen:
        logger.info("answered with a store fault (%s) in %s", kind, exc.partition or "the store")
        return
    logger.error("storage failed (%s): %s", kind, exc)
