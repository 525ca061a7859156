"""Segmentation and screening metrics: Dice, IoU, sensitivity, specificity, operating point.

Milestone 2 (Dice and IoU are used again in milestone 3).
"""
from __future__ import annotations

import numpy as np


def dice(pred: np.ndarray, truth: np.ndarray) -> float:
    """Dice coefficient 2|A∩B| / (|A| + |B|) of two boolean masks of the same shape.

    Two empty masks agree perfectly: Dice 1.
    """
    # TODO: count the pixels of each mask and of their overlap; mind two empty masks.
    raise NotImplementedError("TODO: dice")


def iou(pred: np.ndarray, truth: np.ndarray) -> float:
    """Intersection over union |A∩B| / |A∪B| of two boolean masks; two empty masks give 1."""
    # TODO: overlap over union; mind two empty masks.
    raise NotImplementedError("TODO: iou")


def sensitivity_specificity(labels: np.ndarray, scores: np.ndarray, threshold: float):
    """``(sensitivity, specificity)`` when every score >= ``threshold`` is called positive.

    Sensitivity is the fraction of positives called positive, specificity the fraction of
    negatives called negative. A class that is absent gives ``nan`` for its rate.
    """
    # TODO: call positive where score >= threshold; count the four cases.
    raise NotImplementedError("TODO: sensitivity_specificity")


def roc_auc(labels: np.ndarray, scores: np.ndarray) -> float:
    """Area under the ROC curve: the probability that a random positive scores higher than a
    random negative, ties counting one half. ``nan`` when one class is absent."""
    # TODO: compare every positive score with every negative one (or use ranks).
    raise NotImplementedError("TODO: roc_auc")


def choose_threshold(labels: np.ndarray, scores: np.ndarray, min_sensitivity: float = 0.95) -> float:
    """The highest threshold whose sensitivity on (validation) data is at least ``min_sensitivity``.

    Candidates are the scores themselves. A screening test must not miss disease, so the
    operating point is chosen for sensitivity first, and the highest such threshold gives
    the best specificity that sensitivity allows.
    """
    # TODO: try the distinct scores from the highest down; stop at the first that is sensitive enough.
    raise NotImplementedError("TODO: choose_threshold")
