"""Drawing a reply's picture for an adapter: the core's geometry, rendered as PNG/SVG, and the signed
address Teams fetches it from. One place, so Slack, Teams and the terminal draw the same wheel."""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from bot.messages import Picture

from .signed import link_secret, picture_address

if TYPE_CHECKING:
    from bot.port import CorePort
    from bot.shown.wheel_geometry import WheelPicture

logger = logging.getLogger(__name__)

PICTURES_ENV = "SAMHANDLING_PICTURES"
DEFAULT_PICTURES = "bilder"


def drawing(core: CorePort, picture: Picture) -> WheelPicture | None:
    return core.picture(picture)


def picture_png(core: CorePort, picture: Picture) -> bytes | None:
    from .wheel_png import render_png  # Pillow, when a picture is drawn: not at start-up (Teams cards import us)

    wheel = drawing(core, picture)
    return render_png(wheel) if wheel else None


def save_picture(core: CorePort, picture: Picture, *, folder: str | Path | None = None) -> list[Path]:
    """The terminal's way to show a picture: PNG and SVG files, whose paths it prints."""
    from .wheel_png import render_png
    from .wheel_svg import render_svg

    wheel = drawing(core, picture)
    if wheel is None:
        return []
    target = Path(folder or os.environ.get(PICTURES_ENV, DEFAULT_PICTURES))
    target.mkdir(parents=True, exist_ok=True)
    png, svg = target / f"{picture.name}.png", target / f"{picture.name}.svg"
    png.write_bytes(render_png(wheel))
    svg.write_text(render_svg(wheel), encoding="utf-8")
    return [png, svg]


class PictureLinks:
    """Signed picture addresses for cards (Teams), configured when the web routes are mounted: the base is
    the core's PUBLIC_URL, read at each call (serve on loopback sets it after start-up)."""

    def __init__(self) -> None:
        self._core: CorePort | None = None
        self._secret = b""

    def configure(self, *, core: CorePort, environ: Mapping[str, str]) -> None:
        self._core = core
        self._secret = link_secret(environ)

    def reset(self) -> None:
        """Forget the served core (tests start servers on different cores in one process)."""
        self._core = None
        self._secret = b""

    def address(self, picture: Picture) -> str | None:
        core = self._core
        if core is None or not core.public_url:
            return None
        return picture_address(picture, base=core.public_url, secret=self._secret, now=core.clock.now())


PICTURE_LINKS = PictureLinks()
