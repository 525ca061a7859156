"""Activation functions, written as parameter-free layers.

Every activation has two methods:

* ``forward(x)`` computes the output and remembers whatever ``backward`` will need.
* ``backward(grad_out)`` receives dL/d(output) (same shape as the output) and returns
  dL/d(input) (same shape as the input) using the chain rule.

Inputs are 2-D arrays of shape (batch, features). See DERIVATIONS.md for the math.
"""

import numpy as np
from scipy.special import expit, softmax


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
    """relu(x) = max(0, x); its derivative is 1 where x > 0 and 0 elsewhere."""

    def forward(self, x):
        self._mask = x > 0
        return np.where(self._mask, x, 0.0)

    def backward(self, grad_out):
        # The derivative is a 0/1 mask: gradients pass only through active units.
        return grad_out * self._mask


class Sigmoid(Activation):
    """sigmoid(x), courtesy of scipy.special.expit."""

    def forward(self, x):
        self._out = expit(x)
        return self._out

    def backward(self, grad_out):
        return grad_out * self._out * (1.0 - self._out)


class Tanh(Activation):
    """tanh(x); derivative 1 - tanh(x)**2."""

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

    def forward(self, x):
        self._out = softmax(x, axis=1)
        return self._out

    def backward(self, grad_out):
        # The Jacobian of one row is diag(s) - s s^T, so J^T g = s * g - s * (s . g).
        s = self._out
        dot = np.sum(grad_out * s, axis=1, keepdims=True)
        return s * (grad_out - dot)
