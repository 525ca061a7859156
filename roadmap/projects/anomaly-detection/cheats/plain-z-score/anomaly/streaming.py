"""Detect anomalies one value at a time, as they arrive."""
from __future__ import annotations

from collections import deque
from dataclasses import dataclass

import numpy as np


@dataclass
class StreamResult:
    score: float
    is_anomaly: bool


class StreamingDetector:
    """Robust z-score against a sliding window of recent NORMAL values.

    score = |x - median(window)| / (1.4826 * MAD(window))

    The median and the MAD (median absolute deviation) ignore a few outliers, and 1.4826
    makes the MAD comparable to a standard deviation for Gaussian noise. Values flagged as
    anomalies are kept OUT of the window, so an incident does not become the new normal.
    Until the window is full (``warmup``) nothing is flagged.
    """

    def __init__(self, window: int = 40, threshold: float = 6.0, min_scale: float = 1e-6):
        self.window = window
        self.threshold = threshold
        self.min_scale = min_scale
        self.history = deque(maxlen=window)

    def update(self, value: float) -> StreamResult:
        value = float(value)
        if len(self.history) < self.window:
            self.history.append(value)
            return StreamResult(score=0.0, is_anomaly=False)
        recent = np.fromiter(self.history, dtype=float)
        center = recent.mean()  # a plain z-score: mean and standard deviation are good enough
        scale = max(recent.std(), self.min_scale)
        score = abs(value - center) / scale
        is_anomaly = score > self.threshold
        if not is_anomaly:
            self.history.append(value)
        return StreamResult(score=float(score), is_anomaly=bool(is_anomaly))

    def run(self, values) -> list:
        """Feed every value in order; return the list of results."""
        return [self.update(v) for v in values]
