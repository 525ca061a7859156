"""Metrics for classifiers that output scores."""

import numpy as np

from ._validation import check_consistent_length, column_or_1d


def roc_auc_score(y_true, y_score):
    """Area under the ROC curve of a binary classifier.

    The AUC is the probability that a randomly chosen positive sample gets a higher score
    than a randomly chosen negative one. It is computed from the ranks of the scores (the
    Mann-Whitney U statistic), in O(n log n).

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        True labels, 0 (negative) or 1 (positive).
    y_score : array-like of shape (n_samples,)
        Scores: higher means more likely positive (probabilities or decision values).

    Returns
    -------
    auc : float
        0.5 for a random ranking, 1.0 for a perfect one.

    Examples
    --------
    >>> from metrix import roc_auc_score
    >>> roc_auc_score([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])
    0.75
    """
    y_true = column_or_1d(y_true, "y_true")
    y_score = column_or_1d(y_score, "y_score").astype(float)
    check_consistent_length(y_true, y_score)
    if not np.isin(y_true, [0, 1]).all():
        raise ValueError("y_true must contain only 0 and 1")
    positive = y_true == 1
    n_pos = int(positive.sum())
    n_neg = len(y_true) - n_pos
    if n_pos == 0 or n_neg == 0:
        raise ValueError("roc_auc_score needs both classes in y_true")
    # Tied scores share the average of the ranks they span, so a tie between a positive and a
    # negative counts one half (#142).
    _, inverse, counts = np.unique(y_score, return_inverse=True, return_counts=True)
    ends = np.cumsum(counts)
    ranks = (ends - (counts - 1) / 2)[inverse]
    u = ranks[positive].sum() - n_pos * (n_pos + 1) / 2
    return float(u / (n_pos * n_neg))
