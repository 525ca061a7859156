"""Milestone 1: multinomial logistic regression (softmax regression), trained by gradient descent.

Fill in ``softmax``, ``SoftmaxRegression.fit`` and ``predict_proba``. NumPy only: the checks
block scikit-learn and PyTorch while your model trains.
"""
from __future__ import annotations

import numpy as np


def softmax(z: np.ndarray) -> np.ndarray:
    """Row-wise softmax, stable for large values."""
    # TODO
    raise NotImplementedError("TODO: a stable softmax")


class SoftmaxRegression:
    """``p(class | x) = softmax(x W + b)``, fitted by full-batch gradient descent.

    The loss is the mean cross-entropy plus ``l2 / 2 * ||W||^2`` (b is not penalised). Each of the
    ``epochs`` steps moves W and b against their gradients, times ``lr``.
    """

    def __init__(self, n_classes: int, lr: float = 1.0, epochs: int = 200, l2: float = 1e-4):
        self.n_classes, self.lr, self.epochs, self.l2 = n_classes, lr, epochs, l2
        self.W = None
        self.b = None
        self.losses: list[float] = []

    def fit(self, X, y) -> "SoftmaxRegression":
        """``X [n, d]`` (dense or scipy sparse), ``y [n]`` class ids. Starts from zeros."""
        # TODO: start W [d, n_classes] and b [n_classes] at zero; then for each epoch compute the
        #       probabilities, append the loss (before the step) to self.losses, and take one
        #       gradient step on W and b. `X @ W` works for a scipy sparse X as well; wrap it in
        #       np.asarray to get a plain array.
        raise NotImplementedError("TODO: fit by gradient descent")

    def predict_proba(self, X) -> np.ndarray:
        # TODO
        raise NotImplementedError("TODO: class probabilities")
