"""Rate limiting of identification attempts.

Milestone 6. Someone trying faces (or photos) until one is accepted needs many attempts;
a limit per client makes that slow and visible in the audit log.
"""
from __future__ import annotations

import time
from collections import defaultdict, deque


class RateLimiter:
    """At most ``limit`` allowed attempts per client in any ``window`` seconds (a sliding window).

    ``clock`` returns the current time in seconds (``time.monotonic`` by default; the tests pass
    a fake one). A refused attempt does not count against the client.
    """

    def __init__(self, limit: int = 5, window: float = 60.0, clock=time.monotonic):
        self.limit = limit
        self.window = window
        self.clock = clock
        self._log = defaultdict(deque)

    def _prune(self, key, now):
        """The attempts of ``key`` in the current window: a counter that restarts every ``window``
        seconds (fixed windows, not a sliding one)."""
        bucket = int(now // self.window)
        log = self._log[key]
        if log and log[0][0] != bucket:
            log.clear()
        return log

    def allow(self, key: str) -> bool:
        """Record an attempt by ``key`` and say whether it is allowed."""
        now = self.clock()
        log = self._prune(key, now)
        if len(log) >= self.limit:
            return False
        log.append((int(now // self.window), now))
        return True

    def retry_after(self, key: str) -> float:
        """Seconds until ``key`` may try again (0 when it may now)."""
        now = self.clock()
        log = self._prune(key, now)
        if len(log) < self.limit:
            return 0.0
        return (int(now // self.window) + 1) * self.window - now
