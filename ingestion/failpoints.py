"""Named crash points for the crash-safety tests: TETHER_FAILPOINT=<name> kills the process there
with SIGKILL, exactly as `kill -9` would. Unset in normal operation (one dict lookup)."""

from __future__ import annotations

import os
import signal


def failpoint(name: str) -> None:
    if os.environ.get("TETHER_FAILPOINT") == name:
        os.kill(os.getpid(), signal.SIGKILL)
