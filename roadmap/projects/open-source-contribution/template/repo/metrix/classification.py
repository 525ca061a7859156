"""Metrics for classifiers that output labels."""

import numpy as np

from ._validation import check_targets


def accuracy_score(y_true, y_pred, *, normalize=True):
    """Fraction (or number) of correctly classified samples.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        The true labels.
    y_pred : array-like of shape (n_samples,)
        The predicted labels.
    normalize : bool, default=True
        If True, return the fraction of correct predictions, otherwise their number.

    Returns
    -------
    score : float or int
        The fraction of correct predictions in [0, 1], or their count if ``normalize``
        is False.

    Examples
    --------
    >>> from metrix import accuracy_score
    >>> accuracy_score([0, 1, 2, 2], [0, 2, 2, 2])
    0.75
    >>> accuracy_score([0, 1, 2, 2], [0, 2, 2, 2], normalize=False)
    3
    """
    y_true, y_pred = check_targets(y_true, y_pred)
    correct = int(np.sum(y_true == y_pred))
    return correct / len(y_true) if normalize else correct


def confusion_matrix(y_true, y_pred, *, labels=None):
    """Confusion matrix: entry ``[i, j]`` counts samples of class ``labels[i]`` predicted
    as ``labels[j]``.

    Parameters
    ----------
    y_true, y_pred : array-like of shape (n_samples,)
        True and predicted labels.
    labels : array-like, default=None
        The classes, in the order of the rows and columns. By default, the sorted union of
        the labels in ``y_true`` and ``y_pred``.

    Returns
    -------
    matrix : ndarray of shape (n_classes, n_classes), dtype int

    Examples
    --------
    >>> from metrix import confusion_matrix
    >>> confusion_matrix([0, 1, 1, 2], [0, 1, 2, 2])
    array([[1, 0, 0],
           [0, 1, 1],
           [0, 0, 1]])
    """
    y_true, y_pred = check_targets(y_true, y_pred)
    if labels is None:
        labels = np.union1d(y_true, y_pred)
    labels = np.asarray(labels)
    index = {label: i for i, label in enumerate(labels.tolist())}
    matrix = np.zeros((len(labels), len(labels)), dtype=int)
    for t, p in zip(y_true.tolist(), y_pred.tolist()):
        if t in index and p in index:
            matrix[index[t], index[p]] += 1
    return matrix


def precision_recall_fscore(y_true, y_pred, *, average="macro"):
    """Precision, recall and F1 score.

    Parameters
    ----------
    y_true, y_pred : array-like of shape (n_samples,)
        True and predicted labels.
    average : {"macro", "micro"}, default="macro"
        "macro" averages the per-class scores with equal weight; "micro" computes the
        scores from the total counts. A class with no predicted (or no true) sample has a
        precision (or recall) of 0.

    Returns
    -------
    precision, recall, f1 : float

    Examples
    --------
    >>> from metrix import precision_recall_fscore
    >>> p, r, f = precision_recall_fscore([0, 0, 1, 1], [0, 1, 1, 1])
    >>> round(p, 3), round(r, 3), round(f, 3)
    (0.833, 0.75, 0.733)
    """
    matrix = confusion_matrix(y_true, y_pred)
    tp = np.diag(matrix).astype(float)
    predicted = matrix.sum(axis=0).astype(float)
    actual = matrix.sum(axis=1).astype(float)
    if average == "micro":
        tp, predicted, actual = tp.sum(), predicted.sum(), actual.sum()
    elif average != "macro":
        raise ValueError(f"average must be 'macro' or 'micro', got {average!r}")
    precision = np.divide(tp, predicted, out=np.zeros_like(tp), where=predicted > 0)
    recall = np.divide(tp, actual, out=np.zeros_like(tp), where=actual > 0)
    total = precision + recall
    f1 = np.divide(2 * precision * recall, total, out=np.zeros_like(total), where=total > 0)
    return float(np.mean(precision)), float(np.mean(recall)), float(np.mean(f1))
