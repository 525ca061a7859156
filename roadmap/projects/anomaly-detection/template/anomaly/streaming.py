"""Detect anomalies one value at a time, as they arrive.

Milestone 4. Fill in ``StreamingDetector.update``.
"""
from __future__ import annotations

from collections import deque
from dataclasses import dataclass

import numpy as np  # noqa: F401


@dataclass
class StreamResult:
    score: float
    is_anomaly: bool


class StreamingDetector:
    """Robust z-score against a sliding window of recent NORMAL values.

    The score says how far the new value is from the window's median, in units of a robust
    spread: the median absolute deviation (MAD), scaled so that it matches the standard
    deviation on normally distributed data. One outlier cannot move either of them much.

    - Until the window holds ``window`` values (warm-up), add the value and flag nothing.
    - After that, flag the value when ``score > threshold``.
    - Keep flagged values OUT of the window so an incident does not become the new normal.
    - A window of identical values has MAD 0: divide by at least ``min_scale``.
    """

    def __init__(self, window: int = 40, threshold: float = 6.0, min_scale: float = 1e-6):
        self.window = window
        self.threshold = threshold
        self.min_scale = min_scale
        self.history = deque(maxlen=window)  # a deque with maxlen drops the oldest value itself

    def update(self, value: float) -> StreamResult:
        # TODO: implement the rules in the class docstring and return a StreamResult.
        raise NotImplementedError("TODO: score one new value against the recent window")

    def run(self, values) -> list:
        """Feed every value in order; return the list of results."""
        return [self.update(v) for v in values]
