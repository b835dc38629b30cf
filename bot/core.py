"""The core facade: one request in, one outcome out. Adapters hold a `Core` and call `handle`."""

from __future__ import annotations

import logging
import os
import threading
from dataclasses import replace
from types import MappingProxyType

from bot.clock import Clock, SystemClock
from bot.config import AppConfig, ConfigError, load_config
from bot.context import Context
from bot.i18n import DEFAULT_LANG, Lang, _, using
from bot.identity import Directory
from bot.messages import Outcome, Reply, Request
from bot.order import CONFIRM
from bot.parsing import Vocabulary, clean_input, shown, split_command
from bot.planner import Planner
from bot.replies import make_reply, refusal
from bot.reply_cache import Key, ReplyCache
from bot.router import Router
from bot.state import AlreadyApplied, DomainError, StateStore, entry_summary
from bot.written_form import channel_form, person_form
from storage.base import Store, StoreError

logger = logging.getLogger(__name__)

MAX_COMMAND_LENGTH = 4000
DEFAULT_DB = "data/samhandling"
UNBOUND_OK = ("koble", "person", "hjelp")
"""Commands that need no bound channel; every other reply in an unbound channel says how to bind it."""


class Core:
    def __init__(self, *, config: AppConfig, store: Store, clock: Clock, public_url: str | None = None) -> None:
        from handlers import (
            build_router,
        )  # handlers depend on the core's types, not the other way round

        self.config = config
        self.store = store
        self.clock = clock
        self.public_url = public_url
        """PUBLIC_URL: the base of the links the core gives out (status page, calendar feeds)."""
        self.state = StateStore(store=store)
        self.directory = Directory(config=config, state=self.state)
        self.vocab = Vocabulary.build(config)
        self.planner = Planner(config=config, state=self.state, directory=self.directory)
        self.router: Router = build_router()
        self.replies = ReplyCache(store=store)

    def handle(self, request: Request) -> Outcome:
        """Run one command. Never raises: every failure becomes a short Norwegian reply, in the reader's
        written form (`lang_for`)."""
        kept_as = self._kept_as(request)
        if kept_as is not None:
            try:
                kept = self.replies.get(kept_as)
            except Exception:  # a store fault: the request is answered as ever, and says what is wrong
                kept = None
            if kept is not None:
                return kept
        state = self.state.for_request()  # one view for the whole request: each partition is read once
        with using(self.lang_for(request, state=state)):
            return self._handle_safely(request, state=state, kept_as=kept_as)

    def _kept_as(self, request: Request) -> Key | None:
        """What a repeat of this request is kept under (bot/reply_cache.py), or None when it is not one to
        keep. The written form needs no place in it: it follows from the request and the state read."""
        if len(request.text) > MAX_COMMAND_LENGTH:
            return None
        text = clean_input(request.text)
        word, _rest = split_command(text)
        command = self.router.find(word or "hjelp")
        if command is None or not command.same_all_day:
            return None
        return ReplyCache.key(request, text=text, command=command.name, today=self.clock.now().date())

    def lang_for(self, request: Request, *, state: StateStore | None = None) -> Lang:
        """The written form of this request's reply: the person's own choice for what only they read
        (commands that record nothing), else the channel's (bot.written_form). Commands whose texts are not
        yet in the catalogue answer in bokmål, so a reply never mixes the forms."""
        try:
            word, _rest = split_command(request.text[:MAX_COMMAND_LENGTH])
            command = self.router.find(word or "hjelp")
            if command is not None and not command.translated:
                return DEFAULT_LANG
            state = state or self.state.for_request()
            directory = Directory(config=self.config, state=state)  # its reads through the request's view
            caller = directory.caller(platform=request.platform, user_id=request.user_id, user_name=request.user_name)
            if command is None or not command.writes:
                own = person_form(state=state, person=caller.key)
                if own:
                    return own
            channel = directory.channel(platform=request.platform, channel_id=request.channel_id)
            return channel_form(
                config=self.config,
                state=state,
                platform=request.platform,
                channel_id=request.channel_id,
                context=channel,
            )
        except Exception:  # the language never stops an answer: bokmål, and the real error shows in _handle
            logger.exception("could not tell the written form of a %s request", request.platform)
            return DEFAULT_LANG

    def channel_lang(self, *, platform: str, channel_id: str) -> Lang:
        """The written form a channel reads, for what the bot says there unasked (the Teams welcome)."""
        try:
            channel = self.directory.channel(platform=platform, channel_id=channel_id)
            return channel_form(
                config=self.config,
                state=self.state.for_request(),
                platform=platform,
                channel_id=channel_id,
                context=channel,
            )
        except Exception:  # a greeting never fails over its language
            logger.exception("could not tell the written form of a %s channel", platform)
            return DEFAULT_LANG

    def _handle_safely(self, request: Request, *, state: StateStore, kept_as: Key | None = None) -> Outcome:
        try:
            return self._handle(request, state=state, kept_as=kept_as)
        except DomainError as exc:
            return Outcome(reply=refusal(str(exc)))
        except AlreadyApplied as exc:
            when = exc.entry.get("at", "")[:16].replace("T", _(" kl. "))
            reply = make_reply(
                title=_("Allerede registrert"),
                lead=_("Dette ble registrert {when}: {summary}. Ingenting er endret.").format(
                    when=when, summary=entry_summary(exc.entry)
                ),
            )
            return Outcome(reply=reply)
        except StoreError as exc:
            return Outcome(reply=refusal(_store_fault_text(exc)))
        except Exception:
            logger.exception("unexpected error while handling a %s request", request.platform)
            return Outcome(
                reply=refusal(
                    _(
                        "Noe gikk galt hos meg. Skriv «logg» for å se om endringen ble registrert, og prøv igjen om ikke."
                    )
                )
            )

    def _handle(self, request: Request, *, state: StateStore, kept_as: Key | None) -> Outcome:
        if len(request.text) > MAX_COMMAND_LENGTH:
            return Outcome(
                reply=refusal(
                    _("Meldingen er for lang (over {limit} tegn). Del den opp, eller legg ved en lenke.").format(
                        limit=MAX_COMMAND_LENGTH
                    )
                )
            )
        request = replace(
            request,
            text=clean_input(request.text),
            fields=MappingProxyType({key: clean_input(value) for key, value in request.fields.items()}),
        )
        word, rest = split_command(request.text)
        if not word:
            word = "hjelp"
        command = self.router.find(word)
        now = self.clock.now()
        directory = Directory(config=self.config, state=state)  # its reads through the request's view too
        context = Context(
            config=self.config,
            state=state,
            directory=directory,
            vocab=self.vocab,
            now=now,
            caller=directory.caller(
                platform=request.platform,
                user_id=request.user_id,
                user_name=request.user_name,
            ),
            channel=directory.channel(platform=request.platform, channel_id=request.channel_id),
            args=rest,
            public_url=self.public_url,
        )
        if command is None:
            return Outcome(reply=self._unknown(word, typed=_first_word(request.text)))
        outcome = command.handler(request, context)
        if context.channel.kind == "unbound" and command.name not in UNBOUND_OK:
            note = _(
                "Denne kanalen er ikke koblet til en region eller aktør ennå. En administrator kan skrive "
                "«koble region <navn>», «koble aktør <kode> [region]» eller «koble nasjonal» her."
            )
            reply = outcome.reply
            outcome = replace(outcome, reply=replace(reply, text=f"{reply.text}\n\n{note}", context=note))
        read = state.reads_alone() if kept_as is not None and kept_as.day == now.date() else None
        if read is not None:  # (a request that ran over midnight is not kept under the day before)
            self.replies.put(kept_as, outcome, read=read)
        return outcome

    def _unknown(self, word: str, *, typed: str) -> Reply:
        """A word we do not know: the closest commands as a "mente du …?", and the list of commands."""
        if word.rstrip(".!") == CONFIRM:  # `bekreft` alone: someone answering a question the bot asked
            return refusal(
                _(
                    "«{confirm}» skrives til slutt i den kommandoen du vil registrere likevel, f.eks. "
                    "«dato vår 22. april {confirm}» eller «referat høst Godt møte {confirm}»."
                ).format(confirm=CONFIRM),
                title=_("Ukjent kommando"),
            )
        name = shown(typed, limit=30).lower()
        if self.vocab.precondition(word):  # `statsbudsjett` alone: the command that records it
            suggestions = [_("forutsetning") + f" {name}"]
        elif self.vocab.milestone(word, scope=None):  # `vårmøte …`: the commands that take a meeting
            suggestions = [f"dato {name} …", f"referat {name} …"]
        else:
            suggestions = self.router.suggest(word)
        hint = " " + _("Mente du «{words}»?").format(words=_("» eller «").join(suggestions)) if suggestions else ""
        names = ", ".join(command.shown for command in self.router.commands)
        return refusal(
            _("Jeg kjenner ikke kommandoen «{word}».{hint} Kommandoene er: {names}.").format(
                word=shown(typed, limit=30), hint=hint, names=names
            )
            + " "
            + _("Skriv «hjelp <kommando>» for eksempler."),
            title=_("Ukjent kommando"),
        )


def _first_word(text: str) -> str:
    """The command word as it was typed (`vårmøte`, not its folded `varmote`), for quoting it back."""
    _, rest = split_command(text)
    stripped = text.strip()
    head = stripped[: len(stripped) - len(rest)].split()
    return head[-1] if head else stripped


def _store_fault_text(exc: StoreError) -> str:
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
_LOGGED_LOCK = threading.Lock()  # requests run in the server's worker threads


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


def cache_size_for(config: AppConfig) -> int:
    """Enough cached partitions for what requests and a reminder pass read: every region's and the nation's
    partitions of four years (last, this, next and the one after), the actors' and meta/outbox partitions,
    twice over for headroom; never below the old fixed 256. With 15 regions that is 256, with 100 it is 832."""
    parties = len(config.parties.regions) + len(config.enabled_actors) + 1
    return max(256, parties * 4 * 2 + 16)


def build_core(
    *,
    config_path: str | None = None,
    db_path: str | None = None,
    clock: Clock | None = None,
) -> Core:
    """The core as the process runs it: config from $SAMHANDLING_CONFIG; the store in PostgreSQL at
    $DATABASE_URL when set, else the tinydb folder at `db_path`/$SAMHANDLING_DB."""
    from storage import open_configured_store
    from storage.transfer import refuse_half_copy

    config = load_config(config_path or os.environ.get("SAMHANDLING_CONFIG", "app.yaml"))
    public_url = os.environ.get("PUBLIC_URL", "").strip().rstrip("/") or None
    if public_url and not public_url.startswith(("https://", "http://")):
        raise ConfigError(
            [f"PUBLIC_URL: write the whole address, e.g. https://samhandling.example.no (got {public_url!r})"]
        )
    store = open_configured_store(
        database_url=None if db_path else os.environ.get("DATABASE_URL"),
        db_path=db_path or os.environ.get("SAMHANDLING_DB") or None,
        default_path=DEFAULT_DB,
        cache_size=cache_size_for(config),
    )
    clock = clock or SystemClock(tz=config.tz)
    try:
        # A corrupt file the bot will read stops start-up here (StoreError), before anyone is answered: the
        # previous year on (the cycles being worked on); older years are checked when read.
        store.verify(from_year=clock.now().year - 1)
        refuse_half_copy(store)  # an import that was stopped half-way: never serve part of the data
    except BaseException:
        store.close()
        raise
    return Core(config=config, store=store, clock=clock, public_url=public_url)
