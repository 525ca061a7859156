"""How good is a detector? Metrics that work when anomalies are rare.

Milestone 1. Fill in the three functions marked TODO.
"""
from __future__ import annotations

import numpy as np  # noqa: F401
from sklearn.metrics import (  # noqa: F401
    average_precision_score,
    f1_score,
    precision_score,
    recall_score,
    roc_auc_score,
)


def precision_at_k(y_true, scores, k: int) -> float:
    """Fraction of true anomalies among the ``k`` rows with the highest scores."""
    # TODO: sort the rows by score (highest first), keep k, average their labels.
    raise NotImplementedError("TODO: precision among the k highest scores")


def evaluate(y_true, scores, flags=None) -> dict:
    """Metrics of one detector on labelled data. Higher ``scores`` = more anomalous.

    Always return ``roc_auc``, ``average_precision`` and ``precision_at_k`` (with k = the
    number of true anomalies). When ``flags`` (0/1 decisions) are given, also add
    ``precision``, ``recall`` and ``f1`` of those decisions.
    """
    # TODO: use sklearn.metrics; return plain floats in a dict.
    raise NotImplementedError("TODO: compute the detection metrics")


def best_f1_threshold(y_true, scores) -> tuple:
    """The threshold to flag at, chosen on LABELLED VALIDATION rows (never on the test rows).

    Try every distinct value of ``scores`` as a threshold t (flag the rows with score >= t) and
    return ``(t, f1)`` for the t with the highest F1; on a tie, the highest such t (fewer
    alarms for the same F1).
    """
    # TODO: loop over the candidate thresholds, keep the best (t, f1).
    raise NotImplementedError("TODO: the threshold with the best F1 on validation rows")
