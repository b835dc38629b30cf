"""One declaration per command (handlers/__init__.py `COMMANDS`) drives `hjelp`, the Teams command menus
and the permission check; and the port (bot/port.py) is implemented whole by the core and every stand-in.
These tests change nothing: they compare the surfaces with the declarations."""

from __future__ import annotations

import inspect
import json
import zipfile
from pathlib import Path

import pytest

from adapters.teams.package import menu_title, write_package
from bot.core import Core
from bot.i18n import _, using
from bot.port import CorePort
from bot.router import Who
from handlers import COMMANDS
from handlers.help import WHO_MAY
from tests.driver import BotDriver, make_bot, oslo
from tests.helpers import make_config
from tests.port_fake import PortFake
from tests.slack.fake_core import FakeCore as SlackFake
from tests.teams.fake_core import FakeCore as TeamsFake


def menu(tmp_path: Path) -> dict[str, str]:
    """Title -> description of every command in the Teams manifest's menus."""
    path = write_package(out=tmp_path / "app.zip", env={"MICROSOFT_APP_ID": "00000000-0000-0000-0000-000000000001"})
    with zipfile.ZipFile(path) as archive:
        manifest = json.loads(archive.read("manifest.json"))
    (bot,) = manifest["bots"]
    return {item["title"]: item["description"] for entry in bot["commandLists"] for item in entry["commands"]}


def test_every_declared_command_is_in_hjelp_and_the_teams_menu_with_the_same_usage(
    bot: BotDriver, tmp_path: Path
) -> None:
    listed = bot.say("hjelp", as_="admin")  # an admin is offered every command (others: walk 43)
    in_help = [section.title for section in listed.sections if section.title]
    in_menu = menu(tmp_path)
    assert in_help == [f"«{command.usage}»" for command in COMMANDS]
    # A menu line is titled as the command is typed up to its first argument («ikke aktuelt», issue 18).
    titles = {command.name: menu_title(usage=command.usage, name=command.name) for command in COMMANDS}
    assert all(title.split()[0] == name for name, title in titles.items())
    assert set(in_menu) == set(titles.values())
    for command in COMMANDS:
        assert in_menu[titles[command.name]].startswith(command.usage[:100]), command.name
        # AU reads the examples as declared (a region's or actor's reader gets them fitted: walk 24 F11)
        (facts,) = [section.facts for section in bot.say(f"hjelp {command.name}", as_="aud").sections if section.facts]
        assert facts[0].value == f"«{command.usage}»"
        assert [fact.value for fact in facts[1:]] == [f"«{example}»" for example in command.examples]


@pytest.mark.parametrize("command", [c for c in COMMANDS if c.who != Who.ANYONE], ids=lambda c: c.name)
def test_who_may_run_a_command_is_checked_as_declared(bot: BotDriver, command: object) -> None:
    stranger = bot.say(f"{command.name}", as_="ukjent-person")  # type: ignore[attr-defined]
    assert not stranger.ok
    expected = "Bare en administrator" if command.who == Who.ADMIN else "ikke registrert hos meg"  # type: ignore[attr-defined]
    assert expected in stranger.text


def test_declared_arguments_are_known_kinds() -> None:
    assert all(command.args for command in COMMANDS)  # each says what it reads, even if only free text
    assert {command.who for command in COMMANDS} == set(Who)


def _members(kind: type) -> set[str]:
    return {name for name in dir(kind) if not name.startswith("_")} | set(getattr(kind, "__annotations__", {}))


PORT = {name for name in _members(CorePort)} - {"register", "mro"}


@pytest.mark.parametrize("stand_in", [SlackFake(), TeamsFake(), PortFake()], ids=["slack", "teams", "base"])
def test_every_stand_in_core_implements_the_whole_port(stand_in: object) -> None:
    assert not PORT - set(dir(stand_in))


def test_the_core_implements_the_whole_port(bot: BotDriver) -> None:
    assert not PORT - set(dir(bot.core))
    for name in PORT:
        ours, theirs = getattr(Core, name, None), getattr(CorePort, name, None)
        if inspect.isfunction(ours) and inspect.isfunction(theirs):
            assert list(inspect.signature(ours).parameters) == list(inspect.signature(theirs).parameters), name


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_hjelp_for_a_command_says_who_may_run_it_as_declared(lang: str) -> None:
    """The declaration's `who` is what `hjelp <kommando>` says, in the channel's written form (Vestland nn)."""
    bot = make_bot(at=oslo(2027, 1, 11, 9), config=make_config(regions=("agder", "vestland")))
    channel = "vestland" if lang == "nn" else "agder"
    with using(lang):
        title = _("Hvem kan bruke den")
        wording = {who: _(text) for who, text in WHO_MAY.items()}
    assert set(wording) == set(Who) and len(set(wording.values())) == len(Who)
    for command in COMMANDS:
        reply = bot.say(f"hjelp {command.name}", as_="per" if lang == "nn" else "kari", channel=channel)
        (who,) = [section for section in reply.sections if section.title == title]
        assert who.text == wording[command.who], command.name
        assert wording[command.who] in reply.text
