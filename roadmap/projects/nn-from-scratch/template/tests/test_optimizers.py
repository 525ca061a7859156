"""Each optimizer is checked against its formula on small, known numbers."""

import numpy as np

from scratchnet import SGD, Adam, Momentum, RMSprop

# Two parameters of different shapes and a fixed sequence of three gradients for each.
P0 = [np.array([1.0, -2.0]), np.array([[0.5, 0.0], [-1.0, 3.0]])]
GRADS = [
    [np.array([0.5, -1.0]), np.array([[0.1, 0.2], [-0.3, 0.4]])],
    [np.array([0.2, 0.3]), np.array([[-0.1, 0.0], [0.5, -0.2]])],
    [np.array([-0.4, 0.1]), np.array([[0.3, -0.3], [0.0, 0.1]])],
]


def _run(opt, n_steps):
    params = [p.copy() for p in P0]
    ids = [id(p) for p in params]
    for grads in GRADS[:n_steps]:
        opt.step(params, [g.copy() for g in grads])
    assert [id(p) for p in params] == ids, "step must update the parameter arrays in place"
    return params


def _assert_close(got, expected, what):
    for i, (g, e) in enumerate(zip(got, expected)):
        assert np.allclose(g, e, rtol=1e-7, atol=1e-10), (
            f"{what}: parameter #{i} should be\n{e}\nbut is\n{g}\n"
            "(if it never moved, check that you update the arrays in place, e.g. p -= ...)"
        )


def _momentum_reference(lr, beta):
    """The parameters after three momentum steps: v <- beta*v + g; p <- p - lr*v."""
    expected = [p.copy() for p in P0]
    v = [np.zeros_like(p) for p in P0]
    for grads in GRADS:
        for i in range(2):
            v[i] = beta * v[i] + grads[i]
            expected[i] = expected[i] - lr * v[i]
    return expected


def _rmsprop_reference(lr, rho, eps):
    """The parameters after three RMSprop steps (eps added to the root, outside it)."""
    expected = [p.copy() for p in P0]
    s = [np.zeros_like(p) for p in P0]
    for grads in GRADS:
        for i in range(2):
            s[i] = rho * s[i] + (1 - rho) * grads[i] ** 2
            expected[i] = expected[i] - lr * grads[i] / (np.sqrt(s[i]) + eps)
    return expected


def _adam_reference(lr, b1, b2, eps):
    """The parameters after three Adam steps, bias-corrected, eps outside the root."""
    expected = [p.copy() for p in P0]
    m = [np.zeros_like(p) for p in P0]
    v = [np.zeros_like(p) for p in P0]
    for t, grads in enumerate(GRADS, start=1):
        for i in range(2):
            m[i] = b1 * m[i] + (1 - b1) * grads[i]
            v[i] = b2 * v[i] + (1 - b2) * grads[i] ** 2
            m_hat = m[i] / (1 - b1 ** t)
            v_hat = v[i] / (1 - b2 ** t)
            expected[i] = expected[i] - lr * m_hat / (np.sqrt(v_hat) + eps)
    return expected


def test_sgd_step():
    params = _run(SGD(lr=0.1), 1)
    _assert_close(params, [np.array([0.95, -1.9]), np.array([[0.49, -0.02], [-0.97, 2.96]])],
                  "one SGD step with lr=0.1")
    params = _run(SGD(lr=0.1), 3)
    expected = [p - 0.1 * sum(g[i] for g in GRADS) for i, p in enumerate(P0)]
    _assert_close(params, expected, "three SGD steps")


def test_momentum_steps():
    lr, beta = 0.1, 0.9
    params = _run(Momentum(lr=lr, beta=beta), 1)
    _assert_close(params, [np.array([0.95, -1.9]), np.array([[0.49, -0.02], [-0.97, 2.96]])],
                  "the first momentum step (velocity starts at zero, so it equals an SGD step)")
    _assert_close(_run(Momentum(lr=lr, beta=beta), 3), _momentum_reference(lr, beta),
                  "three momentum steps (v <- beta*v + g; p <- p - lr*v)")


def test_rmsprop_steps():
    lr, rho, eps = 0.01, 0.9, 1e-8
    params = _run(RMSprop(lr=lr, rho=rho, eps=eps), 1)
    # after one step s = 0.1 * g**2, so the update is lr * g / (sqrt(0.1) * |g|)
    first = [np.array([1.0 - 0.01 / np.sqrt(0.1), -2.0 + 0.01 / np.sqrt(0.1)])]
    assert np.allclose(params[0], first[0], rtol=1e-6), (
        f"first RMSprop step should move each coordinate by lr/sqrt(1-rho) = {0.01 / np.sqrt(0.1):.5f} "
        f"against the sign of g: expected {first[0]}, got {params[0]}"
    )
    expected = _rmsprop_reference(lr, rho, eps)
    params = _run(RMSprop(lr=lr, rho=rho, eps=eps), 3)
    for i, (g, e) in enumerate(zip(params, expected)):
        assert np.allclose(g, e, rtol=1e-6, atol=1e-9), (
            f"three RMSprop steps: parameter #{i} should be\n{e}\nbut is\n{g}"
        )


def test_adam_steps():
    lr, b1, b2, eps = 0.01, 0.9, 0.999, 1e-8
    params = _run(Adam(lr=lr, beta1=b1, beta2=b2, eps=eps), 1)
    # Thanks to bias correction, Adam's first step is lr * sign(g) (where g != 0).
    first = P0[0] - lr * np.sign(GRADS[0][0])
    assert np.allclose(params[0], first, rtol=1e-6), (
        f"Adam's first step should be lr * sign(g) thanks to bias correction: expected {first}, "
        f"got {params[0]}. Did you divide m and v by (1 - beta**t) with t = 1?"
    )
    expected = _adam_reference(lr, b1, b2, eps)
    params = _run(Adam(lr=lr, beta1=b1, beta2=b2, eps=eps), 3)
    for i, (g, e) in enumerate(zip(params, expected)):
        assert np.allclose(g, e, rtol=1e-6, atol=1e-9), (
            f"three Adam steps: parameter #{i} should be\n{e}\nbut is\n{g}\n"
            "(t must grow by one per step() call, shared by all parameters)"
        )


def test_optimizers_use_their_hyperparameters():
    # Values far from the usual defaults, and an eps large enough that where it goes matters:
    # an optimizer with 0.9 / 0.999 written into its formulas, or eps under the square root,
    # moves the parameters elsewhere.
    params = _run(SGD(lr=0.3), 3)
    _assert_close(params, [p - 0.3 * sum(g[i] for g in GRADS) for i, p in enumerate(P0)],
                  "three SGD steps with lr=0.3")
    _assert_close(_run(Momentum(lr=0.05, beta=0.5), 3), _momentum_reference(0.05, 0.5),
                  "three momentum steps with beta=0.5 (use self.beta, not a number of your own)")
    _assert_close(_run(RMSprop(lr=0.02, rho=0.6, eps=0.05), 3), _rmsprop_reference(0.02, 0.6, 0.05),
                  "three RMSprop steps with rho=0.6, eps=0.05 (use self.rho; "
                  "p -= lr * g / (sqrt(s) + eps))")
    _assert_close(_run(Adam(lr=0.02, beta1=0.5, beta2=0.8, eps=0.05), 3),
                  _adam_reference(0.02, 0.5, 0.8, 0.05),
                  "three Adam steps with beta1=0.5, beta2=0.8, eps=0.05 (use self.beta1 and "
                  "self.beta2; p -= lr * m_hat / (sqrt(v_hat) + eps))")
