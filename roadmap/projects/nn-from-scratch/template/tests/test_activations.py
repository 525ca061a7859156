import numpy as np

from gradcheck_utils import numeric_gradient, relative_error
from scratchnet import ReLU, Sigmoid, Softmax, Tanh


def _check_backward(layer, x, name, tol=1e-6):
    """Check layer.backward against finite differences of L = sum(forward(x) * R)."""
    rng = np.random.default_rng(1)
    out = layer.forward(x)
    assert out.shape == x.shape, f"{name}.forward changed the shape: {x.shape} -> {out.shape}"
    R = rng.normal(size=out.shape)
    analytic = layer.backward(R)
    assert analytic is not None, f"{name}.backward returned None instead of dL/dx"
    assert analytic.shape == x.shape, (
        f"{name}.backward must return dL/dx with the input's shape {x.shape}, got {analytic.shape}"
    )
    numeric = numeric_gradient(lambda: float(np.sum(layer.forward(x) * R)), x)
    err = relative_error(analytic, numeric)
    assert err < tol, (
        f"{name}.backward disagrees with finite differences (max relative error {err:.2e}). "
        "Check the derivative formula and that you use the values cached by forward."
    )


def test_relu_forward_and_backward():
    x = np.array([[-2.0, -0.5, 0.3, 1.5], [3.0, -1.0, 0.7, -0.2]])
    out = ReLU().forward(x.copy())
    expected = np.array([[0.0, 0.0, 0.3, 1.5], [3.0, 0.0, 0.7, 0.0]])
    assert np.allclose(out, expected), f"ReLU.forward should zero the negatives: got {out}"
    g = ReLU()
    g.forward(x.copy())
    back = g.backward(np.ones_like(x))
    assert np.allclose(back, (x > 0).astype(float)), (
        f"ReLU.backward(ones) should be 1 where x > 0 and 0 elsewhere, got {back}"
    )
    rng = np.random.default_rng(0)
    x = rng.uniform(0.1, 1.0, size=(4, 5)) * rng.choice([-1.0, 1.0], size=(4, 5))  # no kinks
    _check_backward(ReLU(), x, "ReLU")


def test_sigmoid_values_stability_and_gradient():
    s = Sigmoid()
    out = s.forward(np.array([[0.0, 2.0, -2.0]]))
    expected = 1.0 / (1.0 + np.exp(-np.array([[0.0, 2.0, -2.0]])))
    assert np.allclose(out, expected), f"Sigmoid.forward: expected {expected}, got {out}"
    with np.errstate(over="raise", invalid="raise"):
        try:
            big = Sigmoid().forward(np.array([[-1000.0, 1000.0]]))
        except FloatingPointError as exc:
            raise AssertionError(
                "Sigmoid.forward overflowed for x = -1000; compute exp only of non-positive "
                "numbers (use exp(x) / (1 + exp(x)) when x < 0)"
            ) from exc
    assert np.allclose(big, [[0.0, 1.0]]), f"sigmoid(-1000), sigmoid(1000) should be 0, 1; got {big}"
    x = np.random.default_rng(0).normal(size=(3, 4)) * 2
    _check_backward(Sigmoid(), x, "Sigmoid")


def test_tanh_values_and_gradient():
    x = np.random.default_rng(2).normal(size=(3, 4))
    out = Tanh().forward(x.copy())
    assert np.allclose(out, np.tanh(x)), "Tanh.forward should equal np.tanh"
    _check_backward(Tanh(), x, "Tanh")


def test_softmax_forward():
    x = np.array([[1.0, 2.0, 3.0], [0.0, 0.0, 0.0], [1000.0, 1000.0, 999.0]])
    out = Softmax().forward(x)
    assert np.all(np.isfinite(out)), (
        "Softmax.forward produced inf/nan for logits near 1000: subtract each row's max first"
    )
    assert np.allclose(out.sum(axis=1), 1.0), f"every softmax row must sum to 1, got {out.sum(axis=1)}"
    e = np.exp([1.0, 2.0, 3.0])
    assert np.allclose(out[0], e / e.sum()), f"softmax([1,2,3]) should be {e / e.sum()}, got {out[0]}"
    assert np.allclose(out[1], 1 / 3), "softmax of equal logits must be uniform"
    e = np.exp([0.0, 0.0, -1.0])
    assert np.allclose(out[2], e / e.sum()), "softmax must be unchanged by adding a constant to a row"


def test_softmax_backward_matches_finite_differences():
    x = np.random.default_rng(3).normal(size=(4, 5))
    _check_backward(Softmax(), x, "Softmax")
    # Confident rows (probabilities near 1 and near 1e-9): here the exact J^T g keeps every
    # digit, while a finite-difference estimate inside backward loses most of them.
    rng = np.random.default_rng(8)
    x = rng.normal(size=(6, 5)) * 6
    g = rng.normal(size=(6, 5))
    layer = Softmax()
    s = layer.forward(x.copy())
    got = layer.backward(g.copy())
    exact = s * (g - np.sum(g * s, axis=1, keepdims=True))
    err = float(np.max(np.abs(got - exact) / np.abs(exact)))
    assert err < 1e-8, (
        f"on confident rows Softmax.backward is off by a relative {err:.1e}: apply the Jacobian "
        "you derived (exercise 3.1) exactly; a finite-difference estimate is not a backward pass"
    )
