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
    a = np.asarray(a, dtype=np.float64).reshape(-1, 4)
    b = np.asarray(b, dtype=np.float64).reshape(-1, 4)
    top_left = np.maximum(a[:, None, :2], b[None, :, :2])
    bottom_right = np.minimum(a[:, None, 2:], b[None, :, 2:])
    wh = np.clip(bottom_right - top_left, 0, None)
    inter = wh[..., 0] * wh[..., 1]
    union = box_area(a)[:, None] + box_area(b)[None, :] - inter
    return np.where(union > 0, inter / np.where(union > 0, union, 1), 0.0)


def nms(boxes: np.ndarray, scores: np.ndarray, iou_threshold: float = 0.5) -> np.ndarray:
    """Greedy non-maximum suppression; returns the indices of the kept boxes, best first.

    Take the highest-scoring box that is left, keep it, and drop every remaining box whose
    IoU with it is greater than ``iou_threshold``; repeat. Equal scores are taken in index
    order (the lower index first). Returns an ``int64`` array (empty if there are no boxes).
    """
    boxes = np.asarray(boxes, dtype=np.float64).reshape(-1, 4)
    scores = np.asarray(scores, dtype=np.float64).reshape(-1)
    order = np.argsort(-scores, kind="stable")
    keep = []
    while order.size:
        best = order[0]
        keep.append(best)
        if order.size == 1:
            break
        overlap = box_iou(boxes[best:best + 1], boxes[order[1:]])[0]
        order = order[1:][overlap <= iou_threshold]
    return np.array(keep, dtype=np.int64)


def batched_nms(boxes: np.ndarray, scores: np.ndarray, labels: np.ndarray,
                iou_threshold: float = 0.5) -> np.ndarray:
    """NMS within each class separately: a box never suppresses a box of another class.

    Returns the kept indices sorted by score, best first (ties in index order).
    """
    boxes = np.asarray(boxes, dtype=np.float64).reshape(-1, 4)
    scores = np.asarray(scores, dtype=np.float64).reshape(-1)
    labels = np.asarray(labels).reshape(-1)
    keep = []
    for c in np.unique(labels):
        idx = np.nonzero(labels == c)[0]
        keep.extend(idx[nms(boxes[idx], scores[idx], iou_threshold)])
    keep = np.array(keep, dtype=np.int64)
    if keep.size == 0:
        return keep
    order = np.lexsort((keep, -scores[keep]))
    return keep[order]
