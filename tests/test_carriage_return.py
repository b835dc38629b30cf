"""Walk 27 F8: a lone carriage return is a line break, on every platform and in `chat`: «hjelp⏎signer» is
two commands («Én kommando per melding»), never the unknown «hjelpsigner»; bytes that are not UTF-8 on
`chat`'s stdin are never echoed back raw."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.driver import ROOT, make_bot, oslo

ONE = {"nb": "Én kommando per melding", "nn": "Éin kommando per melding"}
PERSON = {"nb": ("kari", "agder"), "nn": ("per", "vestland")}


@pytest.mark.parametrize("lang", ["nb", "nn"])
@pytest.mark.parametrize("text", ["hjelp\rsigner", "neste\r\nstatus", "neste\rstatus\r"])
def test_a_carriage_return_breaks_the_line(lang: str, text: str) -> None:
    person, channel = PERSON[lang]
    bot = make_bot(at=oslo(2026, 11, 25, 9))
    reply = bot.say(text, as_=person, channel=channel)
    assert not reply.ok
    assert ONE[lang] in reply.text, reply.text
    assert "hjelpsigner" not in reply.text


def test_chat_reads_a_lone_carriage_return_and_never_echoes_bytes_that_are_not_utf8(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "MICROSOFT_", "DATABASE_URL"))}
    env["SAMHANDLING_DB"] = str(tmp_path / "data")
    done = subprocess.run(
        [sys.executable, "-m", "bot", "chat", "--as", "kari"],
        cwd=ROOT,
        env=env,
        input=b"hjelp\rsigner\n\xff\xfe hei\n",
        capture_output=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert b"\xff" not in done.stdout
    out = done.stdout.decode("utf-8")
    assert "hjelpsigner" not in out and "«hjelp», «signer»" in out, out
    assert "\ufffd" in out
