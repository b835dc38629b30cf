"""The request pipeline (bot/pipeline/): its order, each step, and that a request is parsed once.

Most tests run the real core with a few declared stand-in commands (`Router([...])`), so each step is seen
on its own: what reaches the handler, and what the person gets back.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import pytest

import bot.pipeline.job as job_module
from bot.clock import FixedClock
from bot.context import Context
from bot.core import Core
from bot.messages import Delivery, Outcome, Request, Visibility
from bot.pipeline.parse import MAX_COMMAND_LENGTH
from bot.router import Command, Router, Who
from bot.shown.replies import make_reply
from bot.state.store import DomainError
from storage.memory import MemoryStore
from tests.driver import DEMO_CONFIG, BotDriver, load_config, make_bot, oslo


@dataclass
class Calls:
    seen: list[str] = field(default_factory=list)

    def handler(self, name: str, *, reply: Callable[[Context], Outcome] | None = None) -> Callable[..., Outcome]:
        def handle(request: Request, ctx: Context) -> Outcome:
            self.seen.append(f"{name} {ctx.args}".strip())
            if reply is not None:
                return reply(ctx)
            return Outcome(reply=make_reply(title=name, lead=f"{name} kjørte"))

        return handle


def _boom(ctx: Context) -> Outcome:
    raise RuntimeError("a bug")


def _refuse(ctx: Context) -> Outcome:
    raise DomainError("Nei.")


def _recorded(ctx: Context) -> Outcome:
    return Outcome(reply=make_reply(title="Registrert", lead="ok", visibility=Visibility.CHANNEL))


def stand_in_core(calls: Calls) -> Core:
    commands = (
        Command("les", calls.handler("les"), "Leser.", "les", same_all_day=True, translated=True),
        Command("skriv", calls.handler("skriv", reply=_recorded), "Skriver.", "skriv", writes=True, who=Who.MEMBER),
        Command("bind", calls.handler("bind"), "Binder.", "bind", writes=True, who=Who.ADMIN),
        Command("feil", calls.handler("feil", reply=_boom), "Feiler.", "feil"),
        Command("nei", calls.handler("nei", reply=_refuse), "Nekter.", "nei"),
        Command("hjelp", calls.handler("hjelp"), "Hjelp.", "hjelp"),
    )
    clock = FixedClock(oslo(2026, 11, 23, 9, 0))
    return Core(config=load_config(DEMO_CONFIG), store=MemoryStore(), clock=clock, router=Router(commands))


def ask(core: Core, text: str, *, as_: str = "kari", channel: str = "agder", **extra: object) -> Outcome:
    return core.handle(Request(platform="terminal", user_id=as_, channel_id=channel, text=text, **extra))  # type: ignore[arg-type]


def test_the_steps_run_in_the_declared_order(bot: BotDriver) -> None:
    names = [step.__module__.rsplit(".", 1)[-1] for step in bot.core.steps]
    assert names == ["repeats", "again", "kept", "language", "errors", "size", "unbound", "permission"]


def test_a_redelivery_is_answered_once_and_a_click_that_recorded_nothing_may_come_again() -> None:
    calls = Calls()
    core = stand_in_core(calls)
    once = Delivery("slack:event:Ev1")
    first, again = ask(core, "les", delivery=once), ask(core, "les", delivery=once)
    assert not first.repeated and again.repeated and again.announcements == ()
    click = Delivery("slack:action:1", again_unless_recorded=True)
    ask(core, "hjelp", delivery=click)
    ask(core, "hjelp", delivery=click)  # a read recorded nothing: the second click asks again
    write = Delivery("slack:action:2", again_unless_recorded=True)
    ask(core, "skriv", delivery=write)
    assert ask(core, "skriv", delivery=write).repeated  # a recorded write is not run twice
    assert calls.seen == ["les", "hjelp", "hjelp", "skriv"]


def test_a_kept_reply_is_the_same_answer_without_running_the_command_again() -> None:
    calls = Calls()
    core = stand_in_core(calls)
    first, second = ask(core, "les"), ask(core, "les")
    assert second is first and calls.seen == ["les"]


def test_a_failure_is_a_short_reply_and_is_never_kept() -> None:
    calls = Calls()
    core = stand_in_core(calls)
    core.router.add(Command("feil2", calls.handler("feil2", reply=_boom), "Feiler.", "feil2", same_all_day=True))
    crashed = ask(core, "feil")
    assert not crashed.reply.ok and "Noe gikk galt" in crashed.reply.text
    refused = ask(core, "nei").reply
    assert not refused.ok and "Nei." in refused.text
    ask(core, "feil2")
    ask(core, "feil2")
    assert calls.seen.count("feil2") == 2  # a failed answer was not kept


def test_the_size_limit_refuses_before_the_command_runs() -> None:
    calls = Calls()
    core = stand_in_core(calls)
    reply = ask(core, "les " + "x" * MAX_COMMAND_LENGTH).reply
    assert not reply.ok and "for lang" in reply.text and calls.seen == []


def test_the_unbound_note_follows_a_reply_but_not_the_commands_that_need_no_binding() -> None:
    calls = Calls()
    core = stand_in_core(calls)
    assert "koble region" in ask(core, "les", channel="ukjent-kanal").reply.text
    assert "koble region" not in ask(core, "hjelp", channel="ukjent-kanal").reply.text
    assert "koble region" not in ask(core, "les").reply.text


def test_permission_follows_the_declaration_before_the_handler_runs() -> None:
    calls = Calls()
    core = stand_in_core(calls)
    not_admin = ask(core, "bind").reply
    assert not not_admin.ok and "Bare en administrator" in not_admin.text
    stranger = ask(core, "skriv", as_="ukjent-person").reply
    assert not stranger.ok and "ikke registrert" in stranger.text
    assert calls.seen == []
    assert ask(core, "bind", as_="admin", channel="nasjonal").reply.ok
    assert ask(core, "skriv").reply.ok
    assert calls.seen == ["bind", "skriv"]


def test_a_request_that_may_only_read_never_runs_a_command_that_writes() -> None:
    calls = Calls()
    core = stand_in_core(calls)
    refused = core.handle(
        Request(platform="terminal", user_id="kari", channel_id="agder", text="skriv"), reads_only=True
    )
    assert not refused.reply.ok and not refused.reads_only and calls.seen == []
    read = core.handle(Request(platform="terminal", user_id="kari", channel_id="agder", text="les"), reads_only=True)
    assert read.reply.ok and read.reads_only and calls.seen == ["les"]


def test_an_unknown_word_gets_the_closest_commands() -> None:
    reply = ask(stand_in_core(Calls()), "lse").reply
    assert not reply.ok and "«les»" in reply.text


def test_the_written_form_is_set_around_the_command(bot: BotDriver) -> None:
    nynorsk = make_bot(config=load_config(DEMO_CONFIG))
    reply = nynorsk.say("hjelp", as_="per", channel="vestland")
    assert reply.lang == "nn" and bot.say("hjelp").lang == "nb"


def test_a_request_is_parsed_once_and_its_directory_built_once(bot: BotDriver, monkeypatch: pytest.MonkeyPatch) -> None:
    finds: list[str] = []
    find = bot.core.router.find
    monkeypatch.setattr(bot.core.router, "find", lambda word: finds.append(word) or find(word))
    directories: list[object] = []
    real = job_module.Directory

    def counted(**kwargs: object) -> object:
        directories.append(kwargs)
        return real(**kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(job_module, "Directory", counted)
    assert bot.say("status agder 2027").ok
    assert finds == ["status"] and len(directories) == 1
