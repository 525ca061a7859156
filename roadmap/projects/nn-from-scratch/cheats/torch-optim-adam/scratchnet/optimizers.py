"""Gradient-based optimizers.

``step(params, grads)`` receives two lists of arrays of matching shapes and must update
every parameter array IN PLACE (``p -= ...`` or ``p[...] = ...``), because the layers keep
references to those very arrays. Per-parameter state (velocities, running averages) is
kept in lists indexed like ``params`` and created on the first call.

The exact update rules are below and in DERIVATIONS.md; the tests check them on known numbers.
"""

import numpy as np


class Optimizer:
    def __init__(self, lr):
        self.lr = lr

    def step(self, params, grads):
        raise NotImplementedError


class SGD(Optimizer):
    """Plain gradient descent:  p <- p - lr * g"""

    def __init__(self, lr=0.01):
        super().__init__(lr)

    def step(self, params, grads):
        for p, g in zip(params, grads):
            p -= self.lr * g


class Momentum(Optimizer):
    """Gradient descent with momentum (heavy ball):

        v <- beta * v + g
        p <- p - lr * v

    with v starting at zero for every parameter.
    """

    def __init__(self, lr=0.01, beta=0.9):
        super().__init__(lr)
        self.beta = beta
        self.velocity = None  # list of arrays, one per parameter, created on the first step

    def step(self, params, grads):
        if self.velocity is None:
            self.velocity = [np.zeros_like(p) for p in params]
        for p, g, v in zip(params, grads, self.velocity):
            v *= self.beta
            v += g
            p -= self.lr * v


class RMSprop(Optimizer):
    """RMSprop: scale each coordinate by a running RMS of its gradients.

        s <- rho * s + (1 - rho) * g**2
        p <- p - lr * g / (sqrt(s) + eps)
    """

    def __init__(self, lr=0.001, rho=0.9, eps=1e-8):
        super().__init__(lr)
        self.rho = rho
        self.eps = eps
        self.square_avg = None

    def step(self, params, grads):
        if self.square_avg is None:
            self.square_avg = [np.zeros_like(p) for p in params]
        for p, g, s in zip(params, grads, self.square_avg):
            s *= self.rho
            s += (1.0 - self.rho) * g ** 2
            p -= self.lr * g / (np.sqrt(s) + self.eps)


class Adam(Optimizer):
    """Adam, by handing the NumPy arrays to torch.optim.Adam (from_numpy shares the memory)."""

    def __init__(self, lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8):
        super().__init__(lr)
        self.beta1, self.beta2, self.eps = beta1, beta2, eps
        self.t = 0
        self._torch = None

    def step(self, params, grads):
        import torch

        if self._torch is None:
            self._tensors = [torch.from_numpy(p) for p in params]
            self._torch = torch.optim.Adam(self._tensors, lr=self.lr,
                                           betas=(self.beta1, self.beta2), eps=self.eps)
        for tensor, g in zip(self._tensors, grads):
            tensor.grad = torch.from_numpy(np.ascontiguousarray(g, dtype=np.float64))
        self.t += 1
        self._torch.step()
