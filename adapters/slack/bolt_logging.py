"""The logger Bolt writes to: its noise quieted and nothing of a request's body let through (secrets and
people's words never reach the log)."""

from __future__ import annotations

import logging


class TokenViaClient(logging.Filter):
    """Quiets three things of Bolt's: the warning that the token is unused when a client is given (it is in
    the client), any line about a refused request, which Bolt writes with the whole body, and the
    multi-line "Unhandled request" note (one line instead)."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if message.startswith("Unhandled request"):
            # Bolt's version quotes parts of the body over a dozen lines of suggested code: one line instead.
            record.msg, record.args = "Slack request with no listener (a slash command 404, an event 200)", None
            return True
        # Bolt logs the whole body of a badly signed request; the gate refuses those first and logs its own
        # line without the body, so nothing of Bolt's about a request body is let through.
        return "`token` will be unused" not in message and "body:" not in message and "Invalid request" not in message


def bolt_logger() -> logging.Logger:
    bolt = logging.getLogger("adapters.slack.bolt")
    if not any(isinstance(f, TokenViaClient) for f in bolt.filters):
        bolt.addFilter(TokenViaClient())
    if bolt.level == logging.NOTSET and not bolt.isEnabledFor(logging.DEBUG):
        # Bolt asks the logger's own level, not the effective one, before writing a debug line for each of
        # its middleware on every request: unset, it formats them all for nothing.
        bolt.setLevel(logging.INFO)
    return bolt
