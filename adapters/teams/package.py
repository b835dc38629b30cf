"""The Teams app package: ``manifest.json`` and its two icons in a zip, ready to upload in Teams.

Run as ``python -m bot teams-package [--out FILE]`` (wired to `main`). No botbuilder and no image library:
the icons are drawn here and written as PNG with zlib and struct, so the package builds anywhere.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import struct
import sys
import uuid
import zipfile
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from bot.model.config import AppConfig, ConfigError, TeamsDeveloper, load_config
from bot.model.schema import Invalid, build

from .settings import ENV_APP_ID

MANIFEST_VERSION = "1.22"
"""The newest Teams app manifest schema (Microsoft's manifest reference lists 1.22 as current)."""
MAX_COMMANDS = 10
"""Teams shows at most ten commands per command list (schema: ``commands`` maxItems 10)."""
SUPPORTED_CHANNEL_TYPES = ("sharedChannels", "privateChannels")
"""The non-standard channels the bot works in (manifest ``supportedChannelTypes``)."""
DESCRIPTION_LIMIT = 128
"""A command's description in a menu (the manifest reference's 128; the v1.22 JSON schema allows 4000)."""
TITLE_LIMIT = 32
"""A command's title in a menu (the manifest reference's 32; the v1.22 JSON schema allows 128)."""
DEFAULT_OUT = "samhandling-teams.zip"
ACCENT = (0x1F, 0x5C, 0x99)  # the wheel's blue
ENV_TEAMS_APP_ID = "TEAMS_APP_ID"
ENV_APP_VERSION = "TEAMS_APP_VERSION"
ENV_CONFIG = "SAMHANDLING_CONFIG"
ENV_DEVELOPER = {
    "name": "TEAMS_DEVELOPER_NAME",
    "website_url": "TEAMS_WEBSITE_URL",
    "privacy_url": "TEAMS_PRIVACY_URL",
    "terms_url": "TEAMS_TERMS_URL",
}
"""The publisher and its links from the environment, each over app.yaml's ``teams.developer`` (README.md)."""
PLACEHOLDER_HOSTS = ("example.org", "example.com", "example.net", "localhost")
"""Hosts reserved for examples (RFC 2606): a link to one is a placeholder nobody has replaced."""


class PackageError(Exception):
    """The package cannot be built (e.g. no bot id). The message is for the operator, in English."""


# --- PNG ------------------------------------------------------------------------------------------------


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def png_rgba(width: int, height: int, pixels: Sequence[tuple[int, int, int, int]]) -> bytes:
    """An 8-bit RGBA PNG; ``pixels`` row by row. Every row uses filter type 0 (none)."""
    if len(pixels) != width * height:
        raise ValueError("pixel count does not match the size")
    raw = bytearray()
    for y in range(height):
        raw.append(0)
        for r, g, b, a in pixels[y * width : (y + 1) * width]:
            raw += bytes((r, g, b, a))
    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", zlib.compress(bytes(raw), 9))
        + _chunk(b"IEND", b"")
    )


def _clamp(value: float) -> float:
    return 0.0 if value < 0 else 1.0 if value > 1 else value


def _wheel_coverage(x: float, y: float, size: int) -> float:
    """How much of the pixel centred at (x, y) the wheel covers: a ring cut into four arcs (the spring and
    autumn meetings, national and regional) around a hub. Edges are anti-aliased analytically."""
    c = size / 2
    dx, dy = x - c, y - c
    dist = math.hypot(dx, dy)
    outer, inner, hub = size * 0.40, size * 0.27, size * 0.10
    ring = _clamp(outer - dist + 0.5) * _clamp(dist - inner + 0.5)
    if ring > 0:
        angle = math.atan2(dy, dx) % (math.pi / 2)  # distance to the nearest gap, at 45°, 135°, ...
        gap_half = 0.09
        off = abs(angle - math.pi / 4) - gap_half
        ring *= _clamp(off * max(dist, 1.0) + 0.5)
    return max(ring, _clamp(hub - dist + 0.5))


def color_icon(size: int = 192) -> bytes:
    """Full-colour icon: a white wheel on the accent colour, corner to corner (Teams rounds it)."""
    pixels = []
    for y in range(size):
        for x in range(size):
            cover = _wheel_coverage(x + 0.5, y + 0.5, size)
            pixels.append((*(round(ch + (255 - ch) * cover) for ch in ACCENT), 255))
    return png_rgba(size, size, pixels)


def outline_icon(size: int = 32) -> bytes:
    """Outline icon: white on transparent, as Teams requires for the 32x32 icon."""
    pixels = [
        (255, 255, 255, round(255 * _wheel_coverage(x + 0.5, y + 0.5, size))) for y in range(size) for x in range(size)
    ]
    return png_rgba(size, size, pixels)


# --- developer ----------------------------------------------------------------------------------------------


def developer_of(*, config: AppConfig, env: Mapping[str, str]) -> TeamsDeveloper:
    """The publisher Teams shows in the app's details: app.yaml's ``teams.developer``, each value replaced
    by its environment variable when that is set (`ENV_DEVELOPER`), checked as app.yaml checks it."""
    given = asdict(config.teams.developer) if config.teams.developer else {}
    given |= {key: env[name].strip() for key, name in ENV_DEVELOPER.items() if env.get(name, "").strip()}
    if not given:
        raise PackageError(
            "app.yaml has no teams.developer section (name, website_url, privacy_url, terms_url) and "
            f"{', '.join(ENV_DEVELOPER.values())} are not set; Teams shows them in the app's details"
        )
    try:
        return build(TeamsDeveloper, given)
    except Invalid as error:
        fields = ", ".join(f"{ENV_DEVELOPER.get(str(path[0]), path[0])}: {msg}" for path, msg in error.problems)
        raise PackageError(f"the Teams publisher is not complete or not valid ({fields})") from error


def placeholder_links(developer: TeamsDeveloper) -> list[str]:
    """The publisher's links that point at an example host: the demo's, never a real publisher's."""
    links = (developer.website_url, developer.privacy_url, developer.terms_url)
    return [link for link in links if _host(link) in PLACEHOLDER_HOSTS or _host(link).endswith(".example")]


def _host(url: str) -> str:
    host = url.split("://", 1)[-1].split("/", 1)[0].split(":", 1)[0].lower()
    parts = host.split(".")
    return ".".join(parts[-2:]) if len(parts) > 2 and not host.endswith(".example") else host


# --- manifest --------------------------------------------------------------------------------------------


def _guid(value: str, *, name: str) -> str:
    try:
        return str(uuid.UUID(value))
    except ValueError as error:
        raise PackageError(f"{name} must be a GUID (the Azure Bot's Microsoft App ID), got {value!r}") from error


@dataclass(frozen=True)
class MenuCommand:
    """One line of a Teams command menu: what choosing it types, what the menu says under it, and whether
    it only reads (its answer is for the asker alone: first in the personal chat's menu)."""

    title: str
    description: str
    reads: bool = False


def router_commands() -> list[MenuCommand]:
    """Every declared command, in its order: the command menu is generated from the same declarations as
    `hjelp` (handlers/__init__.py `COMMANDS`)."""
    from handlers import COMMANDS  # the declared commands; no platform SDK behind them

    return [
        MenuCommand(
            title=menu_title(usage=command.usage, name=command.name),
            description=menu_description(usage=command.usage, summary=command.summary),
            reads=not command.writes,
        )
        for command in COMMANDS
    ]


def menu_title(*, usage: str, name: str) -> str:
    """What choosing the command in the menu types: its name and the fixed words every form of its usage
    starts with («ikke aktuelt», not «ikke»), up to the first argument, within Teams' 32 characters."""
    forms = [form.split() for form in usage.split(" | ")]
    fixed: list[str] = []
    for words in zip(*forms, strict=False):
        word = words[0]
        if any(other != word for other in words) or word[:1] in "<[" or "|" in word:
            break
        fixed.append(word)
    title = " ".join(fixed) if fixed and fixed[0] == name else name
    return title if len(title) <= TITLE_LIMIT else name[:TITLE_LIMIT]


def menu_description(*, usage: str, summary: str) -> str:
    """What the menu shows under a command: how to write it, as `hjelp` shows it, then as much of the
    summary as Teams' 128 characters hold, cut between words and ended with «…»; a usage longer than that
    is cut between words too."""
    text = f"{usage} – {summary}"
    if len(text) <= DESCRIPTION_LIMIT:
        return text
    return _cut_at_word(text)


def _cut_at_word(text: str) -> str:
    cut = text[: DESCRIPTION_LIMIT - 1].rsplit(" ", 1)[0].rstrip(" –,:;.|")
    return f"{cut}…"


def command_lists(commands: Sequence[MenuCommand], *, scopes: Sequence[str]) -> list[dict[str, Any]]:
    """The ``commandLists``: every command, within Teams' ten per list and three lists. With more than ten,
    a team's channels get the first nine commands in their order and ``hjelp``; the personal chat gets
    ``hjelp`` and the commands that only read which the channel menu lacks (what a person asks alone:
    ``kalender``, ``kvittering``, ``logg``, …); group chats get the commands neither shows; what is still
    left goes to the personal chat, whose remaining room repeats the channel menu's reads (``neste``,
    ``status``). So each command is in a menu somewhere and ``hjelp`` in every one."""
    items = [{"title": c.title, "description": c.description} for c in commands]
    if len(items) <= MAX_COMMANDS:
        return [{"scopes": list(scopes), "commands": items}]
    helper = next((item for item in items if item["title"] == "hjelp"), items[-1])
    rest = [item for item in items if item is not helper]
    reads = [item for item, c in zip(items, commands, strict=True) if c.reads and item is not helper]
    group_scopes = [scope for scope in scopes if scope != "personal"]
    step = MAX_COMMANDS - 1
    first = rest[:step]
    own = [helper, *(item for item in reads if item not in first)]
    uncovered = [item for item in rest if item not in first and item not in own]
    if len(group_scopes) >= 2:
        lists = [
            {"scopes": [group_scopes[0]], "commands": [*first, helper]},
            {"scopes": [group_scopes[1]], "commands": [*uncovered[:step], helper]},
        ]
        left = uncovered[step:]
    else:
        lists = [{"scopes": group_scopes, "commands": [*first, helper]}]
        left = uncovered
    own = [*own, *left, *(item for item in reads if item in first)][:MAX_COMMANDS]
    return [*lists, {"scopes": ["personal"], "commands": own}]


def build_manifest(
    *, env: Mapping[str, str], config: AppConfig | None = None, commands: Sequence[MenuCommand] | None = None
) -> dict[str, Any]:
    """The manifest: the bot id from the environment, the publisher from app.yaml's ``teams.developer``,
    the command menu from the router."""
    bot_id = env.get(ENV_APP_ID, "").strip()
    if not bot_id:
        raise PackageError(
            f"{ENV_APP_ID} is not set; the manifest needs the Azure Bot's app id (README.md, 'Koble til Microsoft Teams')"
        )
    bot_id = _guid(bot_id, name=ENV_APP_ID)
    app_id = _guid(env.get(ENV_TEAMS_APP_ID, "").strip() or bot_id, name=ENV_TEAMS_APP_ID)
    if config is None:
        config = load_config(env.get(ENV_CONFIG, "app.yaml"))
    developer = developer_of(config=config, env=env)
    scopes = ["team", "groupChat", "personal"]
    return {
        "$schema": f"https://developer.microsoft.com/en-us/json-schemas/teams/v{MANIFEST_VERSION}/MicrosoftTeams.schema.json",
        "manifestVersion": MANIFEST_VERSION,
        "version": env.get(ENV_APP_VERSION, "").strip() or "1.0.0",
        "id": app_id,
        "localizationInfo": {"defaultLanguageTag": "nb-no"},
        "developer": {
            "name": developer.name,
            "websiteUrl": developer.website_url,
            "privacyUrl": developer.privacy_url,
            "termsOfUseUrl": developer.terms_url,
        },
        "name": {"short": "Samhandling", "full": "Samhandlingsbot: årshjulet for regional samhandling"},
        "description": {
            "short": "Årshjulet for samhandlingen mellom fylkeskommunene og virkemiddelaktørene.",
            "full": (
                "Samhandlingsbot holder det felles årshjulet for fylkeskommunene, Innovasjon Norge, Siva, "
                "Forskningsrådet, regionale forskningsfond og arbeidsutvalget: møter, frister, forutsetninger, "
                "referater og signering av samarbeidsavtalene, med påminnelser i kanalene. Samme tilstand i "
                "Teams og Slack."
            ),
        },
        "icons": {"color": "color.png", "outline": "outline.png"},
        "accentColor": "#{:02X}{:02X}{:02X}".format(*ACCENT),
        "bots": [
            {
                "botId": bot_id,
                "scopes": scopes,
                "supportsFiles": True,  # the agreement text sent to the bot in a chat (avtale)
                "isNotificationOnly": False,
                "commandLists": command_lists(router_commands() if commands is None else commands, scopes=scopes),
            }
        ],
        # Shared channels (Teams Connect: a region's channel with the actors' people from their own tenants)
        # and private ones; standard channels need no entry (schema: at most these two values).
        "supportedChannelTypes": list(SUPPORTED_CHANNEL_TYPES),
        "permissions": ["identity", "messageTeamMembers"],
        "validDomains": [],
    }


def write_package(*, out: str | Path = DEFAULT_OUT, env: Mapping[str, str] | None = None) -> Path:
    """Write the zip (manifest.json, color.png, outline.png at its root) and return its path."""
    manifest = build_manifest(env=os.environ if env is None else env)
    path = Path(out)
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=2) + "\n")
        archive.writestr("color.png", color_icon(192))
        archive.writestr("outline.png", outline_icon(32))
    return path


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m bot teams-package [--out FILE]``: exit 0 with the path printed, 2 on a config error."""
    parser = argparse.ArgumentParser(prog="python -m bot teams-package", description="Write the Teams app package.")
    parser.add_argument("--out", default=DEFAULT_OUT, help=f"zip file to write (default: {DEFAULT_OUT})")
    args = parser.parse_args(list(argv) if argv is not None else None)
    env = os.environ
    try:
        path = write_package(out=args.out, env=env)
        developer = developer_of(config=load_config(env.get(ENV_CONFIG, "app.yaml")), env=env)
    except PackageError as error:
        print(f"teams-package: {error}", file=sys.stderr)
        return 2
    except ConfigError as error:
        print(f"teams-package: app.yaml is not valid: {'; '.join(error.problems)}", file=sys.stderr)
        return 2
    print(f"Wrote {path} (manifest.json, color.png 192x192, outline.png 32x32).")
    if placeholders := placeholder_links(developer):
        print(
            f"teams-package: WARNING: the publisher's links are placeholders ({', '.join(placeholders)}); Teams "
            f"shows them in the app's details. Set {', '.join(list(ENV_DEVELOPER.values())[1:])} (or "
            "teams.developer in app.yaml) to your own pages before you upload this package for real use.",
            file=sys.stderr,
        )
    print("Upload it in Teams: Apps > Manage your apps > Upload an app (see README.md, 'Koble til Microsoft Teams').")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
