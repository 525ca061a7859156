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
        # TODO: cache what backward needs and return the loss as a float.
        raise NotImplementedError("TODO: MSELoss.forward")

    def backward(self):
        # TODO: dL/dy_pred, the shape of y_pred (DERIVATIONS.md section 4).
        raise NotImplementedError("TODO: MSELoss.backward")


class CrossEntropyLoss:
    """Softmax followed by the negative log-likelihood, computed from raw logits.

    forward(logits, y): logits (N, C); y holds integer labels (N,) or one-hot rows (N, C).
    L = -(1/N) * sum_n log softmax(logits_n)[y_n]
    """

    def forward(self, logits, y):
        # TODO:
        #  1. turn y into one-hot rows if it is a vector of labels (use one_hot above);
        #  2. compute the log-softmax of every row so that logits of 1000 stay finite
        #     (the log-sum-exp trick, DERIVATIONS.md section 4);
        #  3. cache what backward will need;
        #  4. return the mean negative log-probability of the true class as a float.
        raise NotImplementedError("TODO: CrossEntropyLoss.forward")

    def backward(self):
        # TODO: dL/dlogits, the shape of the logits. Derive it first (exercise 4.1 of
        # DERIVATIONS.md): it is much simpler than the softmax Jacobian.
        raise NotImplementedError("TODO: CrossEntropyLoss.backward")
