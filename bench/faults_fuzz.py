"""Every Slack and Teams fixture mutated at every path, sent over HTTP to the real server (issue 18).

Each value in each fixture (tests/fixtures/slack, tests/fixtures/teams) is in turn removed, or replaced by
null, [], {}, 1, "", true or 5000 characters; Slack's are signed as Slack signs them, Teams' go to the
adapter with the real core (the demo deployment of tests/teams/test_teams_real_core.py). Counted as a
problem (the real core behind both, the repo's app.yaml): an answer of 500 or more, a log record at ERROR or with a traceback, or «noe gikk galt» posted.

    python -m bench.faults_fuzz [slack|teams ...]

A few thousand requests, under a minute each. The bounded versions are tests/slack/test_gate.py and
tests/teams/test_teams_hostile_fields.py.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import tempfile
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from adapters.compose import build_core
from bot.clock import FixedClock
from tests.slack.harness import fixture, running
from tests.teams.harness import BotServer, ConnectorStandIn, load_activity
from tests.teams.test_teams_hostile_fields import MISSING, changed, paths
from tests.teams.test_teams_real_core import _core

APP_YAML = Path(__file__).resolve().parents[1] / "app.yaml"
VALUES: tuple[object, ...] = (MISSING, None, [], {}, 1, "", True, "x" * 5000)
SLACK = ("block_actions", "block_actions_connect", "view_submission", "event_app_mention", "event_app_mention_connect")
TEAMS = (
    "channel_message_mention",
    "card_submit",
    "personal_message",
    "shared_channel_message_external",
    "conversation_update_bot_added",
    "conversation_update_channel_shared",
    "conversation_update_shared_member_added",
    "conversation_update_shared_member_removed",
    "conversation_update_shared_bot_removed",
)


class Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.INFO)
        self.bad: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno >= logging.ERROR or record.exc_info:
            self.bad.append(f"{record.name}: {record.getMessage()[:160]}")


def mutated(value: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    for path in list(paths(value)):
        for new in VALUES:
            yield (
                f"{'/'.join(map(str, path))}={'missing' if new is MISSING else repr(new)[:12]}",
                changed(value, path, new),
            )


async def slack(records: Records) -> tuple[int, list[str]]:
    with tempfile.TemporaryDirectory(prefix="fuzz-") as folder:
        core = build_core(
            config_path=str(APP_YAML), db_path=f"{folder}/db", clock=FixedClock(datetime(2027, 1, 14, 10))
        )
        try:
            return await _slack_on(core, records)
        finally:
            core.store.close()


async def _slack_on(core: Any, records: Records) -> tuple[int, list[str]]:
    sent, problems = 0, []
    async with running(core) as h:
        for name in SLACK:
            base = fixture(name)
            if "response_url" in base:
                base["response_url"] = h.standin.response_url("fuzz")
            for what, payload in mutated(base):
                sent += 1
                if "event_id" in payload:
                    payload["event_id"] = f"Ev{sent}"
                    body, content_type = json.dumps(payload), "application/json"
                else:
                    if "trigger_id" in payload:
                        payload["trigger_id"] = f"fuzz{sent}"
                    body, content_type = (
                        urlencode({"payload": json.dumps(payload)}),
                        "application/x-www-form-urlencoded",
                    )
                before = len(records.bad)
                answer = await h.post(body, content_type=content_type)
                await h.settle()
                if answer.status >= 500 or len(records.bad) > before:
                    problems.append(f"{name} {what}: {answer.status} {records.bad[before : before + 1]}")
    return sent, problems


async def teams(records: Records) -> tuple[int, list[str]]:
    sent, problems = 0, []
    connector = await ConnectorStandIn().start()
    server = await BotServer(core=_core()).start()
    try:
        for name in TEAMS:
            for what, activity in mutated(load_activity(name, service_url=connector.url)):
                if what.startswith("serviceUrl="):
                    continue
                sent += 1
                if not what.startswith("id="):
                    activity["id"] = f"fuzz{sent}"
                before, posted = len(records.bad), len(connector.accepted)
                status = await server.post(activity)
                said = " ".join(str(p.activity.get("text") or "") for p in connector.accepted[posted:])
                if status >= 500 or len(records.bad) > before or "noe gikk galt" in said.lower():
                    problems.append(f"{name} {what}: {status} {records.bad[before : before + 1]}")
    finally:
        await server.stop()
        await connector.stop()
    return sent, problems


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("platforms", nargs="*", default=["slack", "teams"])
    args = parser.parse_args()
    records = Records()
    logging.getLogger().addHandler(records)
    logging.getLogger().setLevel(logging.INFO)
    for platform in args.platforms:
        sent, problems = asyncio.run(slack(records) if platform == "slack" else teams(records))
        print(f"{platform}: {sent} mutated requests, {len(problems)} problems", flush=True)
        for problem in problems[:20]:
            print("  " + problem)


if __name__ == "__main__":
    main()
