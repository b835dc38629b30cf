"""The web surface: the wheel as a picture (SVG, PNG), calendar feeds (iCalendar) and the status page.

`mount_web` adds the routes to the one aiohttp server (adapters/server.py). Everything shown is computed in
the core (bot/shown/wheel_picture.py, bot/shown/feeds.py, bot/shown/status_data.py); this package only renders and serves it.
"""

from __future__ import annotations

from .routes import mount_web

__all__ = ["mount_web"]
