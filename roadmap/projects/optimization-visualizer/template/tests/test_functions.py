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
