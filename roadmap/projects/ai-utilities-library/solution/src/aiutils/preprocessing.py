"""Scalers and encoders with a scikit-learn-like fit / transform interface."""

from __future__ import annotations

from typing import Sequence

import numpy as np


class NotFittedError(ValueError, AttributeError):
    """Raised when ``transform`` is called before ``fit``."""


def _as_2d(X: np.ndarray) -> np.ndarray:
    X = np.asarray(X, dtype=float)
    if X.ndim != 2:
        raise ValueError(f"expected a 2-D array, got shape {X.shape}")
    return X


class StandardScaler:
    """Shift each column to mean 0 and scale it to standard deviation 1.

    A constant column (standard deviation 0) is shifted but not scaled.

    >>> scaler = StandardScaler().fit(np.array([[1.0, 5.0], [3.0, 5.0]]))
    >>> scaler.transform(np.array([[1.0, 5.0], [5.0, 6.0]]))
    array([[-1.,  0.],
           [ 3.,  1.]])
    >>> scaler.inverse_transform(np.array([[0.0, 0.0]]))
    array([[2., 5.]])
    """

    def __init__(self) -> None:
        self.mean_: np.ndarray | None = None
        self.scale_: np.ndarray | None = None

    def fit(self, X: np.ndarray) -> "StandardScaler":
        X = _as_2d(X)
        self.mean_ = X.mean(axis=0)
        std = X.std(axis=0)  # population std (ddof=0), like scikit-learn
        # A constant column would divide by zero: leave it unscaled instead.
        self.scale_ = np.where(std == 0.0, 1.0, std)
        return self

    def _check_fitted(self) -> None:
        if self.mean_ is None or self.scale_ is None:
            raise NotFittedError("StandardScaler is not fitted yet; call fit() first")

    def transform(self, X: np.ndarray) -> np.ndarray:
        self._check_fitted()
        return (_as_2d(X) - self.mean_) / self.scale_

    def fit_transform(self, X: np.ndarray) -> np.ndarray:
        return self.fit(X).transform(X)

    def inverse_transform(self, X: np.ndarray) -> np.ndarray:
        self._check_fitted()
        return _as_2d(X) * self.scale_ + self.mean_


class MinMaxScaler:
    """Map each column linearly onto ``feature_range`` (default [0, 1]).

    A constant column maps to the low end of the range.

    >>> MinMaxScaler((-1, 1)).fit_transform(np.array([[0.0], [5.0], [10.0]]))
    array([[-1.],
           [ 0.],
           [ 1.]])
    """

    def __init__(self, feature_range: tuple[float, float] = (0.0, 1.0)) -> None:
        low, high = feature_range
        if not low < high:
            raise ValueError(f"feature_range must be increasing, got {feature_range}")
        self.feature_range = (float(low), float(high))
        self.data_min_: np.ndarray | None = None
        self.data_max_: np.ndarray | None = None

    def fit(self, X: np.ndarray) -> "MinMaxScaler":
        X = _as_2d(X)
        self.data_min_ = X.min(axis=0)
        self.data_max_ = X.max(axis=0)
        return self

    def _spans(self) -> tuple[np.ndarray, float, float]:
        if self.data_min_ is None or self.data_max_ is None:
            raise NotFittedError("MinMaxScaler is not fitted yet; call fit() first")
        span = self.data_max_ - self.data_min_
        span = np.where(span == 0.0, 1.0, span)
        low, high = self.feature_range
        return span, low, high

    def transform(self, X: np.ndarray) -> np.ndarray:
        span, low, high = self._spans()
        unit = (_as_2d(X) - self.data_min_) / span
        return unit * (high - low) + low

    def fit_transform(self, X: np.ndarray) -> np.ndarray:
        return self.fit(X).transform(X)

    def inverse_transform(self, X: np.ndarray) -> np.ndarray:
        span, low, high = self._spans()
        unit = (_as_2d(X) - low) / (high - low)
        return unit * span + self.data_min_


class OneHotEncoder:
    """Turn columns of categories into 0/1 indicator columns.

    Categories of each column are sorted. ``handle_unknown="error"`` raises on a
    category not seen during ``fit``; ``"ignore"`` encodes it as all zeros.

    >>> encoder = OneHotEncoder(handle_unknown="ignore").fit([["red"], ["blue"], ["red"]])
    >>> encoder.categories_[0].tolist()
    ['blue', 'red']
    >>> encoder.transform([["red"], ["green"]])
    array([[0., 1.],
           [0., 0.]])
    """

    def __init__(self, handle_unknown: str = "error") -> None:
        if handle_unknown not in ("error", "ignore"):
            raise ValueError("handle_unknown must be 'error' or 'ignore'")
        self.handle_unknown = handle_unknown
        self.categories_: list[np.ndarray] | None = None

    @staticmethod
    def _as_columns(X: Sequence) -> np.ndarray:
        X = np.asarray(X, dtype=object)
        if X.ndim == 1:
            X = X.reshape(-1, 1)
        if X.ndim != 2:
            raise ValueError(f"expected a 2-D array of categories, got shape {X.shape}")
        return X

    def fit(self, X: Sequence) -> "OneHotEncoder":
        X = self._as_columns(X)
        self.categories_ = [np.array(sorted(set(X[:, j].tolist())), dtype=object)
                            for j in range(X.shape[1])]
        return self

    def transform(self, X: Sequence) -> np.ndarray:
        if self.categories_ is None:
            raise NotFittedError("OneHotEncoder is not fitted yet; call fit() first")
        X = self._as_columns(X)
        if X.shape[1] != len(self.categories_):
            raise ValueError(f"expected {len(self.categories_)} columns, got {X.shape[1]}")
        blocks = []
        for j, categories in enumerate(self.categories_):
            position = {category: k for k, category in enumerate(categories.tolist())}
            block = np.zeros((X.shape[0], len(categories)), dtype=float)
            for i, value in enumerate(X[:, j].tolist()):
                k = position.get(value)
                if k is None:
                    if self.handle_unknown == "error":
                        raise ValueError(f"unknown category {value!r} in column {j}")
                    continue
                block[i, k] = 1.0
            blocks.append(block)
        return np.hstack(blocks)

    def fit_transform(self, X: Sequence) -> np.ndarray:
        return self.fit(X).transform(X)

    def get_feature_names(self, input_names: Sequence[str] | None = None) -> list[str]:
        if self.categories_ is None:
            raise NotFittedError("OneHotEncoder is not fitted yet; call fit() first")
        if input_names is None:
            input_names = [f"x{j}" for j in range(len(self.categories_))]
        return [f"{name}_{category}" for name, categories in zip(input_names, self.categories_)
                for category in categories]


def encode_labels(y: Sequence) -> tuple[np.ndarray, np.ndarray]:
    """Map labels to integer codes 0..k-1. Returns ``(codes, classes)``, classes sorted.

    >>> codes, classes = encode_labels(["cat", "dog", "cat", "bird"])
    >>> codes.tolist(), classes.tolist()
    ([1, 2, 1, 0], ['bird', 'cat', 'dog'])
    """
    classes, codes = np.unique(np.asarray(y), return_inverse=True)
    return codes.astype(int), classes
