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
        # TODO: move every parameter, in place, against its gradient.
        raise NotImplementedError("TODO: SGD.step")


class Momentum(Optimizer):
    """Gradient descent with heavy-ball momentum, no dampening (DERIVATIONS.md 7.2)."""

    def __init__(self, lr=0.01, beta=0.9):
        super().__init__(lr)
        self.beta = beta
        self.velocity = None  # list of arrays, one per parameter, created on the first step

    def step(self, params, grads):
        # TODO: create one zero velocity per parameter on the first call, then apply the rule.
        raise NotImplementedError("TODO: Momentum.step")


class RMSprop(Optimizer):
    """RMSprop: scale each coordinate by a running RMS of its gradients (DERIVATIONS.md 7.3)."""

    def __init__(self, lr=0.001, rho=0.9, eps=1e-8):
        super().__init__(lr)
        self.rho = rho
        self.eps = eps
        self.square_avg = None

    def step(self, params, grads):
        # TODO: keep one running average of squared gradients per parameter.
        raise NotImplementedError("TODO: RMSprop.step")


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
        # TODO: count the step once per call (not once per parameter!), update both moving
        # averages, correct their bias and move every parameter.
        raise NotImplementedError("TODO: Adam.step")
