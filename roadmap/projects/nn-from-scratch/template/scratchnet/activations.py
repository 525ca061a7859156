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
    """relu(x) = max(0, x); its derivative is 1 where x > 0 and 0 elsewhere."""

    def forward(self, x):
        # TODO: remember which inputs were positive, then return max(0, x) elementwise.
        raise NotImplementedError("TODO: ReLU.forward - return np.maximum(0, x) and cache a mask")

    def backward(self, grad_out):
        # TODO: let the gradient through only where the input was positive.
        raise NotImplementedError("TODO: ReLU.backward - multiply grad_out by the cached mask")


class Sigmoid(Activation):
    """sigmoid(x) = 1 / (1 + exp(-x)); derivative s * (1 - s) where s = sigmoid(x)."""

    def forward(self, x):
        # TODO: compute the sigmoid without overflow warnings for large |x|
        # (hint: exp(-x) overflows for very negative x; treat x >= 0 and x < 0 separately),
        # and cache the output for backward.
        raise NotImplementedError("TODO: Sigmoid.forward - a numerically stable 1/(1+exp(-x))")

    def backward(self, grad_out):
        # TODO: use the cached output s: dL/dx = grad_out * s * (1 - s)
        raise NotImplementedError("TODO: Sigmoid.backward")


class Tanh(Activation):
    """tanh(x); derivative 1 - tanh(x)**2."""

    def forward(self, x):
        # TODO: compute np.tanh(x) and cache it.
        raise NotImplementedError("TODO: Tanh.forward")

    def backward(self, grad_out):
        # TODO: dL/dx = grad_out * (1 - t**2) with t the cached output.
        raise NotImplementedError("TODO: Tanh.backward")


class Softmax(Activation):
    """Row-wise softmax: softmax(z)_i = exp(z_i) / sum_j exp(z_j) for every row z.

    For training a classifier prefer ``CrossEntropyLoss`` on raw logits (it fuses softmax
    and the log for stability); this layer exists so you can derive and check the
    softmax Jacobian on its own.
    """

    def forward(self, x):
        # TODO: subtract each row's max before exponentiating (it does not change the
        # result but avoids overflow), normalise every row to sum to 1, cache the output.
        raise NotImplementedError("TODO: Softmax.forward - stable row-wise softmax")

    def backward(self, grad_out):
        # TODO: apply the softmax Jacobian to grad_out row by row without building the
        # full matrix: dL/dz = s * (g - sum(g * s, axis=1, keepdims=True)).
        raise NotImplementedError("TODO: Softmax.backward - Jacobian-vector product")
