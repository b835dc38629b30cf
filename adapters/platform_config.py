"""A platform configured by half: refused at start-up as one line naming what is missing (exit 3).

An operator who set SLACK_BOT_TOKEN and misspelt SLACK_SIGNING_SECRET, or set MICROSOFT_APP_ID without
its tenant, would otherwise get a silent bot or a traceback (walk 27 F5). Each platform's settings raise
a subclass; `python -m bot` prints the message on one line and exits 3, as it does for a store that
cannot be used. No SDK is imported here: the server asks before it loads one."""

from __future__ import annotations


class PlatformConfigError(Exception):
    """A platform's settings are incomplete. The message is for the operator, in English, one line: it names
    the variables that are missing."""
