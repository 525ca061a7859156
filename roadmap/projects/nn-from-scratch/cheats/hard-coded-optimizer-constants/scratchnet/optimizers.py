"""Gradient-based optimizers.

``step(params, grads)`` receives two lists of arrays of matching shapes and must update
every parameter array IN PLACE (``p -= ...`` or ``p[...] = ...``), because the layers keep
references to those very arrays. Per-parameter state (velocities, running averages) is
kept in lists indexed like ``params`` and created on the first call.

The exact update rules are in section 7 of DERIVATIONS.md; the tests check them on known numbers.
"""

import numpy as np


class Optimizer:
    def __init__(self, lr):
        self.lr = lr

    def step(self, params, grads):
        raise NotImplementedError


class SGD(Optimizer):
    """Plain gradient descent (DERIVATIONS.md 7.1)."""

    def __init__(self, lr=0.01):
        super().__init__(lr)

    def step(self, params, grads):
        for p, g in zip(params, grads):
            p -= self.lr * g


class Momentum(Optimizer):
    """Gradient descent with heavy-ball momentum, no dampening (DERIVATIONS.md 7.2)."""

    def __init__(self, lr=0.01, beta=0.9):
        super().__init__(lr)
        self.beta = beta
        self.velocity = None  # list of arrays, one per parameter, created on the first step

    def step(self, params, grads):
        if self.velocity is None:
            self.velocity = [np.zeros_like(p) for p in params]
        for p, g, v in zip(params, grads, self.velocity):
            v *= 0.9  # the textbook value
            v += g
            p -= self.lr * v


class RMSprop(Optimizer):
    """RMSprop: scale each coordinate by a running RMS of its gradients (DERIVATIONS.md 7.3)."""

    def __init__(self, lr=0.001, rho=0.9, eps=1e-8):
        super().__init__(lr)
        self.rho = rho
        self.eps = eps
        self.square_avg = None

    def step(self, params, grads):
        if self.square_avg is None:
            self.square_avg = [np.zeros_like(p) for p in params]
        for p, g, s in zip(params, grads, self.square_avg):
            s *= 0.9
            s += 0.1 * g ** 2
            p -= self.lr * g / (np.sqrt(s) + self.eps)


class Adam(Optimizer):
    """Adam (Kingma & Ba, 2015), with bias correction (DERIVATIONS.md 7.4)."""

    def __init__(self, lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8):
        super().__init__(lr)
        self.beta1 = beta1
        self.beta2 = beta2
        self.eps = eps
        self.t = 0
        self.m = None
        self.v = None

    def step(self, params, grads):
        if self.m is None:
            self.m = [np.zeros_like(p) for p in params]
            self.v = [np.zeros_like(p) for p in params]
        self.t += 1
        # Both moving averages start at zero, so early on they underestimate the true
        # moments by a factor (1 - beta**t); dividing by it removes that bias.
        correction1 = 1.0 - 0.9 ** self.t
        correction2 = 1.0 - 0.999 ** self.t
        for p, g, m, v in zip(params, grads, self.m, self.v):
            m *= 0.9
            m += 0.1 * g
            v *= 0.999
            v += 0.001 * g ** 2
            m_hat = m / correction1
            v_hat = v / correction2
            p -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)
