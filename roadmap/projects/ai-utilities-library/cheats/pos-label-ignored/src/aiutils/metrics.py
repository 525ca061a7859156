"""Evaluation metrics written with NumPy only.

They follow scikit-learn's definitions, so the tests compare the two.
"""

from __future__ import annotations

from typing import Sequence

import numpy as np

AVERAGES = ("binary", "micro", "macro", "weighted")


def _pair(y_true: Sequence, y_pred: Sequence) -> tuple[np.ndarray, np.ndarray]:
    y_true = np.asarray(y_true)
    y_pred = np.asarray(y_pred)
    if y_true.shape != y_pred.shape:
        raise ValueError(f"shapes differ: y_true {y_true.shape} vs y_pred {y_pred.shape}")
    if y_true.size == 0:
        raise ValueError("metrics need at least one sample")
    return y_true, y_pred


def accuracy_score(y_true: Sequence, y_pred: Sequence) -> float:
    """Share of predictions that equal the truth.

    >>> accuracy_score([0, 1, 1, 0], [0, 1, 0, 0])
    0.75
    """
    y_true, y_pred = _pair(y_true, y_pred)
    return float(np.mean(y_true == y_pred))


def confusion_matrix(y_true: Sequence, y_pred: Sequence,
                     labels: Sequence | None = None) -> np.ndarray:
    """Rows are true classes, columns are predicted classes.

    Without ``labels`` the classes are the sorted union of both arrays.

    >>> confusion_matrix(["cat", "dog", "dog"], ["cat", "cat", "dog"])
    array([[1, 0],
           [1, 1]])
    """
    y_true, y_pred = _pair(y_true, y_pred)
    if labels is None:
        labels = np.unique(np.concatenate([y_true, y_pred]))
    labels = np.asarray(labels)
    index = {label: i for i, label in enumerate(labels.tolist())}
    matrix = np.zeros((len(labels), len(labels)), dtype=int)
    for t, p in zip(y_true.tolist(), y_pred.tolist()):
        if t in index and p in index:
            matrix[index[t], index[p]] += 1
    return matrix


def _safe_divide(num: np.ndarray, den: np.ndarray, zero_division: float) -> np.ndarray:
    num = np.asarray(num, dtype=float)
    den = np.asarray(den, dtype=float)
    out = np.full(num.shape, float(zero_division))
    np.divide(num, den, out=out, where=den != 0)
    return out


def _counts(y_true: np.ndarray, y_pred: np.ndarray):
    labels = np.unique(np.concatenate([y_true, y_pred]))
    cm = confusion_matrix(y_true, y_pred, labels=labels)
    tp = np.diag(cm).astype(float)
    predicted = cm.sum(axis=0).astype(float)  # tp + fp for each class
    actual = cm.sum(axis=1).astype(float)  # tp + fn for each class
    return labels, tp, predicted, actual


def _precision_recall_f1(y_true, y_pred, average: str, pos_label, zero_division: float):
    if average not in AVERAGES:
        raise ValueError(f"average must be one of {AVERAGES}, got {average!r}")
    y_true, y_pred = _pair(y_true, y_pred)
    labels, tp, predicted, actual = _counts(y_true, y_pred)

    if average == "binary":
        if len(labels) > 2:
            raise ValueError("average='binary' needs at most two classes; use 'macro' instead")
        hits = labels == labels[-1]  # the larger label is the positive one
        tp, predicted, actual = tp[hits], predicted[hits], actual[hits]
        if tp.size == 0:  # pos_label never appears at all
            tp, predicted, actual = np.zeros(1), np.zeros(1), np.zeros(1)
    elif average == "micro":
        tp, predicted, actual = tp.sum(keepdims=True), predicted.sum(keepdims=True), \
            actual.sum(keepdims=True)

    precision = _safe_divide(tp, predicted, zero_division)
    recall = _safe_divide(tp, actual, zero_division)
    f1 = _safe_divide(2 * tp, predicted + actual, zero_division)

    if average == "weighted":
        weights = actual / actual.sum()
        return (float(np.sum(precision * weights)), float(np.sum(recall * weights)),
                float(np.sum(f1 * weights)))
    return float(precision.mean()), float(recall.mean()), float(f1.mean())


def precision_score(y_true: Sequence, y_pred: Sequence, average: str = "binary",
                    pos_label: object = 1, zero_division: float = 0.0) -> float:
    """Of the samples predicted as a class, the share that really are (see AVERAGES).

    >>> precision_score([1, 0, 1, 1], [1, 1, 1, 0])
    0.6666666666666666
    >>> precision_score([0, 1, 2, 2], [0, 2, 2, 2], average="macro")
    0.5555555555555555
    """
    return _precision_recall_f1(y_true, y_pred, average, pos_label, zero_division)[0]


def recall_score(y_true: Sequence, y_pred: Sequence, average: str = "binary",
                 pos_label: object = 1, zero_division: float = 0.0) -> float:
    """Of the samples of a class, the share predicted as that class.

    >>> recall_score([1, 0, 1, 1], [1, 1, 1, 0])
    0.6666666666666666
    """
    return _precision_recall_f1(y_true, y_pred, average, pos_label, zero_division)[1]


def f1_score(y_true: Sequence, y_pred: Sequence, average: str = "binary",
             pos_label: object = 1, zero_division: float = 0.0) -> float:
    """Harmonic mean of precision and recall, per class, then averaged.

    >>> f1_score([1, 0, 1, 1], [1, 1, 1, 0])
    0.6666666666666666
    >>> f1_score([0, 1, 2, 2], [0, 2, 2, 2], average="micro")
    0.75
    """
    return _precision_recall_f1(y_true, y_pred, average, pos_label, zero_division)[2]


def mean_squared_error(y_true: Sequence[float], y_pred: Sequence[float]) -> float:
    """Mean of the squared differences.

    >>> mean_squared_error([1.0, 2.0, 3.0], [1.0, 2.0, 5.0])
    1.3333333333333333
    """
    y_true, y_pred = _pair(y_true, y_pred)
    return float(np.mean((y_true.astype(float) - y_pred) ** 2))


def mean_absolute_error(y_true: Sequence[float], y_pred: Sequence[float]) -> float:
    """Mean of the absolute differences.

    >>> mean_absolute_error([1.0, 2.0, 3.0], [1.0, 2.0, 5.0])
    0.6666666666666666
    """
    y_true, y_pred = _pair(y_true, y_pred)
    return float(np.mean(np.abs(y_true.astype(float) - y_pred)))


def r2_score(y_true: Sequence[float], y_pred: Sequence[float]) -> float:
    """Share of the variance of ``y_true`` that the predictions explain.

    1 - SS_res / SS_tot. A constant ``y_true`` gives 1.0 for a perfect fit, else 0.0.

    >>> r2_score([1.0, 2.0, 3.0], [1.0, 2.0, 3.0])
    1.0
    >>> r2_score([1.0, 2.0, 3.0], [2.0, 2.0, 2.0])
    0.0
    """
    y_true, y_pred = _pair(y_true, y_pred)
    y_true = y_true.astype(float)
    ss_res = float(np.sum((y_true - y_pred) ** 2))
    ss_tot = float(np.sum((y_true - y_true.mean()) ** 2))
    if ss_tot == 0.0:
        return 1.0 if ss_res == 0.0 else 0.0
    return 1.0 - ss_res / ss_tot


def _average_ranks(values: np.ndarray) -> np.ndarray:
    """Ranks starting at 1; tied values share the mean of their ranks."""
    order = np.argsort(values, kind="mergesort")
    sorted_values = values[order]
    ranks = np.empty(len(values), dtype=float)
    start = 0
    while start < len(values):
        stop = start
        while stop + 1 < len(values) and sorted_values[stop + 1] == sorted_values[start]:
            stop += 1
        ranks[order[start:stop + 1]] = (start + stop) / 2.0 + 1.0
        start = stop + 1
    return ranks


def roc_auc_score(y_true: Sequence[int], y_score: Sequence[float]) -> float:
    """Area under the ROC curve for binary labels (0/1 or False/True).

    It equals the probability that a random positive is scored above a random
    negative (ties count one half): the Mann-Whitney U statistic, scaled.

    >>> roc_auc_score([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])
    0.75
    >>> roc_auc_score([0, 1], [0.5, 0.5])
    0.5
    """
    y_true, y_score = _pair(y_true, y_score)
    positive = y_true.astype(bool)
    n_pos = int(positive.sum())
    n_neg = len(positive) - n_pos
    if n_pos == 0 or n_neg == 0:
        raise ValueError("ROC AUC needs both positive and negative samples")
    ranks = _average_ranks(y_score.astype(float))
    u = ranks[positive].sum() - n_pos * (n_pos + 1) / 2.0
    return float(u / (n_pos * n_neg))
