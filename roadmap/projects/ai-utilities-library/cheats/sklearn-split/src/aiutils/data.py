"""Lazy learner: stratified_split is scikit-learn's train_test_split."""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

BUILTIN_DATASETS = ("iris", "wine", "digits", "breast_cancer", "diabetes")


@dataclass
class Dataset:
    X: np.ndarray
    y: np.ndarray
    feature_names: list = field(default_factory=list)
    target_name: str = "target"

    @property
    def n_samples(self) -> int:
        return int(self.X.shape[0])

    @property
    def n_features(self) -> int:
        return int(self.X.shape[1])


def load_csv(path, target, *, delimiter=","):
    with Path(path).open(newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle, delimiter=delimiter))
    header, body = rows[0], [r for r in rows[1:] if r]
    if target not in header:
        raise ValueError(f"no column {target!r}")
    t = header.index(target)
    names = [h for i, h in enumerate(header) if i != t]
    X = np.array([[float(c) if c.strip() else np.nan for i, c in enumerate(r) if i != t]
                  for r in body], dtype=float).reshape(len(body), len(names))
    raw = [r[t] for r in body]
    try:
        y = np.array([float(v) for v in raw])
    except ValueError:
        y = np.array(raw, dtype=str)
    return Dataset(X, y, names, target)


def load_builtin(name):
    from sklearn import datasets

    if name not in BUILTIN_DATASETS:
        raise ValueError(name)
    bunch = getattr(datasets, f"load_{name}")()
    return Dataset(np.asarray(bunch.data, dtype=float), np.asarray(bunch.target),
                   [str(n) for n in bunch.feature_names])


def stratified_split(X, y, test_size=0.2, seed=0):
    from sklearn.model_selection import train_test_split

    return train_test_split(np.asarray(X), np.asarray(y), test_size=test_size,
                            random_state=seed, stratify=y)


def stratified_kfold(y, n_splits=5, seed=0):
    from sklearn.model_selection import StratifiedKFold

    y = np.asarray(y)
    folds = StratifiedKFold(n_splits=n_splits, shuffle=True, random_state=seed)
    yield from folds.split(np.zeros(len(y)), y)
