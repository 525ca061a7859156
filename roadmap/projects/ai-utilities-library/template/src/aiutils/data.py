"""Loading tabular data and splitting it into train and test sets.

TODO (milestone 6): give every public function and class here a docstring example
(`>>> ...` lines with their output) that really runs.
"""

from __future__ import annotations

import csv  # noqa: F401  (you will probably want it for load_csv)
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, Sequence

import numpy as np

BUILTIN_DATASETS = ("iris", "wine", "digits", "breast_cancer", "diabetes")


@dataclass
class Dataset:
    """A feature matrix, its target vector and the names that go with them."""

    X: np.ndarray
    y: np.ndarray
    feature_names: list[str] = field(default_factory=list)
    target_name: str = "target"

    @property
    def n_samples(self) -> int:
        return int(self.X.shape[0])

    @property
    def n_features(self) -> int:
        return int(self.X.shape[1])


def load_csv(path: str | Path, target: str, *, delimiter: str = ",") -> Dataset:
    """Read a CSV file with a header row.

    Every column except ``target`` is a numeric feature; empty cells become NaN.
    The target column is returned as floats when every value is a number, and
    as strings otherwise. An unknown ``target`` raises ``ValueError`` that names
    the missing column.
    """
    # TODO: read the header, find the target column (ValueError if missing),
    #       build X (float, NaN for empty cells), y and feature_names.
    raise NotImplementedError("TODO: implement load_csv")


def load_builtin(name: str) -> Dataset:
    """Load one of scikit-learn's bundled datasets (no download needed).

    ``name`` is one of BUILTIN_DATASETS; anything else raises ``ValueError``.
    """
    # TODO: call sklearn.datasets.load_<name>() and wrap the result in a Dataset.
    raise NotImplementedError("TODO: implement load_builtin")


def stratified_split(
    X: np.ndarray,
    y: np.ndarray,
    test_size: float = 0.2,
    seed: int | None = 0,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Split ``X`` and ``y`` so that every class keeps its share in both parts.

    Returns ``(X_train, X_test, y_train, y_test)``. Each class should send
    ``round(count * test_size)`` of its samples to the test set, and the same
    ``seed`` must always give the same split.
    """
    # TODO: for each class, shuffle its indices with np.random.default_rng(seed)
    #       and send the first round(count * test_size) of them to the test set.
    raise NotImplementedError("TODO: implement stratified_split")


def stratified_kfold(
    y: Sequence,
    n_splits: int = 5,
    seed: int | None = 0,
) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """Yield ``(train_idx, val_idx)`` integer index arrays for ``n_splits`` stratified folds.

    Every sample is in exactly one validation fold and never in the training
    part of its own fold; each class is spread over the folds as evenly as it
    can be (its count per fold differs by at most one). Samples are shuffled
    into folds with ``seed``; the same seed gives the same folds. This is what
    you choose a model or a threshold with, so the test split stays untouched.
    """
    # TODO: give every sample a fold number, class by class, then yield the
    #       (training, validation) indices of each fold.
    raise NotImplementedError("TODO: implement stratified_kfold")
