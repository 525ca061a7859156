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

from .boxes import box_iou  # noqa: F401


def average_precision(recall: np.ndarray, precision: np.ndarray) -> float:
    """Area under a precision-recall curve, VOC style ("all points", interpolated).

    ``recall`` and ``precision`` are the values after each detection in rank order. Empty
    arrays (no detections) give 0.
    """
    # TODO: make precision monotone (the best precision at this recall or beyond), then sum
    #       the rectangles between consecutive recall values.
    raise NotImplementedError("TODO: average_precision")


def match_class(predictions, ground_truths, cls: int, iou_threshold: float = 0.5):
    """True/false positive flags of every detection of class ``cls``, best score first.

    Returns ``(tp [K] bool, scores [K], n_gt)`` where ``n_gt`` counts the ground-truth boxes
    of class ``cls`` over all images.
    """
    # TODO: gather this class's detections from every image with their image index, rank
    #       them (a stable sort), and match each against its own image's ground truth.
    raise NotImplementedError("TODO: match_class")


def mean_average_precision(predictions, ground_truths, num_classes: int, iou_threshold: float = 0.5) -> dict:
    """mAP over the classes that have at least one ground-truth box.

    Returns ``{"map": float, "ap": [AP of class 0, ...]}``, where a class without any ground
    truth has AP ``nan`` and is left out of the mean.
    """
    # TODO: for each class: match, accumulate TP and FP counts, turn them into recall and
    #       precision, and call average_precision.
    raise NotImplementedError("TODO: mean_average_precision")
