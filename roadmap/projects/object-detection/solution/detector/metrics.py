"""Detection metrics: average precision per class and mAP@0.5 (NumPy only).

Milestone 2.

``predictions`` and ``ground_truths`` are lists with one entry per image, in the same order:

- a prediction is ``{"boxes": [K, 4], "scores": [K], "labels": [K]}``,
- a ground truth is ``{"boxes": [G, 4], "labels": [G]}``.

An image may have no boxes at all (arrays of shape ``[0, 4]`` and ``[0]``).

The rules (those of PASCAL VOC, with COCO's handling of ties):

- per class, all detections of all images are ranked by score, highest first; equal scores
  keep the order of the input (image by image, box by box);
- going down the ranking, a detection is a true positive when the ground-truth box of its
  class in its image that it overlaps most has IoU >= ``iou_threshold`` and was not matched
  by a higher-ranked detection; otherwise it is a false positive;
- AP is the area under the interpolated precision-recall curve (every point, no 11-point
  sampling); mAP is the mean AP over the classes that have ground truth.
"""
from __future__ import annotations

import numpy as np

from .boxes import box_iou


def average_precision(recall: np.ndarray, precision: np.ndarray) -> float:
    """Area under a precision-recall curve, VOC style ("all points", interpolated)."""
    recall = np.asarray(recall, dtype=np.float64)
    precision = np.asarray(precision, dtype=np.float64)
    if recall.size == 0:
        return 0.0
    r = np.concatenate([[0.0], recall])
    p = np.concatenate([precision, [0.0]])
    p = np.maximum.accumulate(p[::-1])[::-1][:-1]
    return float(np.sum((r[1:] - r[:-1]) * p))


def match_class(predictions, ground_truths, cls: int, iou_threshold: float = 0.5):
    """True/false positive flags of every detection of class ``cls``, best score first.

    Returns ``(tp [K] bool, scores [K], n_gt)``.
    """
    entries = []  # (score, image index, box)
    for i, pred in enumerate(predictions):
        labels = np.asarray(pred["labels"]).reshape(-1)
        boxes = np.asarray(pred["boxes"], dtype=np.float64).reshape(-1, 4)
        scores = np.asarray(pred["scores"], dtype=np.float64).reshape(-1)
        for k in np.nonzero(labels == cls)[0]:
            entries.append((scores[k], i, boxes[k]))
    gts = []
    n_gt = 0
    for gt in ground_truths:
        labels = np.asarray(gt["labels"]).reshape(-1)
        boxes = np.asarray(gt["boxes"], dtype=np.float64).reshape(-1, 4)[labels == cls]
        gts.append(boxes)
        n_gt += len(boxes)
    order = np.argsort(-np.array([e[0] for e in entries]), kind="stable")
    taken = [np.zeros(len(b), dtype=bool) for b in gts]
    tp = np.zeros(len(entries), dtype=bool)
    for rank, k in enumerate(order):
        score, i, box = entries[k]
        if len(gts[i]) == 0:
            continue
        ious = box_iou(box[None], gts[i])[0]
        best = int(np.argmax(ious))
        if ious[best] >= iou_threshold and not taken[i][best]:
            taken[i][best] = True
            tp[rank] = True
    scores = np.array([entries[k][0] for k in order], dtype=np.float64)
    return tp, scores, n_gt


def mean_average_precision(predictions, ground_truths, num_classes: int, iou_threshold: float = 0.5) -> dict:
    """mAP over the classes that have at least one ground-truth box.

    Returns ``{"map": float, "ap": [AP of class 0, ...]}``, where a class without any ground
    truth has AP ``nan`` and is left out of the mean.
    """
    if len(predictions) != len(ground_truths):
        raise ValueError("one prediction entry per image is needed")
    aps = []
    for c in range(num_classes):
        tp, _, n_gt = match_class(predictions, ground_truths, c, iou_threshold)
        if n_gt == 0:
            aps.append(float("nan"))
            continue
        tp_cum = np.cumsum(tp)
        fp_cum = np.cumsum(~tp)
        recall = tp_cum / n_gt
        precision = tp_cum / np.maximum(tp_cum + fp_cum, 1)
        aps.append(average_precision(recall, precision))
    valid = [a for a in aps if not np.isnan(a)]
    return {"map": float(np.mean(valid)) if valid else 0.0, "ap": aps}
