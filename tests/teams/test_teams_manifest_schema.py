"""The Teams app package validates against Microsoft's own manifest schema (issue 20: «the app package
validates against its manifest schema with shared and private channels declared»).

The schema is not copied into the repository: it comes from Microsoft's npm package
``@microsoft/app-manifest`` (tests/teams/manifest, installed by scripts/test), at the version the package
declares (``MANIFEST_VERSION``), and is read with ``jsonschema`` in the draft the schema names. Without npm's
folder or jsonschema the test skips with the reason; with CI set it fails instead.
"""

from __future__ import annotations

import json
import os
import zipfile
from pathlib import Path
from typing import Any

import pytest

from adapters.teams.package import MANIFEST_VERSION, main

BOT = "00000000-0000-0000-0000-0000000b0701"
SCHEMAS = Path(__file__).resolve().parent / "manifest" / "node_modules" / "@microsoft" / "app-manifest"
SCHEMA = SCHEMAS / "build" / "json-schemas" / "teams" / f"v{MANIFEST_VERSION}" / "MicrosoftTeams.schema.json"


def _unavailable(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"CI is set and the manifest schema test cannot run: {reason}")
    pytest.skip(reason)


def _validator() -> Any:
    try:
        import jsonschema
    except ImportError:
        _unavailable("jsonschema is not installed (pip install -r requirements-dev.txt)")
    if not SCHEMA.is_file():
        _unavailable(f"no schema at {SCHEMA} (cd tests/teams/manifest && npm ci)")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)  # the draft the schema declares (draft-04 for v1.22)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def _errors(validator: Any, manifest: dict[str, Any]) -> list[str]:
    return [
        f"{'/'.join(str(p) for p in error.absolute_path) or '(root)'}: {error.message}"
        for error in validator.iter_errors(manifest)
    ]


def _built(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """The package as `python -m bot teams-package` writes it."""
    monkeypatch.setenv("MICROSOFT_APP_ID", BOT)
    out = tmp_path / "samhandling.zip"
    assert main(["--out", str(out)]) == 0
    with zipfile.ZipFile(out) as archive:
        return json.loads(archive.read("manifest.json"))


def test_the_app_package_validates_against_microsofts_schema(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    validator = _validator()
    manifest = _built(tmp_path, monkeypatch)
    assert manifest["manifestVersion"] == MANIFEST_VERSION
    assert manifest["$schema"].endswith(f"/v{MANIFEST_VERSION}/MicrosoftTeams.schema.json")
    assert manifest["supportedChannelTypes"] == ["sharedChannels", "privateChannels"]
    assert _errors(validator, manifest) == []


def test_the_schema_check_would_catch_a_bad_channel_type(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The check is real: the schema refuses what Teams would refuse."""
    validator = _validator()
    manifest = _built(tmp_path, monkeypatch)
    wrong = {**manifest, "supportedChannelTypes": ["sharedChannels", "standardChannels"]}
    assert any(line.startswith("supportedChannelTypes") for line in _errors(validator, wrong))
    crowded = json.loads(json.dumps(manifest))
    crowded["bots"][0]["commandLists"][0]["commands"] *= 2  # Teams shows at most ten commands per list
    assert any("commands" in line for line in _errors(validator, crowded))
