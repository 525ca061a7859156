"""Continuous distributions: Gaussian, Exponential, Uniform, Gamma, Beta.

Use numpy, math and the helpers in ``special.py``; do NOT import scipy (the tests use scipy
as the reference your numbers are compared with, and they check that you did not use it).
Parametrisations follow scipy.stats so the comparison is direct.
"""

import math

import numpy as np

from . import special
from .base import ContinuousDistribution, check_positive
from .samplers import box_muller, inverse_transform, rejection_sample


class Gaussian(ContinuousDistribution):
    """Normal distribution N(mu, sigma^2)   (scipy: norm(loc=mu, scale=sigma))."""

    def __init__(self, mu=0.0, sigma=1.0):
        self.mu = float(mu)
        self.sigma = check_positive("sigma", sigma)

    def pdf(self, x):
        # TODO: exp(-(x - mu)^2 / (2 sigma^2)) / (sigma sqrt(2 pi))
        raise NotImplementedError("TODO: Gaussian.pdf")

    def cdf(self, x):
        # TODO: 0.5 * erfc(-(x - mu) / (sigma sqrt 2)); special.erfc is scalar-only, so wrap
        # it with special.vectorize (or use a list comprehension).
        raise NotImplementedError("TODO: Gaussian.cdf")

    def mean(self):
        raise NotImplementedError("TODO: Gaussian.mean")

    def var(self):
        raise NotImplementedError("TODO: Gaussian.var")

    def sample(self, n, rng):
        # TODO: shift and scale standard normals from box_muller.
        raise NotImplementedError("TODO: Gaussian.sample")

    @classmethod
    def fit(cls, data):
        """Maximum likelihood: mu = sample mean, sigma = sqrt(mean squared deviation) (ddof=0)."""
        # TODO
        raise NotImplementedError("TODO: Gaussian.fit")


class Exponential(ContinuousDistribution):
    """Exponential with rate lambda: pdf = rate * exp(-rate x) for x >= 0  (scipy: expon(scale=1/rate))."""

    def __init__(self, rate=1.0):
        self.rate = check_positive("rate", rate)

    def pdf(self, x):
        # TODO: zero for x < 0
        raise NotImplementedError("TODO: Exponential.pdf")

    def cdf(self, x):
        # TODO: 1 - exp(-rate x) for x >= 0, zero below
        raise NotImplementedError("TODO: Exponential.cdf")

    def mean(self):
        raise NotImplementedError("TODO: Exponential.mean")

    def var(self):
        raise NotImplementedError("TODO: Exponential.var")

    def sample(self, n, rng):
        # TODO: inverse transform - solve u = 1 - exp(-rate x) for x.
        raise NotImplementedError("TODO: Exponential.sample")

    @classmethod
    def fit(cls, data):
        """Maximum likelihood: rate = 1 / sample mean."""
        raise NotImplementedError("TODO: Exponential.fit")


class Uniform(ContinuousDistribution):
    """Uniform on [a, b]   (scipy: uniform(loc=a, scale=b - a))."""

    def __init__(self, a=0.0, b=1.0):
        if not b > a:
            raise ValueError(f"need a < b, got a={a}, b={b}")
        self.a = float(a)
        self.b = float(b)

    def pdf(self, x):
        # TODO: 1 / (b - a) inside [a, b], 0 outside
        raise NotImplementedError("TODO: Uniform.pdf")

    def cdf(self, x):
        # TODO: (x - a) / (b - a), clipped to [0, 1]
        raise NotImplementedError("TODO: Uniform.cdf")

    def mean(self):
        raise NotImplementedError("TODO: Uniform.mean")

    def var(self):
        raise NotImplementedError("TODO: Uniform.var")

    def sample(self, n, rng):
        # TODO: inverse transform
        raise NotImplementedError("TODO: Uniform.sample")

    @classmethod
    def fit(cls, data):
        """Maximum likelihood: a = min(data), b = max(data)."""
        raise NotImplementedError("TODO: Uniform.fit")


class Gamma(ContinuousDistribution):
    """Gamma with shape k and scale theta:
    pdf = x^(k-1) exp(-x / theta) / (Gamma(k) theta^k) for x > 0   (scipy: gamma(k, scale=theta)).
    """

    def __init__(self, shape=1.0, scale=1.0):
        self.shape = check_positive("shape", shape)
        self.scale = check_positive("scale", scale)

    def pdf(self, x):
        # TODO: compute the log of the density with special.log_gamma, then exp; 0 for x <= 0.
        raise NotImplementedError("TODO: Gamma.pdf")

    def cdf(self, x):
        # TODO: P(shape, x / scale) with special.gammainc_lower; 0 for x <= 0.
        raise NotImplementedError("TODO: Gamma.cdf")

    def mean(self):
        raise NotImplementedError("TODO: Gamma.mean")

    def var(self):
        raise NotImplementedError("TODO: Gamma.var")

    def sample(self, n, rng):
        # TODO: rejection sampling for Gamma(k, 1), then multiply by scale.
        # For k >= 1 an Exponential proposal with mean k works: g(x) = exp(-x / k) / k and
        #     M = k^k exp(1 - k) / Gamma(k)   (the maximum of f / g, reached at x = k).
        # For k < 1 use the "boost": if G ~ Gamma(k + 1, 1) and U ~ U(0, 1), then
        #     G * U^(1 / k) ~ Gamma(k, 1).
        raise NotImplementedError("TODO: Gamma.sample")

    @classmethod
    def fit(cls, data):
        """Maximum likelihood (x > 0). With s = log(mean(x)) - mean(log(x)), the MLE shape k solves
            log(k) - digamma(k) = s.
        Start from k0 = (3 - s + sqrt((s - 3)^2 + 24 s)) / (12 s) and refine with Newton's method
        (the derivative of the left side is 1/k - trigamma(k)); then scale = mean(x) / k.
        """
        raise NotImplementedError("TODO: Gamma.fit")


class Beta(ContinuousDistribution):
    """Beta(a, b) on [0, 1]: pdf = x^(a-1) (1-x)^(b-1) / B(a, b)   (scipy: beta(a, b))."""

    def __init__(self, a=1.0, b=1.0):
        self.a = check_positive("a", a)
        self.b = check_positive("b", b)

    def pdf(self, x):
        # TODO: use special.log_beta; 0 outside (0, 1).
        raise NotImplementedError("TODO: Beta.pdf")

    def cdf(self, x):
        # TODO: special.betainc(a, b, x), 0 below 0 and 1 above 1.
        raise NotImplementedError("TODO: Beta.cdf")

    def mean(self):
        raise NotImplementedError("TODO: Beta.mean")

    def var(self):
        raise NotImplementedError("TODO: Beta.var")

    def sample(self, n, rng):
        # TODO: if a >= 1 and b >= 1 the density is bounded by its value at the mode
        # (a - 1) / (a + b - 2) (take 0.5 when a = b = 1): use rejection_sample with a
        # Uniform(0, 1) proposal and M = that maximum.
        # Otherwise use X / (X + Y) with X ~ Gamma(a, 1), Y ~ Gamma(b, 1).
        raise NotImplementedError("TODO: Beta.sample")

    @classmethod
    def fit(cls, data):
        """Maximum likelihood for data in (0, 1). The MLE solves
            digamma(a) - digamma(a + b) = mean(log x)
            digamma(b) - digamma(a + b) = mean(log(1 - x))
        Start from the method of moments (m = mean, v = variance, c = m (1 - m) / v - 1,
        a0 = m c, b0 = (1 - m) c) and run a few Newton steps on this 2x2 system. Its Jacobian
        is [[trigamma(a) - t, -t], [-t, trigamma(b) - t]] with t = trigamma(a + b).
        """
        raise NotImplementedError("TODO: Beta.fit")
