"""Fullwidth command words in Slack (walk 40): «ＮＥＳＴＥ» from a phone keyboard or IME was «Ukjent kommando».
A command is read in its plain forms (NFKC) where a request is parsed; minutes keep the forms they were
typed in."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from .harness import real_core, running
from .test_integration import terminal


async def test_a_fullwidth_command_word_is_read(tmp_path: Path) -> None:
    with real_core(tmp_path, at=datetime(2027, 3, 3, 10)) as core:
        async with running(core) as h:
            said = (await h.slash("ＮＥＳＴＥ", user="U0KARI", channel="C0AGDER")).text
    assert "Ukjent kommando" not in said and "Neste" in said, said


async def test_minutes_keep_their_forms_as_typed(tmp_path: Path) -> None:
    with real_core(tmp_path, at=datetime(2027, 1, 12, 10)) as core:
        terminal(core, "aud", "nasjonal", "ＲＥＦＥＲＡＴ høst 2026 Møtet ﬁkk ２ vedtak")
        stored = terminal(core, "aud", "nasjonal", "referat vis høst 2026")
    assert "Møtet ﬁkk ２ vedtak" in stored, stored
