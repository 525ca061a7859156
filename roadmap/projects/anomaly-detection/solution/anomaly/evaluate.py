"""How good is a detector? Metrics that work with rare positives."""
from __future__ import annotations

import numpy as np
from sklearn.metrics import average_precision_score, f1_score, precision_score, recall_score, roc_auc_score


def precision_at_k(y_true, scores, k: int) -> float:
    """Fraction of true anomalies among the ``k`` rows with the highest scores."""
    y_true = np.asarray(y_true)
    top = np.argsort(-np.asarray(scores, dtype=float), kind="stable")[:k]
    return float(y_true[top].mean())


def evaluate(y_true, scores, flags=None) -> dict:
    """Metrics of one detector on labelled data.

    Always: ``roc_auc``, ``average_precision`` and ``precision_at_k`` with k = the number of
    true anomalies. When ``flags`` (0/1 decisions) are given, also ``precision``, ``recall``
    and ``f1`` of those decisions.
    """
    y_true = np.asarray(y_true).astype(int)
    scores = np.asarray(scores, dtype=float)
    result = {
        "roc_auc": float(roc_auc_score(y_true, scores)),
        "average_precision": float(average_precision_score(y_true, scores)),
        "precision_at_k": precision_at_k(y_true, scores, int(y_true.sum())),
    }
    if flags is not None:
        flags = np.asarray(flags).astype(int)
        result["precision"] = float(precision_score(y_true, flags, zero_division=0))
        result["recall"] = float(recall_score(y_true, flags, zero_division=0))
        result["f1"] = float(f1_score(y_true, flags, zero_division=0))
    return result


def best_f1_threshold(y_true, scores) -> tuple:
    """The threshold to flag at, chosen on LABELLED VALIDATION rows (never on the test rows).

    Try every distinct value of ``scores`` as a threshold t (flag the rows with score >= t) and
    return ``(t, f1)`` for the t with the highest F1; on a tie, the highest such t (fewer
    alarms for the same F1).
    """
    y_true = np.asarray(y_true).astype(int)
    scores = np.asarray(scores, dtype=float)
    best = (None, -1.0)
    for t in np.unique(scores)[::-1]:  # highest threshold first, so ties keep the higher one
        f1 = float(f1_score(y_true, (scores >= t).astype(int), zero_division=0))
        if f1 > best[1]:
            best = (float(t), f1)
    return best
