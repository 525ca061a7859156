"""Liveness: does a short clip show a live face, or a replayed picture?

Milestone 5. A photo or a frozen video frame held to the camera does not blink, look around
or move its mouth: from one frame to the next, once the whole picture is aligned, only
sensor noise changes. A live face always changes somewhere (eyes, mouth, pose), in a few
places, by far more than the noise.
"""
from __future__ import annotations

import numpy as np

LIVENESS_THRESHOLD = 3.5
MAX_SHIFT = 4


def best_shift(a: np.ndarray, b: np.ndarray, max_shift: int = MAX_SHIFT):
    """The whole-pixel shift ``(dy, dx)`` that best aligns ``b`` onto ``a``.

    Tries every shift with ``|dy|, |dx| <= max_shift`` and keeps the one with the smallest
    mean absolute difference between ``a`` and ``b`` moved by it (``np.roll(b, (dy, dx),
    axis=(0, 1))``), compared over the inner region ``[max_shift:-max_shift]`` in both
    directions. Ties: the first in the order ``dy`` then ``dx``, each from ``-max_shift`` up.
    Returns ``(dy, dx, residual)`` with ``residual`` the absolute difference image of that
    inner region (float).
    """
    a = np.asarray(a, dtype=np.float32)
    b = np.asarray(b, dtype=np.float32)
    m = max_shift
    inner = (slice(m, a.shape[0] - m), slice(m, a.shape[1] - m))
    best = None
    for dy in range(-m, m + 1):
        for dx in range(-m, m + 1):
            r = np.abs(np.roll(b, (dy, dx), axis=(0, 1))[inner] - a[inner])
            score = float(r.mean())
            if best is None or score < best[0]:
                best = (score, dy, dx, r)
    return best[1], best[2], best[3]


def liveness_score(frames: np.ndarray, max_shift: int = MAX_SHIFT) -> float:
    """How much more than noise changes between aligned frames (larger = more alive).

    For each pair of consecutive frames: align them with ``best_shift``, then compare the
    99th percentile of the residual with the noise level, estimated robustly as
    ``1.4826 * median(residual) + 1``. The score is the largest of these ratios over the
    pairs (one blink is enough).
    """
    ratios = []
    for a, b in zip(frames[:-1], frames[1:]):
        _, _, r = best_shift(a, b, max_shift)
        ratios.append(float(np.percentile(r, 99) / (1.4826 * np.median(r) + 1.0)))
    return max(ratios) if ratios else 0.0


def is_live(frames: np.ndarray, threshold: float = LIVENESS_THRESHOLD) -> bool:
    """A clip of at least 2 frames is live when its ``liveness_score`` exceeds ``threshold``."""
    frames = np.asarray(frames)
    return len(frames) >= 2 and liveness_score(frames) > threshold
