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
        """The times of ``key``'s allowed attempts still inside the window ending ``now``."""
        # TODO: drop the attempts at or before now - window from the left of self._log[key].
        raise NotImplementedError("TODO: RateLimiter._prune")

    def allow(self, key: str) -> bool:
        """Record an attempt by ``key`` and say whether it is allowed."""
        # TODO: forget the attempts older than the window, refuse when `limit` remain,
        #       otherwise remember this one.
        raise NotImplementedError("TODO: RateLimiter.allow")

    def retry_after(self, key: str) -> float:
        """Seconds until ``key`` may try again (0 when it may now)."""
        # TODO: when the window is full, the oldest attempt in it decides.
        raise NotImplementedError("TODO: RateLimiter.retry_after")
