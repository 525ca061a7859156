"""Shared base classes (given)."""

import numpy as np


class Distribution:
    """Common interface of every distribution in the package.

    Subclasses implement: ``cdf(x)``, ``mean()``, ``var()``, ``sample(n, rng)`` and the
    classmethod ``fit(data)``; continuous ones add ``pdf(x)``, discrete ones ``pmf(k)``.

    ``x``/``k`` may be a number or an array: return an array of the same shape (a NumPy
    0-d result is fine for a scalar input).
    """

    def cdf(self, x):
        raise NotImplementedError

    def mean(self):
        raise NotImplementedError

    def var(self):
        raise NotImplementedError

    def std(self):
        return float(np.sqrt(self.var()))

    def sample(self, n, rng):
        raise NotImplementedError

    @classmethod
    def fit(cls, data):
        raise NotImplementedError

    def params(self):
        """The parameters as a dict, e.g. {"mu": 0.0, "sigma": 1.0}."""
        return {k: v for k, v in vars(self).items() if not k.startswith("_")}

    def __repr__(self):
        args = ", ".join(f"{k}={v:.4g}" if isinstance(v, float) else f"{k}={v}" for k, v in self.params().items())
        return f"{type(self).__name__}({args})"


class ContinuousDistribution(Distribution):
    is_discrete = False

    def pdf(self, x):
        raise NotImplementedError


class DiscreteDistribution(Distribution):
    is_discrete = True

    def pmf(self, k):
        raise NotImplementedError


def check_positive(name, value):
    if not value > 0:
        raise ValueError(f"{name} must be > 0, got {value}")
    return float(value)


def check_probability(name, value):
    if not 0.0 <= value <= 1.0:
        raise ValueError(f"{name} must be in [0, 1], got {value}")
    return float(value)
