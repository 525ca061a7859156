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
        # TODO: compute relu(x) and remember what backward will need.
        raise NotImplementedError("TODO: ReLU.forward")

    def backward(self, grad_out):
        # TODO: the chain rule through relu (DERIVATIONS.md section 2; choose 0 at x == 0).
        raise NotImplementedError("TODO: ReLU.backward")


class Sigmoid(Activation):
    """sigmoid(x) = 1 / (1 + exp(-x)), elementwise."""

    def forward(self, x):
        # TODO: compute the sigmoid without overflow for large |x| (the tests feed it +-1000
        # with floating-point errors turned into exceptions), and cache what backward needs.
        raise NotImplementedError("TODO: Sigmoid.forward")

    def backward(self, grad_out):
        # TODO: the chain rule, written with the value forward cached (DERIVATIONS.md section 2).
        raise NotImplementedError("TODO: Sigmoid.backward")


class Tanh(Activation):
    """tanh(x), elementwise."""

    def forward(self, x):
        # TODO: compute tanh(x) and cache what backward needs.
        raise NotImplementedError("TODO: Tanh.forward")

    def backward(self, grad_out):
        # TODO: the chain rule through tanh (DERIVATIONS.md section 2).
        raise NotImplementedError("TODO: Tanh.backward")


class Softmax(Activation):
    """Row-wise softmax: softmax(z)_i = exp(z_i) / sum_j exp(z_j) for every row z.

    For training a classifier prefer ``CrossEntropyLoss`` on raw logits (it fuses softmax
    and the log for stability); this layer exists so you can derive and check the
    softmax Jacobian on its own.
    """

    def forward(self, x):
        # TODO: a row-wise softmax that stays finite for logits near 1000 (exercise 3.2 of
        # DERIVATIONS.md says why the fix is allowed); cache the output.
        raise NotImplementedError("TODO: Softmax.forward")

    def backward(self, grad_out):
        # TODO: apply the transposed softmax Jacobian to grad_out, row by row, without
        # building a C x C matrix per row. Derive it first (exercise 3.1 of DERIVATIONS.md).
        raise NotImplementedError("TODO: Softmax.backward")
