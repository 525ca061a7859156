"""Continuous distributions: Gaussian, Exponential, Uniform, Gamma, Beta.

Use numpy, math and the helpers in ``special.py``; do NOT use scipy (the tests use scipy
as the reference your numbers are compared with, and they run your code again while scipy
cannot be imported). Parametrisations follow scipy.stats so the comparison is direct. The
formulas are in your textbook (or Wikipedia), and in the lab's hints once a check fails.
"""

import math

import numpy as np

from . import special
from .base import ContinuousDistribution, check_positive
from .samplers import box_muller, inverse_transform, rejection_sample


class Gaussian(ContinuousDistribution):
    """Normal distribution with mean mu and standard deviation sigma   (scipy: norm(loc=mu, scale=sigma))."""

    def __init__(self, mu=0.0, sigma=1.0):
        self.mu = float(mu)
        self.sigma = check_positive("sigma", sigma)

    def pdf(self, x):
        # TODO: the normal density, for a number or an array (np.asarray first).
        raise NotImplementedError("TODO: Gaussian.pdf")

    def cdf(self, x):
        # TODO: the normal cdf has no closed form: write it with special.erfc, which is
        # scalar-only (wrap it with special.vectorize, or use a list comprehension).
        raise NotImplementedError("TODO: Gaussian.cdf")

    def mean(self):
        raise NotImplementedError("TODO: Gaussian.mean")

    def var(self):
        raise NotImplementedError("TODO: Gaussian.var")

    def sample(self, n, rng):
        # TODO: from box_muller's standard normals.
        raise NotImplementedError("TODO: Gaussian.sample")

    @classmethod
    def fit(cls, data):
        """Maximum likelihood estimates of mu and sigma (the MLE of sigma divides by n, not n - 1)."""
        # TODO
        raise NotImplementedError("TODO: Gaussian.fit")


class Exponential(ContinuousDistribution):
    """Exponential with rate lambda, on x >= 0; its mean is 1 / rate   (scipy: expon(scale=1/rate))."""

    def __init__(self, rate=1.0):
        self.rate = check_positive("rate", rate)

    def pdf(self, x):
        # TODO: zero for x < 0
        raise NotImplementedError("TODO: Exponential.pdf")

    def cdf(self, x):
        # TODO: zero for x < 0
        raise NotImplementedError("TODO: Exponential.cdf")

    def mean(self):
        raise NotImplementedError("TODO: Exponential.mean")

    def var(self):
        raise NotImplementedError("TODO: Exponential.var")

    def sample(self, n, rng):
        # TODO: inverse transform: solve u = F(x) for x, one uniform per sample.
        raise NotImplementedError("TODO: Exponential.sample")

    @classmethod
    def fit(cls, data):
        """Maximum likelihood estimate of the rate."""
        raise NotImplementedError("TODO: Exponential.fit")


class Uniform(ContinuousDistribution):
    """Uniform on [a, b]   (scipy: uniform(loc=a, scale=b - a))."""

    def __init__(self, a=0.0, b=1.0):
        if not b > a:
            raise ValueError(f"need a < b, got a={a}, b={b}")
        self.a = float(a)
        self.b = float(b)

    def pdf(self, x):
        # TODO: constant inside [a, b], 0 outside
        raise NotImplementedError("TODO: Uniform.pdf")

    def cdf(self, x):
        # TODO: linear inside [a, b], clipped to [0, 1]
        raise NotImplementedError("TODO: Uniform.cdf")

    def mean(self):
        raise NotImplementedError("TODO: Uniform.mean")

    def var(self):
        raise NotImplementedError("TODO: Uniform.var")

    def sample(self, n, rng):
        # TODO: inverse transform, one uniform per sample
        raise NotImplementedError("TODO: Uniform.sample")

    @classmethod
    def fit(cls, data):
        """Maximum likelihood: the end points that make the data most likely."""
        raise NotImplementedError("TODO: Uniform.fit")


class Gamma(ContinuousDistribution):
    """Gamma with shape k and scale theta, on x > 0   (scipy: gamma(k, scale=theta))."""

    def __init__(self, shape=1.0, scale=1.0):
        self.shape = check_positive("shape", shape)
        self.scale = check_positive("scale", scale)

    def pdf(self, x):
        # TODO: compute the log of the density with special.log_gamma, then exp; 0 for x <= 0.
        raise NotImplementedError("TODO: Gamma.pdf")

    def cdf(self, x):
        # TODO: a regularised incomplete gamma function (special.gammainc_lower); 0 for x <= 0.
        raise NotImplementedError("TODO: Gamma.cdf")

    def mean(self):
        raise NotImplementedError("TODO: Gamma.mean")

    def var(self):
        raise NotImplementedError("TODO: Gamma.var")

    def sample(self, n, rng):
        # TODO: rejection sampling for Gamma(k, 1), then multiply by scale.
        # For k >= 1 an Exponential proposal with the same mean works; M is the largest
        # value of f / g (find where it peaks). For k < 1 that ratio is unbounded near 0:
        # sample Gamma(k + 1, 1) instead and transform it with one more uniform.
        raise NotImplementedError("TODO: Gamma.sample")

    @classmethod
    def fit(cls, data):
        """Maximum likelihood (x > 0). Setting the derivatives of the log-likelihood to zero
        gives the scale in terms of the shape, and for the shape an equation with the digamma
        function that has no closed form: solve it with Newton's method (special.digamma and
        special.trigamma), from a good closed-form starting value.
        """
        raise NotImplementedError("TODO: Gamma.fit")


class Beta(ContinuousDistribution):
    """Beta(a, b) on [0, 1]   (scipy: beta(a, b))."""

    def __init__(self, a=1.0, b=1.0):
        self.a = check_positive("a", a)
        self.b = check_positive("b", b)

    def pdf(self, x):
        # TODO: use special.log_beta; 0 outside (0, 1).
        raise NotImplementedError("TODO: Beta.pdf")

    def cdf(self, x):
        # TODO: the regularised incomplete beta function (special.betainc); 0 below 0, 1 above 1.
        raise NotImplementedError("TODO: Beta.cdf")

    def mean(self):
        raise NotImplementedError("TODO: Beta.mean")

    def var(self):
        raise NotImplementedError("TODO: Beta.var")

    def sample(self, n, rng):
        # TODO: if a >= 1 and b >= 1 the density is bounded by its value at the mode: use
        # rejection_sample with a Uniform(0, 1) proposal. Otherwise build Beta samples out of
        # two Gamma samples.
        raise NotImplementedError("TODO: Beta.sample")

    @classmethod
    def fit(cls, data):
        """Maximum likelihood for data in (0, 1). Setting the two derivatives of the
        log-likelihood to zero gives two equations in a and b with the digamma function: start
        from the method-of-moments estimates and take a few Newton steps on this 2x2 system.
        """
        raise NotImplementedError("TODO: Beta.fit")
