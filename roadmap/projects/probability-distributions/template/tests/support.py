"""Helpers shared by the tests."""

import re
from pathlib import Path

import numpy as np

PACKAGE = Path(__file__).resolve().parent.parent / "probdist"


class UniformOnlyRNG:
    """A random generator that offers nothing but uniforms on [0, 1).

    The samplers must build every distribution from these, so calling rng.normal,
    rng.exponential, ... raises an AttributeError with an explanation.
    """

    def __init__(self, seed):
        self._gen = np.random.default_rng(seed)

    def random(self, size=None):
        return self._gen.random(size)

    def __getattr__(self, name):
        raise AttributeError(
            f"rng.{name} is not allowed in this project: build your samplers from rng.random() "
            "(uniforms on [0, 1)) using inverse transform, Box-Muller or rejection sampling"
        )


def assert_no_scipy():
    pattern = re.compile(r"^\s*(import\s+scipy|from\s+scipy)", re.M)
    for path in sorted(PACKAGE.glob("*.py")):
        assert not pattern.search(path.read_text(encoding="utf-8")), (
            f"{path.name} imports scipy; implement the maths with numpy, math and probdist.special"
        )


def close(got, expected, what, rtol=1e-7, atol=1e-12):
    got = np.asarray(got, dtype=float)
    expected = np.asarray(expected, dtype=float)
    assert got.shape == expected.shape, f"{what}: expected an array of shape {expected.shape}, got {got.shape}"
    bad = ~np.isclose(got, expected, rtol=rtol, atol=atol)
    if bad.any():
        i = np.argmax(bad)
        raise AssertionError(
            f"{what}: {bad.sum()} of {bad.size} values differ from scipy.stats; "
            f"e.g. element {i}: expected {expected.flat[i]!r}, got {got.flat[i]!r}"
        )
