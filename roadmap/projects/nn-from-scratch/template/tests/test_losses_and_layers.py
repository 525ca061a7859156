import numpy as np

from gradcheck_utils import numeric_gradient, relative_error
from scratchnet import CrossEntropyLoss, Dense, MSELoss, Sequential, Sigmoid, Tanh, ReLU


def test_mse_value_and_gradient():
    y_pred = np.array([[1.0, 2.0], [3.0, 4.0]])
    y_true = np.array([[1.0, 0.0], [0.0, 4.0]])
    loss = MSELoss()
    value = loss.forward(y_pred, y_true)
    assert np.isclose(value, (0 + 4 + 9 + 0) / 4), (
        f"MSE must average over every element: expected 3.25, got {value}"
    )
    grad = loss.backward()
    expected = 2 * (y_pred - y_true) / y_pred.size
    assert np.allclose(grad, expected), f"MSE gradient: expected {expected}, got {grad}"


def test_cross_entropy_value():
    loss = CrossEntropyLoss()
    value = loss.forward(np.zeros((4, 10)), np.array([0, 3, 5, 9]))
    assert np.isclose(value, np.log(10)), (
        f"with all logits equal, cross-entropy is log(C) = {np.log(10):.4f}; got {value}"
    )
    logits = np.array([[2.0, 1.0, 0.1], [0.5, 2.5, 0.3]])
    labels = np.array([0, 2])
    p = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    expected = -np.mean(np.log(p[[0, 1], labels]))
    got = CrossEntropyLoss().forward(logits, labels)
    assert np.isclose(got, expected), f"cross-entropy on known logits: expected {expected:.6f}, got {got}"
    onehot = np.array([[1.0, 0, 0], [0, 0, 1.0]])
    got_onehot = CrossEntropyLoss().forward(logits, onehot)
    assert np.isclose(got_onehot, expected), "one-hot targets must give the same loss as labels"
    huge = CrossEntropyLoss().forward(np.array([[1000.0, 0.0, -1000.0]]), np.array([1]))
    assert np.isfinite(huge) and np.isclose(huge, 1000.0), (
        f"cross-entropy must stay finite for huge logits (use log-sum-exp); expected 1000, got {huge}"
    )


def test_cross_entropy_gradient_matches_finite_differences():
    rng = np.random.default_rng(4)
    logits = rng.normal(size=(5, 4))
    labels = np.array([0, 1, 3, 2, 1])
    loss = CrossEntropyLoss()
    loss.forward(logits, labels)
    analytic = loss.backward()
    assert analytic is not None and analytic.shape == logits.shape, (
        "CrossEntropyLoss.backward must return dL/dlogits with the logits' shape"
    )
    numeric = numeric_gradient(lambda: CrossEntropyLoss().forward(logits, labels), logits)
    err = relative_error(analytic, numeric)
    assert err < 1e-6, (
        f"cross-entropy gradient is off (relative error {err:.2e}); it should be (softmax - one_hot) / N"
    )
    # Confident logits: the exact gradient keeps every digit of the tiny probabilities and of
    # p - 1, a finite-difference estimate inside backward loses most of them.
    logits = rng.normal(size=(6, 4)) * 6
    labels = np.argmax(logits, axis=1)
    labels[:2] = np.argmin(logits[:2], axis=1)  # two rows confidently wrong
    loss = CrossEntropyLoss()
    loss.forward(logits.copy(), labels)
    got = loss.backward()
    shifted = logits - logits.max(axis=1, keepdims=True)
    p = np.exp(shifted) / np.exp(shifted).sum(axis=1, keepdims=True)
    exact = (p - np.eye(4)[labels]) / len(labels)
    err = float(np.max(np.abs(got - exact) / np.abs(exact)))
    assert err < 1e-7, (
        f"on confident logits the cross-entropy gradient is off by a relative {err:.1e}: use the "
        "formula you derived (exercise 4.1); a finite-difference estimate is not a backward pass"
    )


def test_dense_forward():
    layer = Dense(3, 2)
    layer.W[...] = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, -1.0]])
    layer.b[...] = np.array([0.5, -0.5])
    out = layer.forward(np.array([[1.0, 2.0, 3.0]]))
    assert np.allclose(out, [[4.5, -1.5]]), f"Dense.forward should compute x @ W + b = [[4.5, -1.5]], got {out}"


def test_dense_backward_matches_finite_differences():
    rng = np.random.default_rng(5)
    layer = Dense(4, 3, rng=rng)
    layer.b[...] = rng.normal(size=3)
    x = rng.normal(size=(6, 4))
    R = rng.normal(size=(6, 3))
    layer.forward(x)
    dx = layer.backward(R)

    def f():
        return float(np.sum(layer.forward(x) * R))

    for name, analytic, array in [("dL/dx", dx, x), ("dW", layer.dW, layer.W), ("db", layer.db, layer.b)]:
        assert analytic is not None and np.shape(analytic) == array.shape, (
            f"Dense {name} has shape {np.shape(analytic)}, expected {array.shape}"
        )
        err = relative_error(analytic, numeric_gradient(f, array))
        assert err < 1e-6, f"Dense {name} disagrees with finite differences (relative error {err:.2e})"


def test_network_backprop_matches_finite_differences():
    rng = np.random.default_rng(6)
    net = Sequential([Dense(5, 7, rng=rng), Tanh(), Dense(7, 6, rng=rng), Sigmoid(), Dense(6, 3, rng=rng)])
    for layer in net.layers:
        if isinstance(layer, Dense):
            layer.b[...] = rng.normal(scale=0.1, size=layer.b.shape)
    x = rng.normal(size=(8, 5))
    y = rng.integers(0, 3, size=8)
    loss = CrossEntropyLoss()
    loss.forward(net.forward(x), y)
    net.backward(loss.backward())
    analytic = [g.copy() for g in net.gradients()]

    def f():
        return CrossEntropyLoss().forward(net.forward(x), y)

    for i, (p, g) in enumerate(zip(net.parameters(), analytic)):
        err = relative_error(g, numeric_gradient(f, p))
        assert err < 1e-5, (
            f"parameter #{i} (shape {p.shape}) of a Dense-Tanh-Dense-Sigmoid-Dense network has a wrong "
            f"gradient (relative error {err:.2e}). Does Sequential.backward visit the layers in reverse?"
        )
    # ReLU networks too (inputs chosen so no unit sits exactly on the kink)
    net = Sequential([Dense(3, 4, rng=rng), ReLU(), Dense(4, 2, rng=rng)])
    x = rng.normal(size=(5, 3))
    mse = MSELoss()
    target = rng.normal(size=(5, 2))
    mse.forward(net.forward(x), target)
    dx = net.backward(mse.backward())
    assert dx is not None and dx.shape == x.shape, "Sequential.backward must return dL/d(input)"
    err = relative_error(dx, numeric_gradient(lambda: MSELoss().forward(net.forward(x), target), x))
    assert err < 1e-5, f"gradient w.r.t. the network input is wrong (relative error {err:.2e})"
