r"""The terminal adapter: a chat on stdin/stdout, on the same core and store as Slack and Teams.

With a TTY it is an interactive chat; with piped stdin every line is a command and every reply is
printed, so it can be scripted. Due reminders for the channel are shown first, as they would be posted
(a preview: only `tick` posts and records them).

A line that ends with `\` continues on the next one, so a multi-line `referat` keeps its lines (each line
of `vedtak:` one decision); minutes pasted after a `referat` line are its own without it (`commands`).
Control characters and ANSI escape sequences are stripped from what is typed and from everything printed (stored minutes included): text from people is shown as text, and cannot move
the cursor, recolour the screen or retitle the window.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import sys
from collections.abc import Iterable, Iterator
from typing import TextIO

from adapters.files import read_local
from bot.i18n import _, using
from bot.messages import Announcement, Attachment, Reply, Request
from bot.parsing import line_breaks
from bot.port import CorePort
from bot.router import Router
from bot.shown.hints import platform_hints
from bot.shown.replies import button_line
from handlers import build_router

PLATFORM = "terminal"


_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI: colours, cursor movement, erase
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC: window title, hyperlinks
    r"|\x1b[PX^_][^\x1b]*(?:\x1b\\)?"  # DCS, SOS, PM, APC strings
    r"|\x1b.?"  # any other escape
    r"|\x9b[0-?]*[ -/]*[@-~]"  # 8-bit CSI
)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
"""C0/C1 controls except tab and newline, and the bidi overrides that reorder what is shown."""


def clean(text: str) -> str:
    """`text` without escape sequences or control characters (tab and newline kept; CR dropped)."""
    return _CONTROL.sub("", _ESCAPES.sub("", text))


def to_request(line: str, *, user_id: str, channel_id: str, request_id: str | None = None) -> Request:
    text, attachments = local_files(clean(line_breaks(line)).strip())  # a lone CR splits words (walk 27 F8)
    return Request(
        platform=PLATFORM,
        user_id=user_id,
        channel_id=channel_id,
        text=text,
        request_id=request_id,
        attachments=attachments,
    )


FILE_COMMANDS = ("avtale", "avtaletekst")
_FILE_LIKE = re.compile(r"[/\\]|^~|\.[A-Za-z0-9]{1,5}$")


def local_files(text: str) -> tuple[str, tuple[Attachment, ...]]:
    """`avtale ./samarbeidsavtale.pdf`: in the terminal the agreement's file is a local path. The path
    leaves the command's text and comes back as an attachment the core reads like a file shared in Slack
    (hashed here; an unreadable path is an attachment with an error, which the core reports)."""
    words = text.split()
    if not words or words[0].lower() not in FILE_COMMANDS:
        return text, ()
    kept, files = [words[0]], []
    for word in words[1:]:
        is_path = "://" not in word and not word.lower().startswith(("www.", "sha256:", "sha-256:"))
        if is_path and (_FILE_LIKE.search(word) or os.path.isfile(word)):
            files.append(read_local(word))
        else:
            kept.append(word)
    return " ".join(kept), tuple(files)


def render(reply: Reply) -> str:
    """Plain text; a form becomes instructions, since a terminal cannot show one. Cleaned of escapes."""
    text = reply.text
    with using(reply.lang):  # a question's buttons (a refusal's «Registrer likevel») as the command each types
        unseen = [button_line(button) for button in reply.buttons if f"«{button.command}»" not in text]
    if unseen:  # (walk 36 F3); make_reply's own are in its text already
        text += "\n" + "\n".join(unseen)
    if reply.form is not None:
        fields = "\n".join(f"  {field.label}" for field in reply.form.fields)
        with using(reply.lang):  # the handler's lead gave the one-line way (no form here: walk 36 F8)
            text += "\n\n" + _("Avslutt en linje med \\ for å fortsette på neste. Feltene er:\n{fields}").format(
                fields=fields
            )
    return platform_hints(clean(text), platform=PLATFORM)


def commands(lines: Iterable[str], *, router: Router | None = None, interactive: bool = False) -> Iterator[str]:
    r"""Lines -> commands: a line ending in `\` continues on the next, keeping the line break. With a `router`,
    the lines after a command that records its words as typed (`referat`, not `referat vis`) are its own, as
    minutes pasted from an e-mail arrive («Vedtak: …», «Oppfølging: …» on lines of their own, walk 39): up to
    a line that starts with a command word in lower case (a new command), an empty line when `interactive`
    (Enter on an empty line sends what was pasted), or the end of the input. Piped, empty lines inside the
    minutes are kept."""
    block: list[str] = []
    takes_more = False
    blanks = 0
    for raw in lines:
        line = raw.rstrip("\r\n")
        if takes_more:
            if not line.strip() and not interactive:
                blanks += 1
                continue
            if line.strip() and not _starts_command(router, line):
                block += [""] * blanks + [line]
                blanks = 0
                continue
            yield "\n".join(block)
            block, takes_more, blanks = [], False, 0
            if not line.strip():
                continue
        if line.rstrip().endswith("\\"):
            block.append(line.rstrip()[:-1].rstrip())
            continue
        block.append(line)
        if _takes_pasted(router, block[0]):
            takes_more = True
            continue
        yield "\n".join(block)
        block = []
    if block:
        yield "\n".join(block)


def _starts_command(router: Router | None, line: str) -> bool:
    """A line typed as a new command: its first word a command's, in lower case and not a label («Vedtak:»)."""
    word = line.split(maxsplit=1)[0] if line.strip() else ""
    return bool(router and word[:1].islower() and not word.endswith(":") and router.find(word))


def _takes_pasted(router: Router | None, line: str) -> bool:
    """A command whose words are recorded as typed (minutes), in its writing form: more lines may follow."""
    words = line.split()
    command = router.find(words[0]) if router and words else None
    return bool(command and command.verbatim and not (len(words) > 1 and words[1].lower() in command.read_forms))


ANNOUNCED_LINES = 6
"""How many lines of an announcement's text the terminal prints under its title (the rest: «…»)."""


def render_announcement(announcement: Announcement) -> str:
    """«[til #agder] title» and, indented below it, the announcement's text: the line that matters to that
    channel («… kommer nå før det, men skal følge det i modellen») is seen in the terminal too (walk 36 F14)."""
    where = (
        announcement.to.channel_id
        if announcement.to.platform == PLATFORM
        else f"{announcement.to.platform}:{announcement.to.channel_id}"
    )
    title = announcement.reply.title
    lines = [line for line in announcement.reply.text.splitlines() if line.strip()]
    if lines and lines[0].strip() == title.strip():
        lines = lines[1:]
    if len(lines) > ANNOUNCED_LINES:
        lines = [*lines[:ANNOUNCED_LINES], "…"]
    body = "".join(f"\n  {line}" for line in lines)
    return clean(f"[til #{where}] {title}{body}")


def run_chat(
    core: CorePort,
    *,
    user_id: str,
    channel_id: str,
    lines: Iterable[str] | None = None,
    out: TextIO = sys.stdout,
    interactive: bool = False,
) -> int:
    """Run the chat. Returns the process exit code."""
    seat = core.seat(platform=PLATFORM, user_id=user_id, channel_id=channel_id)
    if interactive:
        print(
            f"Samhandlingsbot · du er {seat.person} i #{channel_id} ({seat.place}). Skriv «hjelp», eller Ctrl-D for å avslutte.",
            file=out,
        )
    for digest in core.digests_due(at=core.clock.now()):
        if digest.to.platform == PLATFORM and digest.to.channel_id == channel_id:
            with using(
                "nn" if digest.reply.lang == "nn" else "nb"
            ):  # the digest's own written form labels it (nn «påminning»)
                label = _("påminnelse")
            print(f"[{label}] {render(digest.reply)}\n", file=out)
    source = (
        lines
        if lines is not None
        else _prompt_lines(prompt=f"{seat.person_key or user_id}@{channel_id}> ")
        if interactive
        else _stdin()
    )
    for line in commands(source, router=build_router(), interactive=interactive):
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


def _stdin() -> TextIO:
    """Piped stdin, with bytes that are not UTF-8 read as «\ufffd»: never echoed back raw (walk 27 F8)."""
    if isinstance(sys.stdin, io.TextIOWrapper):
        sys.stdin.reconfigure(errors="replace")
    return sys.stdin


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
    looks_up = True  # printing again is harmless: nothing to mark before a post

    def __init__(self, *, out: TextIO = sys.stdout) -> None:
        self.out = out

    async def send(self, *, channel_id: str, reply: Reply, key: str | None = None, maybe_posted: bool = False) -> None:
        print(f"[#{channel_id}] {render(reply)}\n", file=self.out, flush=True)


def _picture_note(core: CorePort, reply: Reply) -> str:
    """A terminal cannot show a picture: write it to files and say where."""
    from adapters.web.draw import save_picture

    assert reply.picture is not None
    paths = save_picture(core, reply.picture)
    if not paths:
        return ""
    with using("nn" if reply.lang == "nn" else "nb"):  # in the reply's written form
        return _("Bildet er lagret: {paths}").format(
            paths=" og ".join(str(path) for path in paths)
        )  # «og» in both forms
