"""The data of the worked study (GIVEN).

scikit-learn's bundled 8x8 digits: a fixed held-out test set of 500 clean images, and a pool
from which each seed draws its own small training set and corrupts a fraction of its labels.
Both arms of a study get exactly the same training set for the same seed, so their results
can be compared pair by pair (a *paired* design: the seed is the unit of replication).
"""
from __future__ import annotations

import numpy as np
from sklearn.datasets import load_digits

N_TEST = 500
N_CLASSES = 10


def _digits():
    X, y = load_digits(return_X_y=True)
    order = np.random.RandomState(0).permutation(len(X))
    return (X[order] / 16.0).astype(np.float32), y[order].astype(np.int64)


def test_set() -> tuple[np.ndarray, np.ndarray]:
    X, y = _digits()
    return X[:N_TEST], y[:N_TEST]


def training_set(seed: int, train_size: int, label_noise: float) -> dict:
    """The training set of one seed: ``X``, the noisy labels ``y``, the true labels
    ``y_clean`` and the mask ``corrupted`` of the labels that were replaced."""
    X, y = _digits()
    pool_X, pool_y = X[N_TEST:], y[N_TEST:]
    rng = np.random.default_rng([seed, 0])
    idx = rng.choice(len(pool_X), size=train_size, replace=False)
    y_clean = pool_y[idx]
    corrupted = rng.random(train_size) < label_noise
    y_noisy = y_clean.copy()
    y_noisy[corrupted] = rng.integers(0, N_CLASSES, corrupted.sum())
    return {"X": pool_X[idx], "y": y_noisy, "y_clean": y_clean, "corrupted": corrupted}
