"""The Teams app package as the year walk met it (issue 18): whole words in the menus, each command titled
as it is typed, the private commands in the personal chat's menu, and the publisher's real links."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any

import pytest

from adapters.teams.package import PackageError, build_manifest, main, write_package
from handlers import COMMANDS

BOT = "00000000-0000-0000-0000-0000000b0701"
REAL = {
    "TEAMS_WEBSITE_URL": "https://www.agderfk.no/samhandling",
    "TEAMS_PRIVACY_URL": "https://www.agderfk.no/personvern",
    "TEAMS_TERMS_URL": "https://www.agderfk.no/vilkar",
}


def _lists(tmp_path: Path, env: dict[str, str] | None = None) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    path = write_package(out=tmp_path / "app.zip", env={"MICROSOFT_APP_ID": BOT, **(env or {})})
    with zipfile.ZipFile(path) as archive:
        manifest = json.loads(archive.read("manifest.json"))
    return manifest, manifest["bots"][0]["commandLists"]


def test_menu_descriptions_end_at_a_whole_word(tmp_path: Path) -> None:
    _, lists = _lists(tmp_path)
    full = {f"{c.usage} – {c.summary}" for c in COMMANDS}
    for entry in lists:
        for item in entry["commands"]:
            description = item["description"]
            assert len(description) <= 128
            if description in full:
                continue
            assert description.endswith("…"), description
            whole = next(text for text in full if text.startswith(description[:-1]))
            assert whole[len(description) - 1] in " –,;:.|", description  # the cut falls between words


def test_each_menu_line_is_titled_as_the_command_is_typed(tmp_path: Path) -> None:
    _, lists = _lists(tmp_path)
    titles = {item["title"] for entry in lists for item in entry["commands"]}
    assert "ikke aktuelt" in titles and "ikke" not in titles
    assert {"koble", "kalender", "målform", "varsel"} <= titles  # several forms: the word they share


def test_the_private_commands_are_in_the_personal_chats_menu(tmp_path: Path) -> None:
    _, lists = _lists(tmp_path)
    (personal,) = [entry for entry in lists if "personal" in entry["scopes"]]
    titles = [item["title"] for item in personal["commands"]]
    assert {"kalender", "kvittering", "logg", "hjelp", "neste", "status"} <= set(titles)
    assert len(titles) <= 10


def test_the_publishers_links_come_from_the_environment(tmp_path: Path) -> None:
    manifest, _ = _lists(tmp_path, env={**REAL, "TEAMS_DEVELOPER_NAME": "Agder fylkeskommune"})
    assert manifest["developer"] == {
        "name": "Agder fylkeskommune",
        "websiteUrl": "https://www.agderfk.no/samhandling",
        "privacyUrl": "https://www.agderfk.no/personvern",
        "termsOfUseUrl": "https://www.agderfk.no/vilkar",
    }
    with pytest.raises(PackageError, match="TEAMS_PRIVACY_URL"):
        build_manifest(env={"MICROSOFT_APP_ID": BOT, **REAL, "TEAMS_PRIVACY_URL": "http://x"})


def test_a_package_with_placeholder_links_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("MICROSOFT_APP_ID", BOT)
    for name in REAL:
        monkeypatch.delenv(name, raising=False)
    assert main(["--out", str(tmp_path / "demo.zip")]) == 0
    err = capsys.readouterr().err
    assert "placeholders" in err and "https://example.org/samhandling" in err and "TEAMS_WEBSITE_URL" in err
    for name, value in REAL.items():
        monkeypatch.setenv(name, value)
    assert main(["--out", str(tmp_path / "real.zip")]) == 0
    assert "placeholders" not in capsys.readouterr().err
