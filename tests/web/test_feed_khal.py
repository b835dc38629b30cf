"""The calendar feeds read by a real client: khal 0.14 (the environment's calendar client, requirements-dev.txt)
runs as a subprocess with its own configuration in a temporary directory and reads the region's, an actor's
and the national feed, fetched over the real web route, as they stand over a lived autumn: the national
meeting with its end, a regional meeting with a start only, and one over two days. khal's own clock is UTC,
so the times it shows are the feed's Europe/Oslo times converted, not copied. Each feed in its reader's
written form (Agder bokmål, Vestland nynorsk)."""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.driver import BotDriver, make_bot, oslo

from .harness import link_in, serving

KHAL = Path(sys.executable).with_name("khal")
FORMAT = "{start} | {end} | {title}"
FEEDS = (("kari", "agder"), ("per", "vestland"), ("ola", "in"), ("aud", "nasjonal"))


def khal_or_skip() -> str:
    found = str(KHAL) if KHAL.exists() else shutil.which("khal")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("CI is set but khal is missing: pip install -r requirements-dev.txt")
        pytest.skip("khal is not installed (requirements-dev.txt)")
    return found


def printics(khal: str, ics: Path, *, home: Path, fmt: str | None = FORMAT) -> list[str]:
    """`khal printics` over one feed file: one line per event (with `fmt`), or khal's own listing."""
    (home / "vdir" / "feed").mkdir(parents=True, exist_ok=True)
    config = home / "khal.conf"
    config.write_text(
        "[calendars]\n[[feed]]\n"
        f"path = {home / 'vdir' / 'feed'}\ntype = calendar\n"
        f"[sqlite]\npath = {home / 'khal.db'}\n"
        "[locale]\nlocal_timezone = Europe/Oslo\ndefault_timezone = Europe/Oslo\n"
        "timeformat = %H:%M\ndateformat = %Y-%m-%d\nlongdateformat = %Y-%m-%d\n"
        "datetimeformat = %Y-%m-%d %H:%M\nlongdatetimeformat = %Y-%m-%d %H:%M\n"
        "[default]\ndefault_calendar = feed\n",
        encoding="utf-8",
    )
    env = {"HOME": str(home), "TZ": "UTC", "LANG": "C.UTF-8", "PATH": os.environ.get("PATH", "")}
    command = [khal, "-c", str(config), "printics", *(["--format", fmt] if fmt else []), str(ics)]
    done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert "error" not in done.stderr.lower(), done.stderr
    return done.stdout.splitlines()


async def _feeds(bot: BotDriver, tmp_path: Path) -> dict[str, Path]:
    files: dict[str, Path] = {}
    async with serving(bot.core) as server:
        for who, name in FEEDS:
            answer = await server.get(link_in(bot.say("kalender", as_=who).text, f"/kalender/{name}.ics"))
            assert answer.status == 200, answer.text
            files[name] = tmp_path / f"{name}.ics"
            files[name].write_text(answer.text, encoding="utf-8")
    return files


def test_khal_reads_every_feed_as_meant(tmp_path: Path) -> None:
    """Synchronous: khal runs as a subprocess, outside the async tests' 30-second guard."""
    khal = khal_or_skip()
    bot = make_bot(at=oslo(2026, 9, 7, 10))
    for who, text in (
        ("aud", "dato høstmøte 5. november kl 10-15"),
        ("kari", "dato høst 19. november kl 10"),
        ("per", "dato haust 26.-27. november"),
    ):
        assert bot.say(text, as_=who).ok, text
    files = asyncio.run(_feeds(bot, tmp_path))
    shown = {name: printics(khal, path, home=tmp_path / name) for name, path in files.items()}

    agder, vestland, actor, national = shown["agder"], shown["vestland"], shown["in"], shown["nasjonal"]
    # The national meeting with its end, in Oslo time (09:00–14:00 UTC): the same in every feed.
    assert "2026-11-05 10:00 | 2026-11-05 15:00 | Nasjonalt temamøte høst (høstmøtet) 2026" in agder
    assert "2026-11-05 10:00 | 2026-11-05 15:00 | Nasjonalt temamøte haust (haustmøtet) 2026" in vestland
    assert "2026-11-05 10:00 | 2026-11-05 15:00 | Nasjonalt temamøte høst (høstmøtet) 2026" in actor + national
    # A start only: khal shows it at 10:00 Oslo time (its end is khal's own default length, not ours).
    assert any(
        line.startswith("2026-11-19 10:00 | ") and "Administrativt dialogmøte høst 2026" in line for line in agder
    )
    # Two days: one all-day event over both (khal shows the last day, the feed's exclusive DTEND less one).
    assert "2026-11-26 | 2026-11-27 | Administrativt dialogmøte haust 2026" in vestland
    assert "2026-11-26 | 2026-11-27 | Administrativt dialogmøte høst 2026 – Vestland" in actor
    assert "2026-11-26 | 2026-11-27 | Administrativt dialogmøte høst 2026 – Vestland" in national
    assert "2026-11-19 10:00 | " in "\n".join(line for line in national if "– Agder" in line)
    # The deadlines are all-day on their day, in each feed's written form.
    assert "2026-12-31 | 2026-12-31 | Frist: Politisk behandling av utkast til samarbeidsavtale 2027" in agder
    assert "2026-12-31 | 2026-12-31 | Frist: Politisk handsaming av utkast til samarbeidsavtale 2027" in vestland
    # khal's own listing carries the description: who answers and the state, in the reader's form.
    listing = "\n".join(printics(khal, files["vestland"], home=tmp_path / "vestland-listing", fmt=None))
    assert "Ansvarleg: Vestland fylkeskommune" in listing and "Status: ● Planlagd 26.11.2026–27.11.2026" in listing
    listing = "\n".join(printics(khal, files["agder"], home=tmp_path / "agder-listing", fmt=None))
    assert "Ansvarlig: Agder fylkeskommune" in listing and "Status: ● Planlagt 19.11.2026" in listing
