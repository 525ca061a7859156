"""Helpers for training loops: mini-batches and early stopping."""

from __future__ import annotations

import copy
from typing import Any, Iterator

import numpy as np


def iter_batches(
    *arrays: np.ndarray,
    batch_size: int,
    shuffle: bool = False,
    seed: int | None = None,
    drop_last: bool = False,
) -> Iterator[tuple[np.ndarray, ...]]:
    """Yield aligned mini-batches of every array in ``arrays``.

    All arrays must have the same length. With ``shuffle=True`` the rows are
    visited in an order drawn from ``seed``; the same seed gives the same order.
    The last, smaller batch is yielded unless ``drop_last`` is true.

    >>> X, y = np.arange(10).reshape(5, 2), np.arange(5)
    >>> [yb.tolist() for _, yb in iter_batches(X, y, batch_size=2)]
    [[0, 1], [2, 3], [4]]
    >>> [yb.tolist() for (yb,) in iter_batches(y, batch_size=2, shuffle=True, seed=0,
    ...                                        drop_last=True)]
    [[2, 4], [3, 0]]
    """
    if not arrays:
        raise ValueError("give at least one array")
    if batch_size < 1:
        raise ValueError(f"batch_size must be >= 1, got {batch_size}")
    arrays = tuple(np.asarray(a) for a in arrays)
    n = len(arrays[0])
    if any(len(a) != n for a in arrays):
        raise ValueError(f"arrays have different lengths: {[len(a) for a in arrays]}")

    order = np.random.default_rng(seed).permutation(n) if shuffle else np.arange(n)
    for start in range(0, n, batch_size):
        idx = order[start:start + batch_size]
        if drop_last and len(idx) < batch_size:
            return
        yield tuple(a[idx] for a in arrays)


class EarlyStopping:
    """Stop training when a monitored value stops improving.

    Call :meth:`step` once per epoch with the validation value (and, if you
    like, the model state). It returns ``True`` once ``patience`` epochs in a
    row failed to improve on the best value by more than ``min_delta``.
    ``mode="min"`` watches a loss, ``mode="max"`` a score such as accuracy.

    >>> stopper = EarlyStopping(patience=2)
    >>> [stopper.step(loss) for loss in [0.9, 0.5, 0.6, 0.55]]
    [False, False, False, True]
    >>> stopper.best_value, stopper.best_epoch
    (0.5, 1)
    """

    def __init__(self, patience: int = 5, min_delta: float = 0.0, mode: str = "min") -> None:
        if patience < 1:
            raise ValueError("patience must be >= 1")
        if mode not in ("min", "max"):
            raise ValueError("mode must be 'min' or 'max'")
        self.patience = patience
        self.min_delta = abs(min_delta)
        self.mode = mode
        self.best_value: float | None = None
        self.best_epoch: int = -1
        self.best_state: Any = None
        self.epoch: int = -1
        self.bad_epochs: int = 0
        self.should_stop: bool = False

    def _improves(self, value: float) -> bool:
        if self.best_value is None:
            return True
        if self.mode == "min":
            return value < self.best_value - self.min_delta
        return value > self.best_value + self.min_delta

    def step(self, value: float, state: Any = None) -> bool:
        """Record one epoch's value (and state); return True once training should stop."""
        self.epoch += 1
        value = float(value)
        if self._improves(value):
            self.best_value = value
            self.best_epoch = self.epoch
            # Copy, so later in-place updates of the model do not change it.
            self.best_state = copy.copy(state)
            self.bad_epochs = 0
        else:
            self.bad_epochs += 1
            if self.bad_epochs >= self.patience:
                self.should_stop = True
        return self.should_stop
