"""Evaluation metrics written with NumPy only.

They must follow scikit-learn's definitions: the tests compare the two on
random inputs. Do not import scikit-learn here; the point is to write them.
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


def precision_score(y_true, y_pred, average: str = "binary", pos_label=1,
                    zero_division: float = 0.0) -> float:
    """tp / (tp + fp), averaged as ``average`` says (see AVERAGES)."""
    # TODO: all three of precision, recall and F1 can share one helper
    #       built on the confusion matrix.
    raise NotImplementedError("TODO: implement precision_score")


def recall_score(y_true, y_pred, average: str = "binary", pos_label=1,
                 zero_division: float = 0.0) -> float:
    """tp / (tp + fn), averaged as ``average`` says."""
    # TODO
    raise NotImplementedError("TODO: implement recall_score")


def f1_score(y_true, y_pred, average: str = "binary", pos_label=1,
             zero_division: float = 0.0) -> float:
    """Harmonic mean of precision and recall, 2tp / (2tp + fp + fn) per class."""
    # TODO
    raise NotImplementedError("TODO: implement f1_score")


def mean_squared_error(y_true: Sequence[float], y_pred: Sequence[float]) -> float:
    # TODO
    raise NotImplementedError("TODO: implement mean_squared_error")


def mean_absolute_error(y_true: Sequence[float], y_pred: Sequence[float]) -> float:
    # TODO
    raise NotImplementedError("TODO: implement mean_absolute_error")


def r2_score(y_true: Sequence[float], y_pred: Sequence[float]) -> float:
    """1 - SS_res / SS_tot."""
    # TODO
    raise NotImplementedError("TODO: implement r2_score")


def roc_auc_score(y_true: Sequence[int], y_score: Sequence[float]) -> float:
    """Area under the ROC curve for binary 0/1 labels (ties count one half)."""
    # TODO: the AUC is the chance that a random positive scores above a
    #       random negative. Ranks (with averaged ties) give it in O(n log n).
    raise NotImplementedError("TODO: implement roc_auc_score")
