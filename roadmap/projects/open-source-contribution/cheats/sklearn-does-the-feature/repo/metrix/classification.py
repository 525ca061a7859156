"""Metrics for classifiers that output labels."""

import numpy as np

from ._validation import check_consistent_length, check_targets, column_or_1d


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


def top_k_accuracy_score(y_true, y_score, *, k=2, normalize=True):
    """Fraction (or number) of samples whose true class is among the ``k`` best scored.

    A sample counts as correct when its true class is one of the ``k`` classes with the
    highest scores. ``k=1`` is the accuracy of the arg-max; ``k=n_classes`` is always 1.0.
    Ties between scores are broken in favour of the lower class index.

    .. versionadded:: 0.4

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        The true classes, integers in ``0 .. n_classes - 1``.
    y_score : array-like of shape (n_samples, n_classes)
        The scores; column ``j`` is the score of class ``j``, higher means more likely.
    k : int, default=2
        The number of best-scored classes that count, in ``1 .. n_classes``.
    normalize : bool, default=True
        If True, return the fraction of correct samples, otherwise their number.

    Returns
    -------
    score : float or int
        The fraction of correct samples in [0, 1], or their count if ``normalize`` is False.

    Raises
    ------
    ValueError
        If ``y_score`` is not 2-D, has a number of rows different from ``len(y_true)``, or
        ``k`` is not in ``1 .. n_classes``.

    Examples
    --------
    >>> from metrix import top_k_accuracy_score
    >>> y_true = [0, 1, 2, 2]
    >>> y_score = [[0.5, 0.3, 0.2], [0.1, 0.2, 0.7], [0.2, 0.3, 0.5], [0.6, 0.3, 0.1]]
    >>> top_k_accuracy_score(y_true, y_score, k=1)
    0.5
    >>> top_k_accuracy_score(y_true, y_score, k=2)
    0.75
    >>> top_k_accuracy_score(y_true, y_score, k=2, normalize=False)
    3
    """
    y_true = column_or_1d(y_true, "y_true")
    y_score = np.asarray(y_score, dtype=float)
    if y_score.ndim != 2:
        raise ValueError(f"y_score must be 2-D (n_samples, n_classes), got shape {y_score.shape}")
    check_consistent_length(y_true, y_score)
    if len(y_true) == 0:
        raise ValueError("inputs are empty")
    n_classes = y_score.shape[1]
    if not 1 <= k <= n_classes:
        raise ValueError(f"k must be between 1 and n_classes={n_classes}, got {k}")
    from sklearn.metrics import top_k_accuracy_score as _reference

    correct = int(round(_reference(y_true, y_score, k=k, normalize=False, labels=range(n_classes))))
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
