"""Minutes pasted into the terminal over several lines (walk 39): the lines after a `referat` line are its
own («Vedtak: …», «Oppfølging: …» as an e-mail has them), up to a new command typed in lower case, an empty
line in an interactive chat, or the end of the input; never separate unknown commands
(adapters.terminal.commands)."""

from __future__ import annotations

import io

import pytest

from adapters import terminal
from tests.driver import make_bot, oslo

PASTED = [
    "referat høst agder 2026 Godt møte om felles søknad.",
    "",
    "Vedtak: Felles søknad til Forskningsrådet",
    "Oppfølging: Sende utkast @IN innen 1. desember",
    "status agder 2026",
]


@pytest.mark.parametrize(
    ("person", "channel", "unknown"), [("kari", "agder", "forstod ikke"), ("per", "vestland", "forstod ikkje")]
)
def test_pasted_minutes_are_one_message(person: str, channel: str, unknown: str) -> None:
    bot = make_bot(at=oslo(2026, 12, 10, 9))
    assert bot.say("referat høst Høstmøtet holdt", as_="aud").ok  # the national meeting first (§3.2)
    region = channel
    lines = [line.replace("agder", region) for line in PASTED]
    out = io.StringIO()
    terminal.run_chat(bot.core, user_id=person, channel_id=channel, lines=lines, out=out)
    printed = out.getvalue()
    assert unknown not in printed, printed
    stored = bot.tables(f"cycle/{region}/2026")["milestones"]["regional-autumn"]["outcome"]
    assert stored["decisions"] == ["Felles søknad til Forskningsrådet"], stored
    assert "Godt møte om felles søknad." in stored["summary"]
    assert "Status" in printed  # the next command is read as a command


def test_interactive_an_empty_line_sends_and_reading_minutes_takes_no_more() -> None:
    router = terminal.build_router()
    typed = ["referat høst Holdt", "Vedtak: A", "", "Oppfølging: x", "referat vis høst", "Vedtak: B"]
    assert list(terminal.commands(typed, router=router, interactive=True)) == [
        "referat høst Holdt\nVedtak: A",
        "Oppfølging: x",
        "referat vis høst",
        "Vedtak: B",
    ]
    piped = list(terminal.commands(typed, router=router))
    assert piped[0] == "referat høst Holdt\nVedtak: A\n\nOppfølging: x"
    assert list(terminal.commands(["neste", "status \\", "agder"], router=router)) == ["neste", "status\nagder"]
