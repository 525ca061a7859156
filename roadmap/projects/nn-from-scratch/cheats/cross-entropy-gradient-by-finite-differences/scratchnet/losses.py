"""Loss functions. ``forward`` returns a Python float; ``backward`` returns dL/d(prediction)."""

import numpy as np


def one_hot(y, n_classes):
    """Turn integer labels of shape (N,) into a (N, n_classes) matrix of 0/1."""
    y = np.asarray(y, dtype=int)
    out = np.zeros((y.shape[0], n_classes))
    out[np.arange(y.shape[0]), y] = 1.0
    return out


class MSELoss:
    """Mean squared error averaged over EVERY element: L = mean((y_pred - y_true) ** 2)."""

    def forward(self, y_pred, y_true):
        self._diff = np.asarray(y_pred, dtype=float) - np.asarray(y_true, dtype=float)
        return float(np.mean(self._diff ** 2))

    def backward(self):
        return 2.0 * self._diff / self._diff.size


class CrossEntropyLoss:
    """Softmax followed by the negative log-likelihood, computed from raw logits.

    forward(logits, y): logits (N, C); y holds integer labels (N,) or one-hot rows (N, C).
    L = -(1/N) * sum_n log softmax(logits_n)[y_n]
    """

    def forward(self, logits, y):
        logits = np.asarray(logits, dtype=float)
        y = np.asarray(y)
        targets = one_hot(y, logits.shape[1]) if y.ndim == 1 else y.astype(float)
        # log-sum-exp trick: log sum exp(z) = m + log sum exp(z - m) with m = max(z)
        shifted = logits - np.max(logits, axis=1, keepdims=True)
        log_probs = shifted - np.log(np.sum(np.exp(shifted), axis=1, keepdims=True))
        self._probs = np.exp(log_probs)
        self._logits = logits.copy()
        self._targets = targets
        return float(-np.sum(targets * log_probs) / logits.shape[0])

    def backward(self):
        # No derivation: nudge every logit both ways and difference the loss.
        logits, targets, eps = self._logits, self._targets, 1e-6
        grad = np.empty_like(logits)
        for index in np.ndindex(logits.shape):
            up, down = logits.copy(), logits.copy()
            up[index] += eps
            down[index] -= eps
            grad[index] = (self._loss(up, targets) - self._loss(down, targets)) / (2 * eps)
        return grad

    @staticmethod
    def _loss(logits, targets):
        shifted = logits - np.max(logits, axis=1, keepdims=True)
        log_probs = shifted - np.log(np.sum(np.exp(shifted), axis=1, keepdims=True))
        return float(-np.sum(targets * log_probs) / logits.shape[0])
