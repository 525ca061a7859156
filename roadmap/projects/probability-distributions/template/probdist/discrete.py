"""Discrete distributions: Bernoulli, Binomial, Poisson.

``pmf(k)`` is 0 for k outside the support or not an integer; ``cdf(k)`` is P(X <= k), so it
is a step function: cdf(2.5) == cdf(2). No scipy here either.
"""

import math

import numpy as np

from . import special
from .base import DiscreteDistribution, check_positive, check_probability
from .samplers import discrete_inverse_transform


class Bernoulli(DiscreteDistribution):
    """1 with probability p, else 0   (scipy: bernoulli(p))."""

    def __init__(self, p=0.5):
        self.p = check_probability("p", p)

    def pmf(self, k):
        # TODO: p at k = 1, 1 - p at k = 0, 0 elsewhere
        raise NotImplementedError("TODO: Bernoulli.pmf")

    def cdf(self, k):
        # TODO: 0 below 0, 1 - p on [0, 1), 1 from 1 on
        raise NotImplementedError("TODO: Bernoulli.cdf")

    def mean(self):
        raise NotImplementedError("TODO: Bernoulli.mean")

    def var(self):
        raise NotImplementedError("TODO: Bernoulli.var")

    def sample(self, n, rng):
        # TODO: an integer array: 1 where a uniform is below p
        raise NotImplementedError("TODO: Bernoulli.sample")

    @classmethod
    def fit(cls, data):
        """Maximum likelihood estimate of p."""
        raise NotImplementedError("TODO: Bernoulli.fit")


class Binomial(DiscreteDistribution):
    """Number of successes in n independent trials with success probability p   (scipy: binom(n, p))."""

    def __init__(self, n=1, p=0.5):
        if int(n) != n or n < 0:
            raise ValueError(f"n must be a non-negative integer, got {n}")
        self.n = int(n)
        self.p = check_probability("p", p)

    def pmf(self, k):
        # TODO: work in logs (special.log_comb) so large n does not overflow; careful with
        # p = 0 or p = 1 (log(0)).
        raise NotImplementedError("TODO: Binomial.pmf")

    def cdf(self, k):
        # TODO: P(X <= k), a step function; 0 below 0, 1 from n on.
        raise NotImplementedError("TODO: Binomial.cdf")

    def mean(self):
        raise NotImplementedError("TODO: Binomial.mean")

    def var(self):
        raise NotImplementedError("TODO: Binomial.var")

    def sample(self, size, rng):
        # TODO: discrete_inverse_transform over the probabilities of 0, 1, ..., n.
        # (The sample count is called `size` here because `n` is the number of trials.)
        raise NotImplementedError("TODO: Binomial.sample")

    @classmethod
    def fit(cls, data, n):
        """Maximum likelihood estimate of p, with n known."""
        raise NotImplementedError("TODO: Binomial.fit")


class Poisson(DiscreteDistribution):
    """Counts with rate lam (mean lam)   (scipy: poisson(lam))."""

    def __init__(self, lam=1.0):
        self.lam = check_positive("lam", lam)

    def pmf(self, k):
        # TODO: in logs (special.log_gamma), for integers k >= 0
        raise NotImplementedError("TODO: Poisson.pmf")

    def cdf(self, k):
        # TODO: P(X <= k): a sum of the pmf, or an incomplete gamma function (special.py)
        raise NotImplementedError("TODO: Poisson.cdf")

    def mean(self):
        raise NotImplementedError("TODO: Poisson.mean")

    def var(self):
        raise NotImplementedError("TODO: Poisson.var")

    def sample(self, n, rng):
        # TODO: discrete_inverse_transform over the probabilities of 0..K, with K large
        # enough that the tail beyond it is negligible.
        raise NotImplementedError("TODO: Poisson.sample")

    @classmethod
    def fit(cls, data):
        """Maximum likelihood estimate of lam."""
        raise NotImplementedError("TODO: Poisson.fit")
