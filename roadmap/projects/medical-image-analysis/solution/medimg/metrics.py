"""Segmentation and screening metrics: Dice, IoU, sensitivity, specificity, operating point.

Milestone 2 (Dice and IoU are used again in milestone 3).
"""
from __future__ import annotations

import numpy as np


def dice(pred: np.ndarray, truth: np.ndarray) -> float:
    """Dice coefficient 2|A∩B| / (|A| + |B|) of two boolean masks of the same shape.

    Two empty masks agree perfectly: Dice 1.
    """
    pred = np.asarray(pred, dtype=bool)
    truth = np.asarray(truth, dtype=bool)
    if pred.shape != truth.shape:
        raise ValueError(f"shapes differ: {pred.shape} vs {truth.shape}")
    total = pred.sum() + truth.sum()
    if total == 0:
        return 1.0
    return float(2.0 * np.logical_and(pred, truth).sum() / total)


def iou(pred: np.ndarray, truth: np.ndarray) -> float:
    """Intersection over union |A∩B| / |A∪B| of two boolean masks; two empty masks give 1."""
    pred = np.asarray(pred, dtype=bool)
    truth = np.asarray(truth, dtype=bool)
    if pred.shape != truth.shape:
        raise ValueError(f"shapes differ: {pred.shape} vs {truth.shape}")
    union = np.logical_or(pred, truth).sum()
    if union == 0:
        return 1.0
    return float(np.logical_and(pred, truth).sum() / union)


def sensitivity_specificity(labels: np.ndarray, scores: np.ndarray, threshold: float):
    """``(sensitivity, specificity)`` when every score >= ``threshold`` is called positive.

    Sensitivity is the fraction of positives called positive, specificity the fraction of
    negatives called negative. A class that is absent gives ``nan`` for its rate.
    """
    labels = np.asarray(labels).astype(bool)
    called = np.asarray(scores) >= threshold
    pos, neg = labels.sum(), (~labels).sum()
    sens = float((called & labels).sum() / pos) if pos else float("nan")
    spec = float((~called & ~labels).sum() / neg) if neg else float("nan")
    return sens, spec


def roc_auc(labels: np.ndarray, scores: np.ndarray) -> float:
    """Area under the ROC curve: the probability that a random positive scores higher than a
    random negative, ties counting one half. ``nan`` when one class is absent."""
    labels = np.asarray(labels).astype(bool)
    scores = np.asarray(scores, dtype=np.float64)
    pos, neg = scores[labels], scores[~labels]
    if len(pos) == 0 or len(neg) == 0:
        return float("nan")
    order = np.argsort(scores, kind="mergesort")
    ranks = np.empty(len(scores))
    sorted_scores = scores[order]
    i = 0
    while i < len(scores):  # average ranks (1-based) over ties
        j = i
        while j + 1 < len(scores) and sorted_scores[j + 1] == sorted_scores[i]:
            j += 1
        ranks[order[i:j + 1]] = (i + j) / 2 + 1
        i = j + 1
    u = ranks[labels].sum() - len(pos) * (len(pos) + 1) / 2
    return float(u / (len(pos) * len(neg)))


def choose_threshold(labels: np.ndarray, scores: np.ndarray, min_sensitivity: float = 0.95) -> float:
    """The highest threshold whose sensitivity on (validation) data is at least ``min_sensitivity``.

    Candidates are the scores themselves. A screening test must not miss disease, so the
    operating point is chosen for sensitivity first, and the highest such threshold gives
    the best specificity that sensitivity allows.
    """
    labels = np.asarray(labels).astype(bool)
    scores = np.asarray(scores, dtype=np.float64)
    best = float(scores.min()) if len(scores) else 0.5
    for t in np.unique(scores)[::-1]:  # from the highest score down
        sens, _ = sensitivity_specificity(labels, scores, t)
        if sens >= min_sensitivity:
            best = float(t)
            break
    return best
