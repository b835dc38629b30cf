"""Command hints per platform, the terminal's cleaning of control characters, and multi-line commands
in the terminal: driven as people use them (a command in, text out)."""

from __future__ import annotations

import io
from pathlib import Path

from adapters import terminal
from adapters.slack import render
from bot.messages import Button, Fact, Reply, Section
from bot.shown.hints import platform_hints

from .driver import BotDriver

ESC = "\x1b"


def test_a_hint_is_written_as_typed_on_each_platform_only_for_commands() -> None:
    text = "Skriv «neste» eller «status agder 2027». Ukjent: «Agder», «@nobody», «»."
    assert platform_hints(text, platform="slack") == (
        "Skriv «/samhandling neste» eller «/samhandling status agder 2027». Ukjent: «Agder», «@nobody», «»."
    )
    assert platform_hints(text, platform="teams").startswith("Skriv «@Samhandling neste» eller «@Samhandling status")
    assert platform_hints(text, platform="terminal") == text
    assert platform_hints("Bruk «ÅRSHJUL 2027»", platform="slack") == "Bruk «/samhandling ÅRSHJUL 2027»"  # alias, case
    assert platform_hints("«/samhandling neste»", platform="slack") == "«/samhandling neste»"  # never twice
    assert platform_hints("«neste»", platform="slack", prefix="/årshjul ") == "«/årshjul neste»"


def test_slack_renders_hints_everywhere_and_says_the_title_once() -> None:
    reply = Reply(
        title="Ukjent kommando",
        text="Ukjent kommando\nSkriv «hjelp».",
        sections=(Section(title="Tips «neste»", text="Prøv «status»", facts=(Fact("Kommando", "«logg»"),)),),
        context="«hjelp <kommando>» gir mer",
    )
    payload = render.message_payload(reply)
    shown = str(payload["blocks"])
    for command in ("neste", "status", "logg", "hjelp &lt;kommando&gt;"):
        assert f"«/samhandling {command}»" in shown
    assert payload["text"] == "Ukjent kommando\nSkriv «/samhandling hjelp»."


def test_every_block_kit_limit_is_measured_and_a_cut_points_to_the_whole() -> None:
    huge = Reply(
        title="Oversikt " + "x" * 400,
        text="…",
        sections=tuple(
            Section(
                title=f"Region {i}",
                text="tekst " * 700,
                facts=tuple(Fact(f"Milepæl {j}", "verdi " * 500) for j in range(23)),
            )
            for i in range(60)
        ),
        buttons=tuple(Button(f"Knapp {i}", f"signer {i}") for i in range(30)),
        context="k" * 5000,
    )
    blocks = render.render_blocks(huge, more="oversikt 2027")
    assert len(blocks) <= render.MAX_MESSAGE_BLOCKS
    for block in blocks:
        assert len(block.get("text", {}).get("text", "")) <= render.MAX_SECTION_TEXT
        assert len(block.get("fields", ())) <= render.MAX_FIELDS
        assert all(len(f["text"]) <= render.MAX_FIELD for f in block.get("fields", ()))
        assert all(len(e.get("text", "")) <= render.MAX_CONTEXT_TEXT for e in block.get("elements", ()))
        assert len(block.get("elements", ())) <= render.MAX_BUTTONS
    assert sum(1 for b in blocks if b["type"] == "actions") == 1
    assert [e.get("style") for e in blocks[-2]["elements"]].count("primary") == 1
    assert any("Se hele: «/samhandling oversikt 2027»" in str(b) for b in blocks)
    assert len(render.message_payload(huge)["text"]) <= render.MAX_MESSAGE_TEXT


def test_terminal_strips_escapes_from_input_and_from_stored_text(bot: BotDriver, tmp_path: Path) -> None:
    out = io.StringIO()
    bot.say("referat høst Høstmøtet holdt", as_="aud")  # the regional autumn meeting follows it (§3.2)
    hostile = f"referat høst Godt møte {ESC}[2J{ESC}]0;eid{chr(7)}{ESC}[31mrødt{ESC}[0m\u202eomvendt vedtak: A\x08B"
    terminal.run_chat(bot.core, user_id="kari", channel_id="agder", lines=[hostile, "status agder 2026"], out=out)
    printed = out.getvalue()
    assert ESC not in printed and "\x07" not in printed and "\x08" not in printed and "\u202e" not in printed
    assert "Godt møte rødtomvendt" in printed
    stored = bot.tables("cycle/agder/2026")["milestones"]["regional-autumn"]["outcome"]
    assert ESC not in stored["summary"] and stored["decisions"] == ["AB"]
    # text stored by another platform (here: straight into the core) is cleaned when the terminal prints it
    assert terminal.render(Reply(title="t", text=f"a{ESC}[31mb{ESC}]8;;http://x{ESC}\\c\x00d")) == "abcd"


def test_terminal_keeps_the_lines_of_a_multi_line_command(bot: BotDriver) -> None:
    out = io.StringIO()
    bot.say("referat høst Høstmøtet holdt", as_="aud")  # the regional autumn meeting follows it (§3.2)
    lines = [
        "referat høst Godt møte \\",
        "vedtak: Felles søknad \\",
        "Ny arbeidsgruppe \\",
        "oppfølging: Sende utkast @IN \\",
        "Ringe rundt @kari",
        "neste",
    ]
    terminal.run_chat(bot.core, user_id="kari", channel_id="agder", lines=lines, out=out)
    outcome = bot.tables("cycle/agder/2026")["milestones"]["regional-autumn"]["outcome"]
    assert outcome["decisions"] == ["Felles søknad", "Ny arbeidsgruppe"]
    assert [(f["text"], f["owner"]) for f in outcome["followups"]] == [("Sende utkast", "IN"), ("Ringe rundt", "kari")]
    assert "Referat registrert" in out.getvalue() and "Neste for Agder" in out.getvalue()


def test_commands_that_only_show_dates_do_not_load_the_date_grammar() -> None:
    """`python -m bot chat` answers its first `neste` without importing the grammar (bot/dates/text.py);
    the first `dato` loads it."""
    import os
    import subprocess
    import sys
    import tempfile

    probe = (
        "import sys; from tests.driver import make_bot; bot = make_bot(); bot.say('neste'); "
        "print('bot.dates.grammar' in sys.modules, end=' '); bot.say('dato høst 27. november kl 10'); "
        "print('bot.dates.grammar' in sys.modules)"
    )
    with tempfile.TemporaryDirectory() as folder:
        done = subprocess.run(
            [sys.executable, "-c", probe],
            capture_output=True,
            text=True,
            check=True,
            cwd=Path(__file__).resolve().parents[1],
            env={**os.environ, "SAMHANDLING_DB": folder},
        )
    assert done.stdout.split() == ["False", "True"]


def test_a_milestone_quoted_by_its_title_is_not_taken_for_a_command() -> None:
    text = "Vinduet for «Signering av samarbeidsavtalen 2026» er ikke åpent nå. Skriv «signer IN 2026»."
    assert platform_hints(text, platform="teams") == (
        "Vinduet for «Signering av samarbeidsavtalen 2026» er ikke åpent nå. Skriv «@Samhandling signer IN 2026»."
    )
    assert platform_hints("«SIGNER IN»", platform="slack") == "«/samhandling SIGNER IN»"


def test_hints_kept_per_text_follow_the_commands_known() -> None:
    """A text's hints are kept (`bot.shown.hints._hinted`), and forgotten when the known commands change."""
    from bot.shown import hints

    before = hints._KNOWN
    try:
        hints.know_commands(["neste"])
        assert hints.platform_hints("Skriv «fjas nå».", platform="slack") == "Skriv «fjas nå»."
        hints.know_commands(["neste", "fjas"])
        assert hints.platform_hints("Skriv «fjas nå».", platform="slack") == "Skriv «/samhandling fjas nå»."
    finally:
        hints.know_commands(before)
