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
    # TODO: two loops over the shifts; np.roll, compare the inner region, keep the best.
    raise NotImplementedError("TODO: best_shift")


def liveness_score(frames: np.ndarray, max_shift: int = MAX_SHIFT) -> float:
    """How much more than noise changes between aligned frames (larger = more alive).

    For each pair of consecutive frames: align them with ``best_shift``, then compare the
    99th percentile of the residual with the noise level, estimated robustly as
    ``1.4826 * median(residual) + 1``. The score is the largest of these ratios over the
    pairs (one blink is enough).
    """
    # TODO: loop over consecutive pairs, align, compare a high percentile of the residual
    #       with the noise level, keep the largest ratio.
    raise NotImplementedError("TODO: liveness_score")


def is_live(frames: np.ndarray, threshold: float = LIVENESS_THRESHOLD) -> bool:
    """A clip of at least 2 frames is live when its ``liveness_score`` exceeds ``threshold``."""
    # TODO
    raise NotImplementedError("TODO: is_live")
