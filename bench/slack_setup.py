"""The state the round-trip benchmarks serve: the demo app.yaml with a Slack and a Teams channel for every
region and a coordinator with platform ids for each, and a year of history made through the real core
(`bench.history`), so `neste` has real progress to read and the open agreement is ready to sign.

Used by bench/slack_roundtrip.py and bench/teams_roundtrip.py; `python -m bench.slack_setup FOLDER` builds
one and prints what it holds.
"""

from __future__ import annotations

import argparse
import shutil
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from bench.history import ACTOR_PEOPLE, AGDER_CHANNEL, CONFIG, build_history, without_fsync

ACTOR_SLACK = {"IN": "U0OLA", "SIVA": "U0SIRI", "NFR": "U0NILS", "RFF": "U0RITA"}
ACTOR_SLACK_CHANNEL = {"IN": "C0IN", "SIVA": "C0SIVA", "NFR": "C0NFR", "RFF": "C0RFF"}
NATIONAL_SLACK = "C0NASJONAL"
AU_SLACK = "U0AUD"
KNOWN_COORDINATORS = {"agder": ("kari", "U0KARI"), "vestland": ("per", "U0PER")}


def slack_channel(region: str) -> str:
    return {"agder": "C0AGDER", "vestland": "C0VESTLAND"}.get(region, f"C0R{region.upper()}")


def teams_channel(region: str) -> str:
    return f"19:{region}@thread.tacv2"


def coordinator_slack(region: str) -> str:
    return KNOWN_COORDINATORS[region][1] if region in KNOWN_COORDINATORS else f"U0K{region.upper()}"


def coordinator_teams(region: str) -> str:
    return f"33333333-0000-0000-0000-{sum(map(ord, region)):012d}"


def config_text(regions: list[str]) -> str:
    """app.yaml plus, for every region, a Slack and a Teams channel and a coordinator with platform ids."""
    text = CONFIG.read_text(encoding="utf-8")
    channels = ""
    people = ""
    for region in regions:
        if region not in ("agder", "vestland"):
            channels += f"  - {{platform: slack, id: {slack_channel(region)}, region: {region}}}\n"
            people += (
                f'  - {{key: koord-{region}, name: "Koordinator {region}", party: {region}, role: coordinator, '
                f"ids: {{terminal: koord-{region}, slack: {coordinator_slack(region)}, "
                f"teams: {coordinator_teams(region)}}}}}\n"
            )
        if region != "agder":
            channels += f'  - {{platform: teams, id: "{teams_channel(region)}", region: {region}}}\n'
    marker = "people:\n"
    if text.count(marker) != 1 or text.count(AGDER_CHANNEL) != 1:
        raise SystemExit("app.yaml's people or channels moved: update bench/slack_setup.py")
    text = text.replace(marker, marker + people).replace(AGDER_CHANNEL, AGDER_CHANNEL + channels)
    return text


@dataclass(frozen=True)
class Served:
    config: Path
    data: Path
    now: datetime
    regions: tuple[str, ...]


def build(folder: Path) -> Served:
    """The configuration and a year of history in `folder` (config.yaml, data/, made anew)."""
    from bot.model.config import load_config, parse_config

    regions = [region.key for region in load_config(CONFIG).parties.regions]
    text = config_text(regions)
    path = folder / "config.yaml"
    path.write_text(text, encoding="utf-8")
    config = parse_config(text)
    data = folder / "data"
    shutil.rmtree(data, ignore_errors=True)  # the history is made from nothing, every time
    with without_fsync():
        history = build_history(data, years=1, mondays_only=True, config=config)
    return Served(config=path, data=data, now=history.now, regions=tuple(regions))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder")
    args = parser.parse_args()
    folder = Path(args.folder)
    folder.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    served = build(folder)
    print(
        f"{served.config}, {served.data}: now {served.now:%Y-%m-%d %H:%M}, {len(served.regions)} regions, "
        f"{len(ACTOR_PEOPLE)} actors, built in {time.perf_counter() - started:.1f} s"
    )


if __name__ == "__main__":
    main()
