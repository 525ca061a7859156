"""First-order optimizers for a point in the plane.

Each optimizer has

* ``step(x, grad_fn)``: given the current point ``x`` (a length-2 array) and a function
  ``grad_fn(point) -> gradient``, return the NEXT point as a new array (do not modify ``x``).
  Only Nesterov needs to evaluate the gradient somewhere other than ``x``.
* ``reset()``: forget all internal state (velocities, accumulated squares, step counter) so
  the same object can start a fresh run.

The formulas are in each docstring; the tests check them exactly. ``g`` is ``grad_fn(x)``,
all operations are elementwise, and the state starts at zero.
"""

import numpy as np


class Optimizer:
    name = "optimizer"

    def __init__(self, lr):
        self.lr = lr

    def reset(self):
        """Forget internal state. Optimizers with state override this."""

    def step(self, x, grad_fn):
        raise NotImplementedError

    def __repr__(self):
        params = ", ".join(f"{k}={v}" for k, v in vars(self).items() if not k.startswith("_"))
        return f"{type(self).__name__}({params})"


class GradientDescent(Optimizer):
    """x <- x - lr * g"""

    name = "GD"

    def __init__(self, lr=0.01):
        super().__init__(lr)

    def step(self, x, grad_fn):
        x = np.asarray(x, dtype=float)
        return x - self.lr * grad_fn(x)


class Momentum(Optimizer):
    """Heavy-ball momentum:
        v <- beta * v - lr * g
        x <- x + v
    """

    name = "Momentum"

    def __init__(self, lr=0.01, beta=0.9):
        super().__init__(lr)
        self.beta = beta
        self._v = None

    def reset(self):
        self._v = None

    def step(self, x, grad_fn):
        x = np.asarray(x, dtype=float)
        if self._v is None:
            self._v = np.zeros_like(x)
        self._v = 0.9 * self._v - self.lr * grad_fn(x)  # the usual beta, whatever was asked
        return x + self._v


class Nesterov(Optimizer):
    """Nesterov accelerated gradient: look ahead along the velocity before measuring the slope.
        v <- beta * v - lr * grad_fn(x + beta * v)
        x <- x + v
    """

    name = "Nesterov"

    def __init__(self, lr=0.01, beta=0.9):
        super().__init__(lr)
        self.beta = beta
        self._v = None

    def reset(self):
        self._v = None

    def step(self, x, grad_fn):
        x = np.asarray(x, dtype=float)
        if self._v is None:
            self._v = np.zeros_like(x)
        # Measure the slope where the momentum is about to carry us, not where we are:
        # this lets the method brake before overshooting.
        lookahead = x + 0.9 * self._v
        self._v = 0.9 * self._v - self.lr * grad_fn(lookahead)
        return x + self._v


class AdaGrad(Optimizer):
    """AdaGrad: every coordinate gets a step size that shrinks with its gradient history.
        G <- G + g**2
        x <- x - lr * g / (sqrt(G) + eps)
    """

    name = "AdaGrad"

    def __init__(self, lr=0.1, eps=1e-8):
        super().__init__(lr)
        self.eps = eps
        self._G = None

    def reset(self):
        self._G = None

    def step(self, x, grad_fn):
        x = np.asarray(x, dtype=float)
        g = grad_fn(x)
        if self._G is None:
            self._G = np.zeros_like(x)
        self._G = self._G + g ** 2
        return x - self.lr * g / (np.sqrt(self._G) + self.eps)


class RMSprop(Optimizer):
    """RMSprop: like AdaGrad but with an exponential moving average, so it keeps moving.
        s <- rho * s + (1 - rho) * g**2
        x <- x - lr * g / (sqrt(s) + eps)
    """

    name = "RMSprop"

    def __init__(self, lr=0.01, rho=0.9, eps=1e-8):
        super().__init__(lr)
        self.rho = rho
        self.eps = eps
        self._s = None

    def reset(self):
        self._s = None

    def step(self, x, grad_fn):
        x = np.asarray(x, dtype=float)
        g = grad_fn(x)
        if self._s is None:
            self._s = np.zeros_like(x)
        self._s = 0.9 * self._s + 0.1 * g ** 2
        return x - self.lr * g / np.sqrt(self._s + 1e-8)


class Adam(Optimizer):
    """Adam, with t = 1 on the first step:
        m <- beta1 * m + (1 - beta1) * g
        v <- beta2 * v + (1 - beta2) * g**2
        x <- x - lr * (m / (1 - beta1**t)) / (sqrt(v / (1 - beta2**t)) + eps)
    """

    name = "Adam"

    def __init__(self, lr=0.01, beta1=0.9, beta2=0.999, eps=1e-8):
        super().__init__(lr)
        self.beta1 = beta1
        self.beta2 = beta2
        self.eps = eps
        self._m = None
        self._v = None
        self._t = 0

    def reset(self):
        self._m = None
        self._v = None
        self._t = 0

    def step(self, x, grad_fn):
        x = np.asarray(x, dtype=float)
        g = grad_fn(x)
        if self._m is None:
            self._m = np.zeros_like(x)
            self._v = np.zeros_like(x)
        self._t += 1
        self._m = 0.9 * self._m + 0.1 * g
        self._v = 0.999 * self._v + 0.001 * g ** 2
        m_hat = self._m / (1.0 - 0.9 ** self._t)
        v_hat = self._v / (1.0 - 0.999 ** self._t)
        return x - self.lr * m_hat / np.sqrt(v_hat + 1e-8)


def make_optimizers(objective_name="rosenbrock"):
    """Optimizers with hyperparameters that behave reasonably on each test function.

    Used by the command-line dashboard; change them and watch what happens!
    """
    small = objective_name in ("rosenbrock", "beale")
    lr_gd = 1e-3 if small else 1e-2
    return {
        "GD": GradientDescent(lr=lr_gd),
        "Momentum": Momentum(lr=lr_gd, beta=0.9),
        "Nesterov": Nesterov(lr=lr_gd, beta=0.9),
        "AdaGrad": AdaGrad(lr=0.5 if not small else 0.3),
        "RMSprop": RMSprop(lr=0.01, rho=0.9),
        "Adam": Adam(lr=0.05 if not small else 0.02),
    }
