import numpy as np

from guard import by_hand
from optviz.functions import (
    OBJECTIVES,
    beale,
    beale_grad,
    himmelblau,
    himmelblau_grad,
    rosenbrock,
    rosenbrock_grad,
    saddle,
    saddle_grad,
)

FUNCTIONS = {
    "rosenbrock": (rosenbrock, rosenbrock_grad),
    "beale": (beale, beale_grad),
    "himmelblau": (himmelblau, himmelblau_grad),
    "saddle": (saddle, saddle_grad),
}


def numeric_grad(f, x, y, h=1e-6):
    return np.array([(f(x + h, y) - f(x - h, y)) / (2 * h), (f(x, y + h) - f(x, y - h)) / (2 * h)])


def test_values_at_known_points():
    cases = [
        ("rosenbrock", rosenbrock, (1.0, 1.0), 0.0),
        ("rosenbrock", rosenbrock, (0.0, 0.0), 1.0),
        ("rosenbrock", rosenbrock, (-1.0, 2.0), 104.0),
        ("beale", beale, (3.0, 0.5), 0.0),
        ("beale", beale, (0.0, 0.0), 14.203125),
        ("beale", beale, (1.0, 1.0), 14.203125),
        ("himmelblau", himmelblau, (3.0, 2.0), 0.0),
        ("himmelblau", himmelblau, (0.0, 0.0), 170.0),
        ("saddle", saddle, (2.0, 1.0), 3.0),
        ("saddle", saddle, (0.5, -1.5), -2.0),
    ]
    for name, f, (x, y), expected in cases:
        got = f(x, y)
        assert np.isclose(got, expected, atol=1e-12), f"{name}({x}, {y}) should be {expected}, got {got}"
    for mx, my in OBJECTIVES["himmelblau"].minima:
        got = himmelblau(mx, my)
        assert abs(got) < 1e-8, f"himmelblau should be ~0 at its minimum ({mx}, {my}), got {got}"


def test_functions_accept_arrays():
    X, Y = np.meshgrid(np.linspace(-2, 2, 7), np.linspace(-1, 3, 5))
    for name, (f, _) in FUNCTIONS.items():
        Z = f(X, Y)
        assert np.shape(Z) == X.shape, (
            f"{name} must work elementwise on arrays (the plots evaluate a whole grid): "
            f"expected shape {X.shape}, got {np.shape(Z)}"
        )
        assert np.isclose(Z[2, 3], f(float(X[2, 3]), float(Y[2, 3]))), f"{name} on arrays disagrees with scalars"


def test_gradients_match_finite_differences():
    rng = np.random.default_rng(0)
    with by_hand("optviz.functions") as (functions,):  # no autodiff library can be imported
        for name in FUNCTIONS:
            f, grad = getattr(functions, name), getattr(functions, f"{name}_grad")
            (x0, x1), (y0, y1) = OBJECTIVES[name].bounds
            for _ in range(10):
                x, y = rng.uniform(x0, x1), rng.uniform(y0, y1)
                analytic = np.asarray(grad(x, y), dtype=float)
                assert analytic.shape == (2,), f"{name}_grad must return np.array([df/dx, df/dy]), got {analytic!r}"
                numeric = numeric_grad(f, x, y)
                assert np.allclose(analytic, numeric, rtol=1e-5, atol=1e-4), (
                    f"{name}_grad({x:.3f}, {y:.3f}) = {analytic} but finite differences give {numeric}; "
                    "re-derive the partial derivatives"
                )


def test_gradient_vanishes_at_stationary_points():
    with by_hand("optviz.functions") as (functions,):
        points = [("rosenbrock", (1.0, 1.0), 1e-12), ("beale", (3.0, 0.5), 1e-12),
                  ("saddle", (0.0, 0.0), 1e-12)]
        points += [("himmelblau", m, 1e-3) for m in OBJECTIVES["himmelblau"].minima]
        for name, (x, y), tol in points:
            g = np.asarray(getattr(functions, f"{name}_grad")(x, y), dtype=float)
            assert np.linalg.norm(g) < tol, f"the gradient of {name} should vanish at ({x}, {y}); got {g}"
        g = np.asarray(functions.saddle_grad(1.0, 1.0), dtype=float)
    assert np.allclose(g, [2.0, -2.0]), f"saddle_grad(1, 1) should be [2, -2] (x^2 - y^2), got {g}"


# Gradients worked out in exact (rational) arithmetic. A derived formula gets them to the last
# few bits; a finite-difference estimate is off by about 1e-9 and fails.
EXACT = [
    ("rosenbrock", (-1.5, 2.25), [-5.0, 0.0]),
    ("rosenbrock", (0.5, -0.3), [109.0, -110.0]),
    ("rosenbrock", (-1.2, 1.0), [-215.6, -88.0]),
    ("beale", (1.0, 1.5), [34.5, 92.5]),
    ("beale", (2.5, -0.8), [13.32072, -36.888]),
    ("himmelblau", (-1.0, 2.0), [24.0, -48.0]),
    ("himmelblau", (3.5, -1.8), [-8.22, 0.772]),
    ("saddle", (0.7, -1.3), [1.4, 2.6]),
]


def test_gradients_are_exact():
    with by_hand("optviz.functions") as (functions,):
        for name, (x, y), expected in EXACT:
            g = np.asarray(getattr(functions, f"{name}_grad")(x, y), dtype=float)
            err = np.abs(g - expected)
            assert np.all(err <= 1e-12 * (1 + np.abs(expected))), (
                f"{name}_grad({x}, {y}) should be exactly {expected}, got {g.tolist()} (off by "
                f"{err.max():.1e}): a finite-difference estimate is not a derivation"
            )


class RealOnly:
    """A real number that takes part in real arithmetic only (+ - * / ** with ints, floats and
    other RealOnly numbers) and refuses complex numbers. A gradient written as a formula in x
    and y works on it unchanged; a gradient that steps into the complex plane to read the
    derivative off an imaginary part (complex-step differentiation) cannot."""

    __slots__ = ("value",)

    def __init__(self, value):
        self.value = float(value)

    def _real(self, other):
        if isinstance(other, RealOnly):
            return other.value
        if isinstance(other, (complex, np.complexfloating)):
            raise TypeError("complex arithmetic on x or y: the gradient must be a derived formula, "
                            "not read off f at a complex point (complex-step differentiation)")
        if isinstance(other, (int, float, np.integer, np.floating)):
            return float(other)
        return None

    def _op(self, other, fn):
        real = self._real(other)
        return NotImplemented if real is None else RealOnly(fn(self.value, real))

    def __add__(self, o): return self._op(o, lambda a, b: a + b)
    def __radd__(self, o): return self._op(o, lambda a, b: b + a)
    def __sub__(self, o): return self._op(o, lambda a, b: a - b)
    def __rsub__(self, o): return self._op(o, lambda a, b: b - a)
    def __mul__(self, o): return self._op(o, lambda a, b: a * b)
    def __rmul__(self, o): return self._op(o, lambda a, b: b * a)
    def __truediv__(self, o): return self._op(o, lambda a, b: a / b)
    def __rtruediv__(self, o): return self._op(o, lambda a, b: b / a)
    def __pow__(self, o): return self._op(o, lambda a, b: a ** b)
    def __rpow__(self, o): return self._op(o, lambda a, b: b ** a)
    def __neg__(self): return RealOnly(-self.value)
    def __pos__(self): return self
    def __abs__(self): return RealOnly(abs(self.value))
    def __float__(self): return self.value

    def __complex__(self):
        raise TypeError("complex(x): the gradient must be a derived formula, not complex-step "
                        "differentiation")


def test_gradients_are_real_formulas():
    with by_hand("optviz.functions") as (functions,):
        for name, (x, y), expected in EXACT:
            try:
                g = getattr(functions, f"{name}_grad")(RealOnly(x), RealOnly(y))
                g = np.array([float(v) for v in np.asarray(g, dtype=object).ravel()])
            except TypeError as refused:
                raise AssertionError(f"{name}_grad({x}, {y}) given real numbers that allow only "
                                     f"+ - * / ** failed: {refused}") from None
            assert np.allclose(g, expected, rtol=1e-12, atol=1e-12), (
                f"{name}_grad({x}, {y}) in plain real arithmetic gave {g.tolist()}, expected {expected}")
