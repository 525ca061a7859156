"""Helpers for training loops: mini-batches and early stopping.

TODO (milestone 6): give iter_batches and EarlyStopping a docstring example.
"""

from __future__ import annotations

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

    All arrays must have the same length (``ValueError`` otherwise). With
    ``shuffle=True`` the rows are visited in an order drawn from ``seed``; the
    same seed gives the same order. The last, smaller batch is yielded unless
    ``drop_last`` is true.
    """
    # TODO: build an index order (np.arange or a seeded permutation) and
    #       yield tuple(a[idx] for a in arrays) for each slice of it.
    raise NotImplementedError("TODO: implement iter_batches")


class EarlyStopping:
    """Stop training when a monitored value stops improving.

    Call :meth:`step` once per epoch with the validation value (and, if you
    like, the model state). It returns ``True`` once ``patience`` epochs in a
    row failed to improve on the best value by more than ``min_delta``.
    ``mode="min"`` watches a loss, ``mode="max"`` a score such as accuracy.
    """

    def __init__(self, patience: int = 5, min_delta: float = 0.0, mode: str = "min") -> None:
        self.patience = patience
        self.min_delta = abs(min_delta)
        self.mode = mode
        self.best_value: float | None = None
        self.best_epoch: int = -1  # epochs count from 0
        self.best_state: Any = None  # a copy of the state given with the best value
        self.should_stop: bool = False

    def step(self, value: float, state: Any = None) -> bool:
        """Record one epoch's value (and state); return True once training should stop."""
        # TODO: decide whether `value` improves on best_value (mind mode and
        #       min_delta), remember best_value / best_epoch / a deep copy of
        #       state, count the epochs without improvement, and return True
        #       (and set should_stop) once that count reaches patience.
        raise NotImplementedError("TODO: implement EarlyStopping.step")
