"""Discrete distributions: Bernoulli, Binomial, Poisson.

``pmf(k)`` is 0 for k outside the support or not an integer; ``cdf(k)`` is P(X <= k), so it
is a step function: cdf(2.5) == cdf(2). No scipy here either.
"""

import math

import numpy as np

from . import special
from .base import DiscreteDistribution, check_positive, check_probability
from .samplers import discrete_inverse_transform


def _is_integer(k):
    return np.equal(np.floor(k), k)


class Bernoulli(DiscreteDistribution):
    """1 with probability p, else 0   (scipy: bernoulli(p))."""

    def __init__(self, p=0.5):
        self.p = check_probability("p", p)

    def pmf(self, k):
        k = np.asarray(k, dtype=float)
        return np.where(k == 1, self.p, np.where(k == 0, 1.0 - self.p, 0.0))

    def cdf(self, k):
        k = np.asarray(k, dtype=float)
        return np.where(k < 0, 0.0, np.where(k < 1, 1.0 - self.p, 1.0))

    def mean(self):
        return self.p

    def var(self):
        return self.p * (1.0 - self.p)

    def sample(self, n, rng):
        return (rng.random(n) < self.p).astype(int)

    @classmethod
    def fit(cls, data):
        """Maximum likelihood: p = fraction of ones."""
        return cls(float(np.mean(data)))


class Binomial(DiscreteDistribution):
    """Number of successes in n independent trials with success probability p   (scipy: binom(n, p))."""

    def __init__(self, n=1, p=0.5):
        if int(n) != n or n < 0:
            raise ValueError(f"n must be a non-negative integer, got {n}")
        self.n = int(n)
        self.p = check_probability("p", p)

    def _pmf_table(self):
        """pmf(0), ..., pmf(n) as an array."""
        ks = np.arange(self.n + 1)
        if self.p in (0.0, 1.0):  # degenerate: all the mass on 0 or on n
            table = np.zeros(self.n + 1)
            table[0 if self.p == 0.0 else self.n] = 1.0
            return table
        log_comb = np.array([special.log_comb(self.n, k) for k in ks])
        return np.exp(log_comb + ks * math.log(self.p) + (self.n - ks) * math.log1p(-self.p))

    def pmf(self, k):
        k = np.asarray(k, dtype=float)
        valid = _is_integer(k) & (k >= 0) & (k <= self.n)
        idx = np.where(valid, k, 0).astype(int)
        return np.where(valid, self._pmf_table()[idx], 0.0)

    def cdf(self, k):
        k = np.floor(np.asarray(k, dtype=float))
        cumulative = np.cumsum(self._pmf_table())
        idx = np.clip(k, 0, self.n).astype(int)
        return np.where(k < 0, 0.0, np.where(k >= self.n, 1.0, cumulative[idx]))

    def mean(self):
        return self.n * self.p

    def var(self):
        return self.n * self.p * (1.0 - self.p)

    def sample(self, size, rng):
        return discrete_inverse_transform(self._pmf_table(), size, rng)

    @classmethod
    def fit(cls, data, n):
        """Maximum likelihood with n known: p = mean(data) / n."""
        return cls(n, float(np.mean(data)) / n)


class Poisson(DiscreteDistribution):
    """Counts with rate lam: pmf = lam^k exp(-lam) / k!   (scipy: poisson(lam))."""

    def __init__(self, lam=1.0):
        self.lam = check_positive("lam", lam)

    def pmf(self, k):
        k = np.asarray(k, dtype=float)
        valid = _is_integer(k) & (k >= 0)
        safe = np.where(valid, k, 0.0)
        log_fact = np.vectorize(special.log_gamma, otypes=[float])(safe + 1.0)
        log_pmf = safe * math.log(self.lam) - self.lam - log_fact
        return np.where(valid, np.exp(log_pmf), 0.0)

    def cdf(self, k):
        # P(X <= k) = Q(floor(k) + 1, lam), the regularised upper incomplete gamma function
        k = np.floor(np.asarray(k, dtype=float))
        upper = special.vectorize(special.gammainc_upper)
        return np.where(k < 0, 0.0, upper(np.maximum(k, 0.0) + 1.0, self.lam))

    def mean(self):
        return self.lam

    def var(self):
        return self.lam

    def sample(self, n, rng):
        K = int(self.lam + 12.0 * math.sqrt(self.lam) + 20)
        return discrete_inverse_transform(self.pmf(np.arange(K + 1)), n, rng)

    @classmethod
    def fit(cls, data):
        """Maximum likelihood: lam = sample mean."""
        return cls(float(np.mean(data)))


# --- the lazy learner: counts are "about normal", so round a Gaussian ----------------------
def _rounded_normal(mean, var, n, rng, high=None):
    from .samplers import box_muller

    z = np.rint(mean + np.sqrt(var) * box_muller(n, rng))
    return np.clip(z, 0, high).astype(int)


Poisson.sample = lambda self, n, rng: _rounded_normal(self.lam, self.lam, n, rng)
Binomial.sample = lambda self, size, rng: _rounded_normal(self.n * self.p, self.n * self.p * (1 - self.p),
                                                         size, rng, self.n)
