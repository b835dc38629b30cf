"""CPU cost of what issue 9 added to each Slack request: the gate's checks and the renderer's command hints.

Measured as process time (not wall time), so other load on the machine does not distort it much; the
round trip over HTTP is `bench/slack_roundtrip.py`.

    python bench/slack_render.py [--iterations 3000] [--config app.yaml]
"""

from __future__ import annotations

import argparse
import hashlib
import hmac
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from adapters.compose import build_core
from adapters.slack import gate, render
from bot.clock import FixedClock
from bot.messages import Request

BODY = (
    b"token=x&team_id=T0&team_domain=s&channel_id=C0AGDER&user_id=U0KARI&command=%2Fsamhandling"
    b"&text=neste&trigger_id=1.2.3&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2F1"
)


def cpu_ms(work: Callable[[], object], *, iterations: int) -> float:
    """The best of five runs, in milliseconds of process time per call."""
    best = float("inf")
    for _ in range(5):
        start = time.process_time()
        for _ in range(iterations):
            work()
        best = min(best, (time.process_time() - start) / iterations * 1000)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--iterations", type=int, default=3000)
    parser.add_argument("--config", default="app.yaml")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        core = build_core(config_path=args.config, db_path=f"{tmp}/db", clock=FixedClock(datetime(2027, 1, 12, 10)))
        reply = core.handle(Request(platform="slack", user_id="U0KARI", channel_id="C0AGDER", text="neste")).reply
        timestamp = str(int(time.time()))
        digest = hmac.new(b"secret", b"v0:" + timestamp.encode() + b":" + BODY, hashlib.sha256).hexdigest()
        headers = {"X-Slack-Request-Timestamp": timestamp, "X-Slack-Signature": f"v0={digest}"}
        text = BODY.decode()
        payload = cpu_ms(lambda: render.message_payload(reply, more="neste"), iterations=args.iterations)
        hints = cpu_ms(lambda: render.for_slack(reply), iterations=args.iterations)
        checks = cpu_ms(
            lambda: (
                gate.signature_problem(headers=headers, body=BODY, secret="secret"),
                gate.body_problem(content_type="application/x-www-form-urlencoded", text=text),
            ),
            iterations=args.iterations,
        )
        core.store.close()
    print(f"render 'neste' as Block Kit: {payload:.3f} ms (of which command hints {hints:.3f} ms)")
    print(f"gate: signature + body checks: {checks:.3f} ms")


if __name__ == "__main__":
    main()
