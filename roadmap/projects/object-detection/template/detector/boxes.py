"""Box geometry: areas, pairwise IoU and non-maximum suppression (NumPy only).

Milestone 1. Boxes are float arrays of shape ``[N, 4]`` holding ``x1, y1, x2, y2`` in pixels.
Write these with NumPy yourself: the checks block torchvision while they run.
"""
from __future__ import annotations

import numpy as np


def box_area(boxes: np.ndarray) -> np.ndarray:
    """Area of every box, ``[N]``; a box with ``x2 < x1`` or ``y2 < y1`` has area 0. (Given.)"""
    boxes = np.asarray(boxes, dtype=np.float64).reshape(-1, 4)
    return np.clip(boxes[:, 2] - boxes[:, 0], 0, None) * np.clip(boxes[:, 3] - boxes[:, 1], 0, None)


def box_iou(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Pairwise intersection over union, ``[N, M]``.

    ``iou[i, j]`` is the IoU of ``a[i]`` and ``b[j]``. Boxes that do not overlap, and pairs
    whose union is empty, have IoU 0. Either input may hold no boxes.
    """
    # TODO: compute every intersection at once with broadcasting (a[:, None] against
    #       b[None, :]), then divide by the union without ever dividing by zero.
    raise NotImplementedError("TODO: box_iou")


def nms(boxes: np.ndarray, scores: np.ndarray, iou_threshold: float = 0.5) -> np.ndarray:
    """Greedy non-maximum suppression; returns the indices of the kept boxes, best first.

    Take the highest-scoring box that is left, keep it, and drop every remaining box whose
    IoU with it is greater than ``iou_threshold``; repeat. Equal scores are taken in index
    order (the lower index first). Returns an ``int64`` array (empty if there are no boxes).
    """
    # TODO: sort once by score, then loop: keep the first index, drop the ones it overlaps.
    raise NotImplementedError("TODO: nms")


def batched_nms(boxes: np.ndarray, scores: np.ndarray, labels: np.ndarray,
                iou_threshold: float = 0.5) -> np.ndarray:
    """NMS within each class separately: a box never suppresses a box of another class.

    Returns the kept indices sorted by score, best first (ties in index order).
    """
    # TODO: run your nms on each class's boxes, map the kept positions back to indices of
    #       the full arrays, and sort the union by score.
    raise NotImplementedError("TODO: batched_nms")
