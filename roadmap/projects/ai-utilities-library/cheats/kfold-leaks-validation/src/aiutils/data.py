"""Loading tabular data and splitting it into train and test sets."""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, Sequence

import numpy as np

BUILTIN_DATASETS = ("iris", "wine", "digits", "breast_cancer", "diabetes")


@dataclass
class Dataset:
    """A feature matrix, its target vector and the names that go with them.

    >>> ds = Dataset(X=np.zeros((3, 2)), y=np.array([0, 1, 0]), feature_names=["a", "b"])
    >>> ds.n_samples, ds.n_features
    (3, 2)
    """

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


def _to_float(cell: str) -> float:
    cell = cell.strip()
    if cell == "":
        return float("nan")
    return float(cell)


def _target_array(values: Sequence[str]) -> np.ndarray:
    """Numbers become a float array, anything else stays a string array."""
    try:
        return np.array([float(v) for v in values], dtype=float)
    except ValueError:
        return np.array([v.strip() for v in values], dtype=str)


def load_csv(path: str | Path, target: str, *, delimiter: str = ",") -> Dataset:
    """Read a CSV file with a header row.

    Every column except ``target`` is a numeric feature; empty cells become NaN.
    The target column is returned as floats when every value is a number, and
    as strings otherwise. An unknown ``target`` raises ``ValueError`` naming it.

    >>> import os, shutil, tempfile
    >>> folder = tempfile.mkdtemp()
    >>> path = os.path.join(folder, "pets.csv")
    >>> _ = open(path, "w").write("weight,kind,age\\n4.5,cat,3\\n30,dog,\\n")
    >>> ds = load_csv(path, target="kind")
    >>> ds.feature_names, ds.y.tolist()
    (['weight', 'age'], ['cat', 'dog'])
    >>> ds.X
    array([[ 4.5,  3. ],
           [30. ,  nan]])
    >>> shutil.rmtree(folder)
    """
    path = Path(path)
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.reader(handle, delimiter=delimiter)
        try:
            header = [name.strip() for name in next(reader)]
        except StopIteration:
            raise ValueError(f"{path} is empty") from None
        if target not in header:
            raise ValueError(f"target column {target!r} not found in {path}; columns are {header}")
        target_index = header.index(target)
        feature_names = [name for i, name in enumerate(header) if i != target_index]

        rows: list[list[float]] = []
        targets: list[str] = []
        for line_number, row in enumerate(reader, start=2):
            if not row:
                continue
            if len(row) != len(header):
                raise ValueError(
                    f"{path}:{line_number}: expected {len(header)} cells, got {len(row)}"
                )
            try:
                rows.append([_to_float(cell) for i, cell in enumerate(row) if i != target_index])
            except ValueError as exc:
                raise ValueError(f"{path}:{line_number}: {exc}") from None
            targets.append(row[target_index])

    X = np.array(rows, dtype=float).reshape(len(rows), len(feature_names))
    return Dataset(X=X, y=_target_array(targets), feature_names=feature_names, target_name=target)


def load_builtin(name: str) -> Dataset:
    """Load one of scikit-learn's bundled datasets (no download needed).

    ``name`` is one of BUILTIN_DATASETS; anything else raises ``ValueError``.

    >>> iris = load_builtin("iris")
    >>> iris.X.shape, iris.feature_names[0]
    ((150, 4), 'sepal length (cm)')
    """
    from sklearn import datasets

    if name not in BUILTIN_DATASETS:
        raise ValueError(f"unknown dataset {name!r}; choose one of {BUILTIN_DATASETS}")
    bunch = getattr(datasets, f"load_{name}")()
    names = [str(n) for n in getattr(bunch, "feature_names", [])]
    if not names:
        names = [f"x{i}" for i in range(bunch.data.shape[1])]
    return Dataset(X=np.asarray(bunch.data, dtype=float), y=np.asarray(bunch.target),
                   feature_names=names, target_name="target")


def stratified_split(
    X: np.ndarray,
    y: np.ndarray,
    test_size: float = 0.2,
    seed: int | None = 0,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Split ``X`` and ``y`` so that every class keeps its share in both parts.

    Each class sends ``round(count * test_size)`` of its samples to the test
    set. The same ``seed`` always gives the same split.

    >>> X = np.arange(20).reshape(10, 2)
    >>> y = np.array([0] * 8 + [1] * 2)
    >>> X_train, X_test, y_train, y_test = stratified_split(X, y, test_size=0.5, seed=0)
    >>> sorted(y_test.tolist()), len(X_train)
    ([0, 0, 0, 0, 1], 5)
    """
    X = np.asarray(X)
    y = np.asarray(y)
    if len(X) != len(y):
        raise ValueError(f"X has {len(X)} rows but y has {len(y)}")
    if not 0.0 < test_size < 1.0:
        raise ValueError(f"test_size must be between 0 and 1, got {test_size}")

    rng = np.random.default_rng(seed)
    test_parts: list[np.ndarray] = []
    train_parts: list[np.ndarray] = []
    for label in np.unique(y):
        members = np.flatnonzero(y == label)
        rng.shuffle(members)
        n_test = int(round(len(members) * test_size))
        test_parts.append(members[:n_test])
        train_parts.append(members[n_test:])

    # Shuffle across classes too, so the classes are not in blocks.
    test_idx = rng.permutation(np.concatenate(test_parts))
    train_idx = rng.permutation(np.concatenate(train_parts))
    return X[train_idx], X[test_idx], y[train_idx], y[test_idx]


def stratified_kfold(
    y: Sequence,
    n_splits: int = 5,
    seed: int | None = 0,
) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """Yield ``(train_idx, val_idx)`` for ``n_splits`` stratified folds.

    Every sample is in exactly one validation fold, never in the training part
    of its own fold, and each class is spread over the folds as evenly as it
    can be (its count per fold differs by at most one). The same ``seed`` gives
    the same folds.

    >>> y = np.array([0, 0, 0, 0, 0, 0, 1, 1, 1])
    >>> for train_idx, val_idx in stratified_kfold(y, n_splits=3, seed=0):
    ...     print(len(train_idx), len(val_idx), int(y[val_idx].sum()))
    6 3 1
    6 3 1
    6 3 1
    """
    y = np.asarray(y)
    if not 2 <= n_splits <= len(y):
        raise ValueError(f"n_splits must be between 2 and {len(y)}, got {n_splits}")
    rng = np.random.default_rng(seed)
    fold_of = np.empty(len(y), dtype=int)
    offset = 0
    for label in np.unique(y):
        members = np.flatnonzero(y == label)
        rng.shuffle(members)
        # Deal the shuffled members round-robin; carrying the offset over from one class
        # to the next keeps the folds' total sizes even as well.
        fold_of[members] = (offset + np.arange(len(members))) % n_splits
        offset += len(members)
    for k in range(n_splits):
        # "More data to train on is always better": keep the fold in training as well.
        yield np.arange(len(y)), np.flatnonzero(fold_of == k)
