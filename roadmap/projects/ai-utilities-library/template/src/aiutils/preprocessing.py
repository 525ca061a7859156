"""Scalers and encoders with a scikit-learn-like fit / transform interface.

NumPy only: the tests run this module while scikit-learn and SciPy are blocked.

TODO (milestone 6): give every public class and function here a docstring example.
"""

from __future__ import annotations

from typing import Sequence

import numpy as np


class NotFittedError(ValueError, AttributeError):
    """Raised when ``transform`` is called before ``fit``."""


class StandardScaler:
    """Shift each column to mean 0 and scale it to standard deviation 1.

    A constant column (standard deviation 0) is shifted but not scaled.
    """

    def __init__(self) -> None:
        self.mean_: np.ndarray | None = None
        self.scale_: np.ndarray | None = None

    def fit(self, X: np.ndarray) -> "StandardScaler":
        # TODO: store the column means in self.mean_ and the column standard
        #       deviations in self.scale_ (a constant column must not divide by 0).
        raise NotImplementedError("TODO: implement StandardScaler.fit")

    def transform(self, X: np.ndarray) -> np.ndarray:
        # TODO: raise NotFittedError before fit(), else scale X with the fitted statistics.
        raise NotImplementedError("TODO: implement StandardScaler.transform")

    def fit_transform(self, X: np.ndarray) -> np.ndarray:
        return self.fit(X).transform(X)

    def inverse_transform(self, X: np.ndarray) -> np.ndarray:
        # TODO: undo transform().
        raise NotImplementedError("TODO: implement StandardScaler.inverse_transform")


class MinMaxScaler:
    """Map each column linearly onto ``feature_range`` (default [0, 1]).

    A constant column maps to the low end of the range.
    """

    def __init__(self, feature_range: tuple[float, float] = (0.0, 1.0)) -> None:
        self.feature_range = (float(feature_range[0]), float(feature_range[1]))
        self.data_min_: np.ndarray | None = None
        self.data_max_: np.ndarray | None = None

    def fit(self, X: np.ndarray) -> "MinMaxScaler":
        # TODO: store the column minima and maxima.
        raise NotImplementedError("TODO: implement MinMaxScaler.fit")

    def transform(self, X: np.ndarray) -> np.ndarray:
        # TODO: raise NotFittedError before fit(); mind a constant column.
        raise NotImplementedError("TODO: implement MinMaxScaler.transform")

    def fit_transform(self, X: np.ndarray) -> np.ndarray:
        return self.fit(X).transform(X)

    def inverse_transform(self, X: np.ndarray) -> np.ndarray:
        # TODO: undo transform().
        raise NotImplementedError("TODO: implement MinMaxScaler.inverse_transform")


class OneHotEncoder:
    """Turn columns of categories into 0/1 indicator columns.

    Categories of each column are sorted. ``handle_unknown="error"`` raises
    ``ValueError`` on a category not seen during ``fit``; ``"ignore"`` encodes
    it as all zeros.
    """

    def __init__(self, handle_unknown: str = "error") -> None:
        self.handle_unknown = handle_unknown
        self.categories_: list[np.ndarray] | None = None

    def fit(self, X: Sequence) -> "OneHotEncoder":
        # TODO: store the sorted distinct categories of each column in self.categories_.
        raise NotImplementedError("TODO: implement OneHotEncoder.fit")

    def transform(self, X: Sequence) -> np.ndarray:
        # TODO: one block of 0/1 columns per input column, blocks side by side.
        raise NotImplementedError("TODO: implement OneHotEncoder.transform")

    def fit_transform(self, X: Sequence) -> np.ndarray:
        return self.fit(X).transform(X)


def encode_labels(y: Sequence) -> tuple[np.ndarray, np.ndarray]:
    """Map labels to integer codes 0..k-1. Returns ``(codes, classes)``, classes sorted."""
    # TODO: np.unique can do most of the work.
    raise NotImplementedError("TODO: implement encode_labels")
