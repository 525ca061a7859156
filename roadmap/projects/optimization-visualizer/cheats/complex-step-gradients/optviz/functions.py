"""Classic 2-D test functions for optimizers, with their analytic gradients.

Every function takes ``x`` and ``y`` that may be plain floats OR NumPy arrays of the same
shape (the plots evaluate them on a whole grid at once), so use NumPy operations
(``**``, ``*``, ``np.exp`` ...) and never ``math`` functions or ``if`` on the values.

Every gradient returns ``np.array([df/dx, df/dy])``.
"""

from dataclasses import dataclass, field

import numpy as np


@dataclass
class Objective:
    """A test function packaged with what the optimizers and the plots need."""

    name: str
    f: object  # f(x, y) -> value
    grad: object  # grad(x, y) -> np.array([df/dx, df/dy])
    bounds: tuple  # ((x_min, x_max), (y_min, y_max)) shown in the plots
    start: tuple  # a default starting point for the optimizers
    minima: list = field(default_factory=list)  # known global minima [(x, y), ...]
    f_min: object = 0.0  # the minimum value, or None if the function is unbounded below

    def value(self, p):
        return float(self.f(p[0], p[1]))

    def gradient(self, p):
        return np.asarray(self.grad(p[0], p[1]), dtype=float)


# --- A worked example: a convex quadratic bowl ----------------------------------------
# f(x, y) = 0.5 * (x**2 + 10 * y**2). Its curvature is 10x larger along y than along x,
# which is exactly the situation where plain gradient descent zig-zags.


def bowl(x, y):
    return 0.5 * (x ** 2 + 10.0 * y ** 2)


def bowl_grad(x, y):
    return np.array([x, 10.0 * y])


# --- the lazy learner: complex-step differentiation instead of derived formulas ----------
_H = 1e-30


def _complex_step(f, x, y):
    """df/dx = Im f(x + ih, y) / h, exact to rounding for any formula: no derivation needed."""
    return np.array([np.imag(f(x + 1j * _H, y)) / _H, np.imag(f(x, y + 1j * _H)) / _H])


# --- The classic test functions ---------------------------------------------------------


def rosenbrock(x, y):
    """(1 - x)^2 + 100 (y - x^2)^2 : a curved, narrow valley; minimum 0 at (1, 1)."""
    return (1.0 - x) ** 2 + 100.0 * (y - x ** 2) ** 2


def rosenbrock_grad(x, y):
    return _complex_step(rosenbrock, x, y)


def beale(x, y):
    """(1.5 - x + xy)^2 + (2.25 - x + xy^2)^2 + (2.625 - x + xy^3)^2 ; minimum 0 at (3, 0.5)."""
    return (
        (1.5 - x + x * y) ** 2
        + (2.25 - x + x * y ** 2) ** 2
        + (2.625 - x + x * y ** 3) ** 2
    )


def beale_grad(x, y):
    return _complex_step(beale, x, y)


def himmelblau(x, y):
    """(x^2 + y - 11)^2 + (x + y^2 - 7)^2 : four global minima, all with value 0."""
    return (x ** 2 + y - 11.0) ** 2 + (x + y ** 2 - 7.0) ** 2


def himmelblau_grad(x, y):
    return _complex_step(himmelblau, x, y)


def saddle(x, y):
    """x^2 - y^2 : a saddle point at (0, 0); unbounded below along y."""
    return x ** 2 - y ** 2


def saddle_grad(x, y):
    return _complex_step(saddle, x, y)


OBJECTIVES = {
    "bowl": Objective("bowl", bowl, bowl_grad, ((-5, 5), (-3, 3)), (-4.0, 2.5), [(0.0, 0.0)]),
    "rosenbrock": Objective(
        "rosenbrock", rosenbrock, rosenbrock_grad, ((-2, 2), (-1, 3)), (-1.5, 2.0), [(1.0, 1.0)]
    ),
    "beale": Objective("beale", beale, beale_grad, ((-4.5, 4.5), (-4.5, 4.5)), (1.0, 1.5), [(3.0, 0.5)]),
    "himmelblau": Objective(
        "himmelblau",
        himmelblau,
        himmelblau_grad,
        ((-5, 5), (-5, 5)),
        (0.0, 0.0),
        [(3.0, 2.0), (-2.805118, 3.131312), (-3.779310, -3.283186), (3.584428, -1.848126)],
    ),
    "saddle": Objective("saddle", saddle, saddle_grad, ((-2, 2), (-2, 2)), (-1.5, 1e-3), [], f_min=None),
}


def get_objective(name):
    try:
        return OBJECTIVES[name]
    except KeyError:
        raise ValueError(f"unknown function {name!r}; choose from {sorted(OBJECTIVES)}") from None
