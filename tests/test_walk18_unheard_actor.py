"""Walk 18 (fixal) F5: an enabled actor with no channel is named by `check-config` and in AU's `oversikt`."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.model.config import parse_config
from tests.driver import make_bot, oslo

ROOT = Path(__file__).resolve().parent.parent


def _without_rff_channels() -> str:
    lines = (ROOT / "app.yaml").read_text(encoding="utf-8").splitlines(keepends=True)
    return "".join(line for line in lines if "actor: RFF}" not in line)


def test_check_config_names_an_actor_with_no_channel(tmp_path: Path) -> None:
    path = tmp_path / "app.yaml"
    path.write_text(_without_rff_channels(), encoding="utf-8")
    env = {**os.environ, "SAMHANDLING_CONFIG": str(path)}
    done = subprocess.run(
        [sys.executable, "-m", "bot", "check-config"], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    assert "er gyldig" in done.stdout and "RFF) har ingen kanal" in done.stdout, done.stdout
    assert "koble aktør RFF" in done.stdout, done.stdout
    whole = subprocess.run([sys.executable, "-m", "bot", "check-config"], cwd=ROOT, capture_output=True, text=True)
    assert whole.returncode == 0 and "har ingen kanal" not in whole.stdout, whole.stdout


@pytest.mark.parametrize(
    ("form", "said"), [("nb", "påminnelsene til RFF når ingen"), ("nn", "påminningane til RFF når ingen")]
)
def test_aus_overview_names_an_actor_nobody_hears_until_a_channel_is_bound(form: str, said: str) -> None:
    bot = make_bot(at=oslo(2027, 1, 15, 9), config=parse_config(_without_rff_channels()))
    assert bot.say(f"målform {form}", as_="aud", channel="nasjonal").ok
    assert said in bot.say("oversikt", as_="aud", channel="nasjonal").text
    assert bot.say("koble aktør RFF", as_="admin", channel="rff-ny").ok
    assert "RFF når ingen" not in bot.say("oversikt", as_="aud", channel="nasjonal").text
