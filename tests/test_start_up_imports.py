"""`serve` answers /healthz having imported only what that answer needs (issue 21): the configuration is
checked and the store verified, but the handlers, the date grammar, the holiday tables, the picture and page
libraries and dateparser wait for the first command or for the warm-up, which starts once the server listens.

Each check runs in a fresh interpreter: in this one, other tests have imported everything already.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

HEAVY = (
    "PIL",
    "dateparser",
    "holidays",
    "jinja2",
    "icalendar",
    "croniter",
    "pydantic",
    "babel.dates",
    "bot.dates.grammar",
    "bot.shown.wheel_picture",
    "bot.reminders.planner",
    "handlers.sign",
    "handlers.next_steps",
)

PROBE = """
import asyncio, json, sys
import aiohttp
from adapters.compose import build_core
from adapters.server import build_app
from adapters.warm_up import WARMING

HEAVY = {heavy!r}
seen = {{}}

def warm_up():
    from adapters.cli import _warm_up
    _warm_up(core)

core = build_core(db_path={db!r})
core.prepare_links()
app = build_app(core=core, scheduler=False, warm_up=warm_up)
seen["built"] = [name for name in HEAVY if name in sys.modules]
from tests.helpers import serving  # (itself imports much of the core: after the count)

async def ask():
    async with serving(app) as url, aiohttp.ClientSession() as session:
        async with session.get(url + "/healthz") as answer:
            seen["healthz"] = answer.status
        await app[WARMING]
        seen["warmed"] = [name for name in HEAVY if name in sys.modules]

asyncio.run(ask())
print(json.dumps(seen))
"""


def _probe(tmp_path: Path) -> dict[str, object]:
    env = {
        **{name: value for name, value in os.environ.items() if not name.startswith(("SLACK_", "MICROSOFT_"))},
        "SLACK_BOT_TOKEN": "xoxb-test",
        "SLACK_SIGNING_SECRET": "test-secret",
        "SLACK_API_URL": "http://127.0.0.1:9/api/",
        "SAMHANDLING_CONFIG": str(ROOT / "app.yaml"),
        "PYTHONPATH": str(ROOT),
    }
    env.pop("DATABASE_URL", None)
    code = PROBE.format(heavy=HEAVY, db=str(tmp_path / "data"))
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_serve_answers_healthz_before_importing_what_only_commands_need(tmp_path: Path) -> None:
    seen = _probe(tmp_path)
    assert seen["healthz"] == 200
    assert seen["built"] == [], f"imported before the server listens: {seen['built']}"
    warmed = set(seen["warmed"])  # type: ignore[arg-type]
    # The warm-up, once the server listened, imported every handler, the grammar, the holidays and the
    # planner; what only a picture, a page or a pasted English date needs still waits for its first use.
    assert {"handlers.sign", "handlers.next_steps", "bot.dates.grammar", "holidays", "bot.reminders.planner"} <= warmed
    assert not warmed & {"PIL", "dateparser", "jinja2", "icalendar", "pydantic"}


def test_python_m_bot_turns_the_collector_back_on_once_started() -> None:
    """bot/__main__.py starts with the cyclic collector off; every command turns it on again as it starts,
    and `serve` once its server is built (`adapters.start_up.freeze_start_up`)."""
    code = (
        "import atexit, gc, runpy, sys\n"
        "atexit.register(lambda: print('collector on' if gc.isenabled() else 'collector off'))\n"
        "sys.argv = ['bot', 'check-config']\n"
        "runpy.run_module('bot', run_name='__main__', alter_sys=True)\n"
    )
    env = {**os.environ, "SAMHANDLING_CONFIG": str(ROOT / "app.yaml"), "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert done.stdout.strip().splitlines()[-1] == "collector on", done.stdout + done.stderr


def test_freezing_the_start_up_turns_the_collector_on() -> None:
    import gc

    from adapters.start_up import freeze_start_up

    gc.disable()
    try:
        freeze_start_up()
        assert gc.isenabled()
    finally:
        gc.unfreeze()
        gc.enable()


def test_every_declared_handler_is_there_to_import() -> None:
    """A handler named in COMMANDS is imported at its first call: a misspelt name must fail here, not then."""
    from handlers import COMMANDS
    from handlers.later import Later

    for command in COMMANDS:
        handler = command.handler.resolve() if isinstance(command.handler, Later) else command.handler
        assert callable(handler) and not isinstance(handler, Later), command.name


def test_no_stand_in_is_left_where_a_module_is_imported_from() -> None:
    """`from handlers import minutes_read` must give the module: each stand-in is deleted once COMMANDS is built."""
    import handlers
    from handlers.later import LaterModule

    assert [name for name, value in vars(handlers).items() if isinstance(value, LaterModule)] == []
