"""Translation without a network: activity -> Request, Reply -> card, settings, the app package."""

from __future__ import annotations

import json
import struct
import subprocess
import sys
import zipfile
import zlib
from pathlib import Path

import pytest
from botbuilder.schema import Activity

from adapters.teams.cards import parse_submit, render_card
from adapters.teams.package import PackageError, build_manifest, main, menu_title, write_package
from adapters.teams.settings import TeamsConfigError, TeamsSettings, teams_requires_loopback
from adapters.teams.translate import channel_key, command_text, to_request
from bot.messages import Button, Form, FormField, Reply
from bot.model.config import ConfigError, load_config
from handlers import build_router
from tests.teams.harness import load_activity

BOT = "00000000-0000-0000-0000-0000000b0701"


def _activity(name: str, **changes: object) -> Activity:
    raw = load_activity(name, service_url="http://127.0.0.1:1")
    raw.update(changes)
    return Activity().deserialize(raw)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<at>Samhandling</at> neste", "neste"),
        ("<at>Samhandling</at>&nbsp;status agder 2027", "status agder 2027"),
        ("<at>Samhandling</at> /samhandling  signer IN\u00a0agder", "signer IN agder"),
        ("/samhandling dato regional-spring 2027-04-20", "dato regional-spring 2027-04-20"),
        ("@Samhandling neste", "neste"),  # a hint copied from a card into a personal chat
        ("samhandlingsmøte", "samhandlingsmøte"),
        ("<at>Samhandling</at>", ""),
    ],
)
def test_command_text_strips_the_mention_and_prefix(text: str, expected: str) -> None:
    assert command_text(_activity("channel_message_mention", text=text)) == expected


def test_bare_mention_asks_for_help() -> None:
    request = to_request(_activity("channel_message_mention", text="<at>Samhandling</at>"))
    assert request is not None and request.text == "hjelp"


def test_channel_key_strips_the_thread_suffix() -> None:
    assert channel_key("19:agder@thread.tacv2;messageid=1777") == "19:agder@thread.tacv2"
    assert channel_key("a:1personal") == "a:1personal"


def test_emulator_user_without_aad_id_falls_back_to_the_channel_account_id() -> None:
    activity = _activity("personal_message", channelId="emulator", **{"from": {"id": "user-1", "name": "Dev"}})
    request = to_request(activity)
    assert request is not None and request.user_id == "user-1"


def test_card_renders_title_facts_buttons_confirm_and_form() -> None:
    reply = Reply(
        title="Referat",
        text="fallback",
        buttons=(Button("Signer for NFR", "signer NFR agder 2027", confirm="Signere for NFR nå?"),),
        form=Form(
            title="Referat fra høstmøtet",
            submit_command="referat regional-autumn",
            fields=(FormField("summary", "Sammendrag", multiline=True, optional=False, hint="Kort"),),
        ),
        context="Agder 2027",
        ok=False,
    )
    ids = iter(["b1", "f1"])
    card = render_card(reply, new_id=lambda: next(ids))
    assert card["version"] == "1.4" and card["fallbackText"] == "fallback"
    assert card["body"][0]["color"] == "Attention"
    show, save = card["actions"]
    assert show["type"] == "Action.ShowCard" and show["title"] == "Signer for NFR"
    inner = show["card"]["actions"][0]
    assert inner["data"]["samhandling"] == {"command": "signer NFR agder 2027", "kind": "button", "submit_id": "b1"}
    (field,) = [item for item in card["body"] if item["type"] == "Input.Text"]
    assert field["placeholder"] == "Kort" and field["isRequired"]
    value = dict(save["data"], **{field["id"]: "Bra", "msteams": {"x": 1}})
    assert parse_submit(value) == ("referat regional-autumn", {"summary": "Bra"}, "f1")
    assert parse_submit({"other": 1}) is None


def test_settings_need_all_three_values_when_an_app_id_is_set() -> None:
    assert TeamsSettings.from_env(env={}).auth_enabled is False
    with pytest.raises(TeamsConfigError, match="MICROSOFT_APP_TENANT_ID"):
        TeamsSettings.from_env(env={"MICROSOFT_APP_ID": BOT, "MICROSOFT_APP_PASSWORD": "s"})
    assert teams_requires_loopback(env={}) is True
    assert teams_requires_loopback(env={"MICROSOFT_APP_ID": BOT}) is False
    assert teams_requires_loopback(env={"SAMHANDLING_TEAMS": "off"}) is False


def _png_size(data: bytes) -> tuple[int, int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    length, kind = struct.unpack(">I4s", data[8:16])
    assert kind == b"IHDR" and length == 13
    width, height, _depth, color_type = struct.unpack(">IIBB", data[16:26])
    assert struct.unpack(">I", data[29:33])[0] == zlib.crc32(data[12:29]) & 0xFFFFFFFF
    return width, height, color_type


def test_package_has_the_manifest_and_both_icons(tmp_path: Path) -> None:
    path = write_package(out=tmp_path / "app.zip", env={"MICROSOFT_APP_ID": BOT})
    with zipfile.ZipFile(path) as archive:
        assert sorted(archive.namelist()) == ["color.png", "manifest.json", "outline.png"]
        manifest = json.loads(archive.read("manifest.json"))
        assert _png_size(archive.read("color.png"))[:2] == (192, 192)
        outline = archive.read("outline.png")
    assert _png_size(outline) == (32, 32, 6)
    (bot,) = manifest["bots"]
    assert bot["botId"] == BOT and manifest["id"] == BOT
    assert bot["scopes"] == ["team", "groupChat", "personal"]
    # The command menu is generated from the router: every command in a menu, at most ten per list,
    # "hjelp" in each, and every scope covered once.
    router = [menu_title(usage=command.usage, name=command.name) for command in build_router().commands]
    lists = bot["commandLists"]
    listed = {c["title"] for entry in lists for c in entry["commands"]}
    assert listed == set(router)
    assert all(len(entry["commands"]) <= 10 and "hjelp" in [c["title"] for c in entry["commands"]] for entry in lists)
    assert sorted(scope for entry in lists for scope in entry["scopes"]) == sorted(bot["scopes"])
    assert all(len(c["title"]) <= 32 and len(c["description"]) <= 128 for e in lists for c in e["commands"])
    assert len(manifest["name"]["short"]) <= 30 and len(manifest["description"]["short"]) <= 80
    # The newest manifest schema, the publisher from app.yaml.
    assert manifest["manifestVersion"] == "1.22" and "/v1.22/" in manifest["$schema"]
    assert manifest["developer"] == {
        "name": "Samhandlingsbot",
        "websiteUrl": "https://example.org/samhandling",
        "privacyUrl": "https://example.org/samhandling/personvern",
        "termsOfUseUrl": "https://example.org/samhandling/vilkar",
    }


def test_the_developer_section_is_validated_at_start_up(tmp_path: Path) -> None:
    text = (Path(__file__).resolve().parents[2] / "app.yaml").read_text(encoding="utf-8")
    bad = text.replace('privacy_url: "https://example.org/samhandling/personvern"', "privacy_url: http://x")
    path = tmp_path / "app.yaml"
    path.write_text(bad, encoding="utf-8")
    with pytest.raises(ConfigError) as error:
        load_config(str(path))
    assert any("teams.developer.privacy_url" in problem for problem in error.value.problems)


def test_package_refuses_without_a_bot_id(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(PackageError):
        build_manifest(env={"MICROSOFT_APP_ID": "not-a-guid"})
    monkeypatch.delenv("MICROSOFT_APP_ID", raising=False)
    assert main(["--out", str(tmp_path / "x.zip")]) == 2
    assert "MICROSOFT_APP_ID" in capsys.readouterr().err
    assert not (tmp_path / "x.zip").exists()
    monkeypatch.setenv("MICROSOFT_APP_ID", BOT)
    assert main(["--out", str(tmp_path / "x.zip")]) == 0
    assert (tmp_path / "x.zip").exists()


def test_importing_the_package_or_the_core_loads_no_botbuilder() -> None:
    code = (
        "import sys, adapters.teams, adapters.teams.package, adapters.teams.settings, bot.messages\n"
        "assert not [m for m in sys.modules if m.startswith(('botbuilder', 'botframework'))], 'botbuilder loaded'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=Path(__file__).resolve().parents[2])
