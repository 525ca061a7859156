"""Finite-difference helpers shared by the tests."""

import numpy as np


def numeric_gradient(f, x, eps=1e-6):
    """Central-difference gradient of the scalar function f() w.r.t. the array x.

    ``x`` is modified in place and restored, so f must read x (not a copy of it).
    """
    grad = np.zeros_like(x, dtype=float)
    it = np.nditer(x, flags=["multi_index"])
    for _ in it:
        i = it.multi_index
        old = x[i]
        x[i] = old + eps
        f_plus = f()
        x[i] = old - eps
        f_minus = f()
        x[i] = old
        grad[i] = (f_plus - f_minus) / (2 * eps)
    return grad


def relative_error(a, b):
    a = np.asarray(a, dtype=float)
    b = np.asarray(b, dtype=float)
    return float(np.max(np.abs(a - b) / np.maximum(1e-8, np.abs(a) + np.abs(b))))
