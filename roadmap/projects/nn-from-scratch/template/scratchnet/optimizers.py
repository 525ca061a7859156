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
        # TODO: update every p in place with p -= lr * g.
        raise NotImplementedError("TODO: SGD.step - p -= lr * g for every parameter")


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
        # TODO: create zero velocities on the first call, then apply the two lines above.
        raise NotImplementedError("TODO: Momentum.step")


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
        # TODO: keep one running average of squared gradients per parameter.
        raise NotImplementedError("TODO: RMSprop.step")


class Adam(Optimizer):
    """Adam (Kingma & Ba, 2015). With t counting steps from 1:

        m <- beta1 * m + (1 - beta1) * g
        v <- beta2 * v + (1 - beta2) * g**2
        m_hat = m / (1 - beta1**t)
        v_hat = v / (1 - beta2**t)
        p <- p - lr * m_hat / (sqrt(v_hat) + eps)
    """

    def __init__(self, lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8):
        super().__init__(lr)
        self.beta1 = beta1
        self.beta2 = beta2
        self.eps = eps
        self.t = 0
        self.m = None
        self.v = None

    def step(self, params, grads):
        # TODO: increase t once per call (not once per parameter!), update m and v,
        # correct their bias and move every parameter.
        raise NotImplementedError("TODO: Adam.step")
