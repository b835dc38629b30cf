"""Walk 27 F5: `serve` with a platform configured by half is refused at start-up as one line naming the
missing variable, exit 3 (as a store that cannot be used), never a silent bot nor a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.driver import ROOT

BOT = "00000000-0000-0000-0000-0000000b0701"
CASES = {
    "slack token without secret": ({"SLACK_BOT_TOKEN": "xoxb-hemmelig-1"}, "SLACK_SIGNING_SECRET"),
    "slack secret without token": ({"SLACK_SIGNING_SECRET": "hemmelig-2"}, "SLACK_BOT_TOKEN"),
    "teams id without tenant": ({"MICROSOFT_APP_ID": BOT, "MICROSOFT_APP_PASSWORD": "hemmelig-3"}, "TENANT_ID"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_half_platform_configuration_is_one_line_and_exit_3(case: str, tmp_path: Path) -> None:
    given, missing = CASES[case]
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "MICROSOFT_", "DATABASE_URL"))}
    env |= {"SAMHANDLING_DB": str(tmp_path / "data"), "PORT": "0", "SAMHANDLING_TEAMS": "on", **given}
    done = subprocess.run(
        [sys.executable, "-m", "bot", "serve"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert done.returncode == 3, done.stderr
    assert "Traceback" not in done.stderr
    assert lines[-1].startswith("Plattformoppsettet er ufullstendig: ") and missing in lines[-1], done.stderr
    assert not any(secret in done.stderr + done.stdout for secret in given.values() if "hemmelig" in secret)
