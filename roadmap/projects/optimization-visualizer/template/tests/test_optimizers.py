import numpy as np
import pytest

from guard import by_hand
from optviz import OBJECTIVES

BOWL = OBJECTIVES["bowl"]  # f = 0.5 (x^2 + 10 y^2), gradient [x, 10 y]
X0 = np.array([1.0, -2.0])  # gradient there: [1, -20]


class _Fresh:
    """Your optimizers module, imported afresh (inside the test, on first use) while torch,
    jax and the like cannot be imported; the block lasts until the test ends."""

    def __init__(self):
        self._block = None
        self._module = None

    def __getattr__(self, name):
        if self._module is None:
            self._block = by_hand("optviz.optimizers")
            (self._module,) = self._block.__enter__()
        return getattr(self._module, name)

    def close(self):
        if self._block is not None:
            self._block.__exit__(None, None, None)


@pytest.fixture
def optimizers():
    fresh = _Fresh()
    yield fresh
    fresh.close()


def _steps(opt, n, x0=X0):
    x = x0.copy()
    out = []
    for _ in range(n):
        new = opt.step(x, BOWL.gradient)
        assert new is not None, f"{type(opt).__name__}.step must return the new point"
        assert np.array_equal(x, out[-1] if out else x0), f"{type(opt).__name__}.step must not modify x in place"
        x = np.asarray(new, dtype=float)
        out.append(x.copy())
    return out


def _check(got, expected, what):
    assert np.allclose(got, expected, rtol=1e-9, atol=1e-12), f"{what}: expected {expected}, got {got}"


def test_gradient_descent_step(optimizers):
    (x1,) = _steps(optimizers.GradientDescent(lr=0.1), 1)
    _check(x1, [0.9, 0.0], "GD from (1, -2) with lr=0.1 on the bowl")


def test_momentum_steps(optimizers):
    x1, x2 = _steps(optimizers.Momentum(lr=0.1, beta=0.9), 2)
    _check(x1, [0.9, 0.0], "momentum step 1 (v starts at 0, so it equals a GD step)")
    _check(x2, [0.72, 1.8], "momentum step 2: v = 0.9*[-0.1, 2] - 0.1*[0.9, 0] = [-0.18, 1.8]")


def test_nesterov_uses_lookahead_gradient(optimizers):
    x1, x2 = _steps(optimizers.Nesterov(lr=0.1, beta=0.9), 2)
    _check(x1, [0.9, 0.0], "Nesterov step 1")
    _check(x2, [0.729, 0.0],
           "Nesterov step 2 must use the gradient at the look-ahead point x1 + 0.9*v1 = (0.81, 1.8); "
           "[0.72, 1.8] would mean you used the plain momentum update")


def test_adagrad_steps(optimizers):
    x1, x2 = _steps(optimizers.AdaGrad(lr=0.5, eps=1e-12), 2)
    _check(x1, [0.5, -1.5], "AdaGrad step 1 (G = g^2, so the step is lr * sign(g))")
    _check(x2, [0.5 - 0.25 / np.sqrt(1.25), -1.2], "AdaGrad step 2 (G accumulates: [1.25, 625])")


def test_rmsprop_steps(optimizers):
    lr, rho, eps = 0.1, 0.9, 1e-8
    got = _steps(optimizers.RMSprop(lr=lr, rho=rho, eps=eps), 3)
    x, s = X0.copy(), np.zeros(2)
    for i in range(3):
        g = BOWL.gradient(x)
        s = rho * s + (1 - rho) * g ** 2
        x = x - lr * g / (np.sqrt(s) + eps)
        assert np.allclose(got[i], x, rtol=1e-9), (
            f"RMSprop step {i + 1}: expected {x}, got {got[i]} (s <- rho s + (1 - rho) g^2)"
        )


def test_adam_steps(optimizers):
    lr, b1, b2, eps = 0.1, 0.9, 0.999, 1e-8
    got = _steps(optimizers.Adam(lr=lr, beta1=b1, beta2=b2, eps=eps), 4)
    assert np.allclose(got[0], [0.9, -1.9], rtol=1e-7), (
        f"Adam's first step is lr * sign(g) thanks to bias correction: expected [0.9, -1.9], got {got[0]}"
    )
    x, m, v = X0.copy(), np.zeros(2), np.zeros(2)
    for t in range(1, 5):
        g = BOWL.gradient(x)
        m = b1 * m + (1 - b1) * g
        v = b2 * v + (1 - b2) * g ** 2
        x = x - lr * (m / (1 - b1 ** t)) / (np.sqrt(v / (1 - b2 ** t)) + eps)
        assert np.allclose(got[t - 1], x, rtol=1e-9), f"Adam step {t}: expected {x}, got {got[t - 1]}"


# Three steps from (1, -2) on the bowl with hyperparameters far from the usual defaults (and a
# large eps, which pins down where eps goes): an optimizer that ignores what it is given fails.
GOLDEN = {
    ("Momentum", (("lr", 0.05), ("beta", 0.5))): [[0.95, -1.0], [0.8775, 0.0], [0.797375, 0.5]],
    ("Nesterov", (("lr", 0.05), ("beta", 0.5))): [[0.95, -1.0], [0.87875, -0.25], [0.80096875, 0.0625]],
    ("AdaGrad", (("lr", 0.5), ("eps", 0.5))): [
        [0.6666666666666667, -1.5121951219512195], [0.470801431739784, -1.216536849022161],
        [0.33934951801151436, -1.0021222160916552]],
    ("RMSprop", (("lr", 0.1), ("rho", 0.5), ("eps", 0.5))): [
        [0.917157287525381, -1.8634079036422433], [0.8476174526854999, -1.7540612918402982],
        [0.784048363536688, -1.6541049707014055]],
    ("Adam", (("lr", 0.1), ("beta1", 0.5), ("beta2", 0.8), ("eps", 0.5))): [
        [0.9333333333333333, -1.9024390243902438], [0.8680422999264997, -1.8055167552974514],
        [0.8045213456052653, -1.7095860335971558]],
}


def test_hyperparameters_are_used(optimizers):
    for (name, params), expected in GOLDEN.items():
        label = f"{name}({', '.join(f'{k}={v}' for k, v in params)})"
        got = _steps(getattr(optimizers, name)(**dict(params)), 3)
        for i in range(3):
            _check(got[i], expected[i], f"{label} step {i + 1} (use the optimizer's own "
                   "hyperparameters, and put eps where the docstring says)")


def test_reset_clears_state(optimizers):
    for opt in [optimizers.Momentum(lr=0.1), optimizers.Nesterov(lr=0.1), optimizers.AdaGrad(lr=0.5), optimizers.RMSprop(lr=0.1), optimizers.Adam(lr=0.1)]:
        fresh = _steps(opt, 1)[0]
        _steps(opt, 3)
        opt.reset()
        again = _steps(opt, 1)[0]
        assert np.allclose(fresh, again), (
            f"after reset(), {type(opt).__name__} must behave like a new object: first step "
            f"{fresh} before, {again} after reset"
        )


def test_every_optimizer_converges_on_convex_bowl(optimizers):
    start = np.array([-4.0, 2.5])
    configs = {
        "GradientDescent(lr=0.1)": optimizers.GradientDescent(lr=0.1),
        "Momentum(lr=0.05, beta=0.8)": optimizers.Momentum(lr=0.05, beta=0.8),
        "Nesterov(lr=0.05, beta=0.8)": optimizers.Nesterov(lr=0.05, beta=0.8),
        "AdaGrad(lr=1.0)": optimizers.AdaGrad(lr=1.0),
        "RMSprop(lr=0.005)": optimizers.RMSprop(lr=0.005),
        "Adam(lr=0.05)": optimizers.Adam(lr=0.05),
    }
    for label, opt in configs.items():
        x = start.copy()
        for _ in range(2000):
            x = np.asarray(opt.step(x, BOWL.gradient), dtype=float)
        f = BOWL.value(x)
        assert np.all(np.isfinite(x)) and f < 1e-4 and np.linalg.norm(x) < 1e-2, (
            f"{label} should reach the bowl's minimum (0, 0) within 2000 steps from {start}; "
            f"it ended at {x} with f = {f:.3g}"
        )
