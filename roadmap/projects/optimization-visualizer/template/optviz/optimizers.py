"""First-order optimizers for a point in the plane.

Each optimizer has

* ``step(x, grad_fn)``: given the current point ``x`` (a length-2 array) and a function
  ``grad_fn(point) -> gradient``, return the NEXT point as a new array (do not modify ``x``).
  Only Nesterov needs to evaluate the gradient somewhere other than ``x``.
* ``reset()``: forget all internal state (velocities, accumulated squares, step counter) so
  the same object can start a fresh run.

Each docstring states the conventions the tests check exactly (where eps goes, when the
step counter starts); the update rules themselves are yours to work out from the README's
ideas or a textbook, and the lab's hints show them after a failed check. ``g`` is
``grad_fn(x)``, all operations are elementwise, and every state starts at zero.

No torch, jax or the like: the checks import this module afresh with them blocked.
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
    """Plain gradient descent: a step of lr times the gradient, downhill."""

    name = "GD"

    def __init__(self, lr=0.01):
        super().__init__(lr)

    def step(self, x, grad_fn):
        # TODO
        raise NotImplementedError("TODO: GradientDescent.step")


class Momentum(Optimizer):
    """Heavy-ball momentum: a velocity v, decayed by beta every step, is pushed downhill by
    the gradient (scaled by lr), and the point moves by v. (lr sits inside v, not outside.)
    """

    name = "Momentum"

    def __init__(self, lr=0.01, beta=0.9):
        super().__init__(lr)
        self.beta = beta
        self._v = None

    def reset(self):
        self._v = None

    def step(self, x, grad_fn):
        # TODO: start v at zeros the first time, update v, then move x.
        raise NotImplementedError("TODO: Momentum.step")


class Nesterov(Optimizer):
    """Nesterov accelerated gradient: momentum as above, but the slope is measured at the
    look-ahead point x + beta * v, where the velocity is about to carry you.
    """

    name = "Nesterov"

    def __init__(self, lr=0.01, beta=0.9):
        super().__init__(lr)
        self.beta = beta
        self._v = None

    def reset(self):
        self._v = None

    def step(self, x, grad_fn):
        # TODO: evaluate the gradient at the look-ahead point, not at x.
        raise NotImplementedError("TODO: Nesterov.step")


class AdaGrad(Optimizer):
    """AdaGrad: every coordinate gets a step size that shrinks with its gradient history,
    the running SUM of squared gradients G (this step's included). eps is added to sqrt(G),
    not inside the square root.
    """

    name = "AdaGrad"

    def __init__(self, lr=0.1, eps=1e-8):
        super().__init__(lr)
        self.eps = eps
        self._G = None

    def reset(self):
        self._G = None

    def step(self, x, grad_fn):
        # TODO
        raise NotImplementedError("TODO: AdaGrad.step")


class RMSprop(Optimizer):
    """RMSprop: like AdaGrad, but with an exponential moving AVERAGE s of the squared
    gradients (weight rho on the old average), so it keeps moving. eps is added to sqrt(s).
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
        # TODO
        raise NotImplementedError("TODO: RMSprop.step")


class Adam(Optimizer):
    """Adam: moving averages of the gradient (m, weight beta1 on the old) and of its square
    (v, weight beta2), both bias-corrected for starting at zero, with t = 1 on the first step;
    the step is lr times corrected m over (sqrt of corrected v + eps).
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
        # TODO: also reset the moments and the step counter once you use them.
        pass

    def step(self, x, grad_fn):
        # TODO
        raise NotImplementedError("TODO: Adam.step")


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
