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
        # TODO: cache what backward needs and return the mean of the squared differences
        # as a float.
        raise NotImplementedError("TODO: MSELoss.forward")

    def backward(self):
        # TODO: dL/dy_pred = 2 * (y_pred - y_true) / (number of elements)
        raise NotImplementedError("TODO: MSELoss.backward")


class CrossEntropyLoss:
    """Softmax followed by the negative log-likelihood, computed from raw logits.

    forward(logits, y): logits (N, C); y holds integer labels (N,) or one-hot rows (N, C).
    L = -(1/N) * sum_n log softmax(logits_n)[y_n]
    """

    def forward(self, logits, y):
        # TODO:
        #  1. turn y into one-hot rows if it is a vector of labels (use one_hot above);
        #  2. compute log-softmax stably: z - max(z) - log(sum(exp(z - max(z))));
        #  3. cache the softmax probabilities and the one-hot targets for backward;
        #  4. return the mean negative log-probability of the true class as a float.
        raise NotImplementedError("TODO: CrossEntropyLoss.forward - stable log-softmax + NLL")

    def backward(self):
        # TODO: dL/dlogits = (softmax(logits) - one_hot(y)) / N
        raise NotImplementedError("TODO: CrossEntropyLoss.backward")
