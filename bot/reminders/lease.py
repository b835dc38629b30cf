"""The reminder pass's lease: one pass (or outbox follow-up) at a time across processes and machines.

Short (`LEASE_SECONDS`), so a pass that dies is taken over within a minute, and renewed while a pass runs
(every `RENEW_SECONDS`, checked before each post; never rewritten per message).
"""

from __future__ import annotations

import logging
import os
import socket
import time
import uuid
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.core import Core

logger = logging.getLogger(__name__)

LEASE = "reminders"
LEASE_SECONDS = 60.0
RENEW_SECONDS = 20.0
"""A running pass renews its lease this often (checked before each post), so it never runs out under it."""


def holder_id() -> str:
    """Who holds the lease: host, process and a per-pass tag."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


@dataclass
class PassLease:
    core: Core
    holder: str
    renewed: float = field(default_factory=time.monotonic)

    def take(self) -> bool:
        """Take or renew the lease; False while another holds it. Raises OSError or StoreError when the
        store cannot be written (then no pass can run safely)."""
        try:
            taken = self.core.store.try_lease(LEASE, holder=self.holder, seconds=LEASE_SECONDS)
        except NotImplementedError:
            logger.debug(
                "store %s has no leases; passes are not guarded across processes", type(self.core.store).__name__
            )
            return True
        self.renewed = time.monotonic()
        return taken

    def renewal_due(self) -> bool:
        """Whether `keep` would write (the lease is renewed every `RENEW_SECONDS`, not per message)."""
        return time.monotonic() - self.renewed >= RENEW_SECONDS

    def keep(self) -> bool:
        """Renew the lease when it is due (not per message); False when it was lost."""
        return self.take() if self.renewal_due() else True

    def release(self) -> None:
        try:
            self.core.store.release_lease(LEASE, holder=self.holder)
        except NotImplementedError:
            pass
        except Exception:  # a lease that cannot be released expires by itself
            logger.warning("could not release the reminder lease", exc_info=True)
