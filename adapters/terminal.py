"""The terminal adapter: a chat on stdin/stdout, on the same core and store as Slack and Teams.

With a TTY it is an interactive chat; with piped stdin every line is a command and every reply is
printed, so it can be scripted. Due reminders for the channel are shown first, as they would be posted
(a preview: only `tick` posts and records them).
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterable
from typing import TextIO

from bot.core import Core
from bot.messages import Announcement, Reply, Request

PLATFORM = "terminal"


def to_request(line: str, *, user_id: str, channel_id: str, request_id: str | None = None) -> Request:
    return Request(platform=PLATFORM, user_id=user_id, channel_id=channel_id, text=line.strip(), request_id=request_id)


def render(reply: Reply) -> str:
    """Plain text; a form becomes instructions, since a terminal cannot show one."""
    text = reply.text
    if reply.form is not None:
        fields = "\n".join(f"  {field.label}" for field in reply.form.fields)
        text += f"\n\nI terminalen skriver du referatet på én linje. Skjemaet har feltene:\n{fields}"
    return text


def render_announcement(announcement: Announcement) -> str:
    where = (
        announcement.to.channel_id
        if announcement.to.platform == PLATFORM
        else f"{announcement.to.platform}:{announcement.to.channel_id}"
    )
    return f"[til #{where}] {announcement.reply.title}"


def run_chat(
    core: Core,
    *,
    user_id: str,
    channel_id: str,
    lines: Iterable[str] | None = None,
    out: TextIO = sys.stdout,
    interactive: bool = False,
) -> int:
    """Run the chat. Returns the process exit code."""
    caller = core.directory.caller(platform=PLATFORM, user_id=user_id)
    context = core.directory.channel(platform=PLATFORM, channel_id=channel_id)
    if interactive:
        where = (
            core.config.party_name(context.region or context.actor or "") if context.kind != "national" else "nasjonalt"
        )
        print(
            f"Samhandlingsbot · du er {caller.name} i #{channel_id} ({where}). Skriv «hjelp», eller Ctrl-D for å avslutte.",
            file=out,
        )
    for reminder in core.planner.due(now=core.clock.now()):
        if reminder.to.platform == PLATFORM and reminder.to.channel_id == channel_id:
            print(f"[påminnelse] {render(reminder.reply)}\n", file=out)
    source = (
        lines
        if lines is not None
        else _prompt_lines(prompt=f"{caller.key or user_id}@{channel_id}> ")
        if interactive
        else sys.stdin
    )
    for line in source:
        if not line.strip():
            continue
        if line.strip().lower() in ("exit", "quit", "avslutt"):
            break
        outcome = core.handle(to_request(line, user_id=user_id, channel_id=channel_id))
        print(render(outcome.reply), file=out)
        if outcome.reply.picture is not None:
            print(_picture_note(core, outcome.reply), file=out)
        for announcement in outcome.announcements:
            print(render_announcement(announcement), file=out)
        print("", file=out, flush=True)
    return 0


def _prompt_lines(*, prompt: str) -> Iterable[str]:
    with contextlib.suppress(ImportError):
        import readline  # noqa: F401 - line editing and history for input()
    while True:
        try:
            yield input(prompt)
        except (EOFError, KeyboardInterrupt):
            print()
            return


class TerminalSender:
    """Posts reminders to terminal channels by printing them (used by `tick`)."""

    platform = PLATFORM

    def __init__(self, *, out: TextIO = sys.stdout) -> None:
        self.out = out

    async def send(self, *, channel_id: str, reply: Reply) -> None:
        print(f"[#{channel_id}] {render(reply)}\n", file=self.out, flush=True)


def _picture_note(core: Core, reply: Reply) -> str:
    """A terminal cannot show a picture: write it to files and say where."""
    from adapters.web.draw import save_picture

    assert reply.picture is not None
    paths = save_picture(core, reply.picture)
    return f"Bildet er lagret: {' og '.join(str(path) for path in paths)}" if paths else ""
