"""Evaluation metrics written with NumPy only.

They must follow scikit-learn's definitions: the tests compare the two on
random inputs while scikit-learn and SciPy are blocked: the point is to write them.

TODO (milestone 6): give every public function here a docstring example.
"""

from __future__ import annotations

from typing import Sequence

import numpy as np

AVERAGES = ("binary", "micro", "macro", "weighted")


def accuracy_score(y_true: Sequence, y_pred: Sequence) -> float:
    """Share of predictions that equal the truth."""
    # TODO
    raise NotImplementedError("TODO: implement accuracy_score")


def confusion_matrix(y_true: Sequence, y_pred: Sequence,
                     labels: Sequence | None = None) -> np.ndarray:
    """Rows are true classes, columns predicted classes.

    Without ``labels`` the classes are the sorted union of both arrays.
    """
    # TODO
    raise NotImplementedError("TODO: implement confusion_matrix")


def precision_score(y_true: Sequence, y_pred: Sequence, average: str = "binary",
                    pos_label: object = 1, zero_division: float = 0.0) -> float:
    """Of the samples predicted as a class, the share that really are; averaged as
    ``average`` says (see AVERAGES)."""
    # TODO: all three of precision, recall and F1 can share one helper
    #       built on the confusion matrix.
    raise NotImplementedError("TODO: implement precision_score")


def recall_score(y_true: Sequence, y_pred: Sequence, average: str = "binary",
                 pos_label: object = 1, zero_division: float = 0.0) -> float:
    """Of the samples of a class, the share predicted as that class; averaged as
    ``average`` says."""
    # TODO
    raise NotImplementedError("TODO: implement recall_score")


def f1_score(y_true: Sequence, y_pred: Sequence, average: str = "binary",
             pos_label: object = 1, zero_division: float = 0.0) -> float:
    """Harmonic mean of precision and recall, per class, then averaged."""
    # TODO
    raise NotImplementedError("TODO: implement f1_score")


def mean_squared_error(y_true: Sequence[float], y_pred: Sequence[float]) -> float:
    """Mean of the squared differences."""
    # TODO
    raise NotImplementedError("TODO: implement mean_squared_error")


def mean_absolute_error(y_true: Sequence[float], y_pred: Sequence[float]) -> float:
    """Mean of the absolute differences."""
    # TODO
    raise NotImplementedError("TODO: implement mean_absolute_error")


def r2_score(y_true: Sequence[float], y_pred: Sequence[float]) -> float:
    """Share of the variance of ``y_true`` that the predictions explain (1.0 is perfect).

    A constant ``y_true`` gives 1.0 for a perfect fit and 0.0 otherwise.
    """
    # TODO
    raise NotImplementedError("TODO: implement r2_score")


def roc_auc_score(y_true: Sequence[int], y_score: Sequence[float]) -> float:
    """Area under the ROC curve for binary 0/1 labels (ties count one half)."""
    # TODO: the AUC is the chance that a random positive scores above a
    #       random negative. Comparing every pair works; ranks are faster.
    raise NotImplementedError("TODO: implement roc_auc_score")
