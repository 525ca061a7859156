"""Metrics for regressors."""

import numpy as np

from ._validation import check_consistent_length, column_or_1d


def _check_regression(y_true, y_pred):
    y_true = column_or_1d(y_true, "y_true").astype(float)
    y_pred = column_or_1d(y_pred, "y_pred").astype(float)
    check_consistent_length(y_true, y_pred)
    if len(y_true) == 0:
        raise ValueError("inputs are empty")
    return y_true, y_pred


def mean_squared_error(y_true, y_pred):
    """Mean of the squared errors.

    Examples
    --------
    >>> from metrix import mean_squared_error
    >>> mean_squared_error([1.0, 2.0, 3.0], [1.0, 2.0, 5.0])
    1.3333333333333333
    """
    y_true, y_pred = _check_regression(y_true, y_pred)
    return float(np.mean((y_true - y_pred) ** 2))


def mean_absolute_error(y_true, y_pred):
    """Mean of the absolute errors.

    Examples
    --------
    >>> from metrix import mean_absolute_error
    >>> mean_absolute_error([1.0, 2.0, 3.0], [1.0, 2.0, 5.0])
    0.6666666666666666
    """
    y_true, y_pred = _check_regression(y_true, y_pred)
    return float(np.mean(np.abs(y_true - y_pred)))


def r2_score(y_true, y_pred):
    """Coefficient of determination, ``1 - SS_res / SS_tot``.

    A constant ``y_true`` has no variance to explain: the score is 1.0 for a perfect
    prediction and 0.0 otherwise.

    Examples
    --------
    >>> from metrix import r2_score
    >>> r2_score([1.0, 2.0, 3.0], [1.0, 2.0, 3.0])
    1.0
    """
    y_true, y_pred = _check_regression(y_true, y_pred)
    ss_res = np.sum((y_true - y_pred) ** 2)
    ss_tot = np.sum((y_true - y_true.mean()) ** 2)
    if ss_tot == 0:
        return 1.0 if ss_res == 0 else 0.0
    return float(1 - ss_res / ss_tot)
