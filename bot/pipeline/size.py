"""The size and shape limits: a command longer than `MAX_COMMAND_LENGTH`, or several commands in one
message, is refused before anything reads it."""

from __future__ import annotations

from bot.i18n import _
from bot.messages import Outcome
from bot.parsing import shown, split_command, without_copied_marks
from bot.pipeline.job import Job, Next
from bot.pipeline.parse import MAX_COMMAND_LENGTH, Parsed
from bot.router import Router
from bot.shown.replies import refusal, refusal_title

MAX_SHOWN_LINES = 5
"""At most this many commands are quoted back from one message."""


def step(job: Job, call_next: Next) -> Outcome:
    if job.parsed.too_long:
        command = job.parsed.command  # a read refused showed nothing: «Ikke vist», not «Ikke registrert»
        title = refusal_title(writes=command.writes, bare=False, shown=job.parsed.word) if command else None
        field = job.parsed.long_field
        text = (
            _(
                "Feltet {field} er for langt (over {limit} tegn), så ingenting er registrert. Del det opp, "
                "eller legg ved en lenke."
            ).format(field=shown(field), limit=MAX_COMMAND_LENGTH)
            if field is not None
            else _("Meldingen er for lang (over {limit} tegn). Del den opp, eller legg ved en lenke.").format(
                limit=MAX_COMMAND_LENGTH
            )
        )
        return Outcome(reply=refusal(text, title=title))
    several = commands_in(job.parsed, router=job.router)
    if several:
        quoted = ", ".join(f"«{shown(line)}»" for line in several[:MAX_SHOWN_LINES])
        return Outcome(
            reply=refusal(
                _("Én kommando per melding: jeg har ikke gjort noe av dette. Send hver for seg: {commands}.").format(
                    commands=quoted
                )
            )
        )
    return call_next(job)


def commands_in(parsed: Parsed, *, router: Router) -> list[str]:
    """The commands of a message that holds several, one a line («signer agder 2027» ⏎ «signer vestland
    2027», walk15b N7), else none. A later line is another command when it repeats the first's command word
    or opens with the bot's name, or, after a read (`neste` ⏎ `status agder`, which takes no more lines), when
    it opens with any command's word; any other line is the first command's own (a date on the next line,
    «neste torsdag» included, the points of minutes, whose lines are always theirs)."""
    if parsed.command is None or parsed.command.verbatim or "\n" not in parsed.request.text:
        return []  # one line (most requests): one command
    lines = [line.strip() for line in parsed.request.text.split("\n") if line.strip()]
    if len(lines) < 2:
        return []
    reads = None if parsed.command.writes else router
    later = [without_copied_marks(line) for line in lines[1:] if _another(line, word=parsed.word, reads=reads)]
    return [lines[0], *later] if later else []


def _another(line: str, *, word: str, reads: Router | None) -> bool:
    bare = without_copied_marks(line)
    first = split_command(bare)[0]
    if first == word or (bare != line.strip() and bool(first)):
        return True
    return reads is not None and reads.find(first) is not None
