"""Input validation shared by every metric."""

import numpy as np


def column_or_1d(y, name="y"):
    """Return ``y`` as a 1-D NumPy array, accepting lists and column vectors."""
    y = np.asarray(y)
    if y.ndim == 2 and y.shape[1] == 1:
        y = y.ravel()
    if y.ndim != 1:
        raise ValueError(f"{name} must be 1-D, got an array of shape {y.shape}")
    return y


def check_consistent_length(*arrays):
    """Raise ``ValueError`` unless every array has the same number of samples."""
    lengths = {len(a) for a in arrays if a is not None}
    if len(lengths) > 1:
        raise ValueError(f"inputs have inconsistent numbers of samples: {sorted(lengths)}")


def check_targets(y_true, y_pred):
    """Validate a pair of label arrays and return them as 1-D arrays."""
    y_true = column_or_1d(y_true, "y_true")
    y_pred = column_or_1d(y_pred, "y_pred")
    check_consistent_length(y_true, y_pred)
    if len(y_true) == 0:
        raise ValueError("inputs are empty")
    return y_true, y_pred
