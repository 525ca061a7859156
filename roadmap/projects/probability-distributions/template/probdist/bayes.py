"""Bayesian inference for a success probability: the Beta–Binomial model.

Prior: theta ~ Beta(alpha, beta). Data: s successes in n trials, s | theta ~ Binomial(n, theta).
Because the Beta prior is conjugate to the Binomial likelihood, the posterior is again a Beta
(work out which one: multiply prior and likelihood and read off the exponents).
"""

import math

import numpy as np

from . import special
from .continuous import Beta


class BetaBinomialModel:
    def __init__(self, alpha=1.0, beta=1.0):
        if not (alpha > 0 and beta > 0):
            raise ValueError("alpha and beta must be > 0")
        self.alpha = float(alpha)
        self.beta = float(beta)

    def __repr__(self):
        return f"BetaBinomialModel(alpha={self.alpha:g}, beta={self.beta:g})"

    def update(self, successes, trials):
        """Return a NEW model holding the posterior after observing ``successes`` out of ``trials``.

        Leave ``self`` unchanged. Raise ValueError unless 0 <= successes <= trials.
        """
        # TODO
        raise NotImplementedError("TODO: BetaBinomialModel.update")

    def distribution(self):
        """The current belief about theta as a ``Beta`` distribution object."""
        # TODO
        raise NotImplementedError("TODO: BetaBinomialModel.distribution")

    def posterior_mean(self):
        # TODO: the mean of the current Beta belief
        raise NotImplementedError("TODO: BetaBinomialModel.posterior_mean")

    def credible_interval(self, level=0.95):
        """Equal-tailed interval (lo, hi): P(theta < lo) = P(theta > hi) = (1 - level) / 2.

        Find each end by bisection on the Beta cdf (about 60 halvings of [0, 1] reach
        double precision).
        """
        # TODO
        raise NotImplementedError("TODO: BetaBinomialModel.credible_interval")

    def prob_greater_than(self, threshold):
        """P(theta > threshold) under the current belief."""
        # TODO
        raise NotImplementedError("TODO: BetaBinomialModel.prob_greater_than")

    def predictive_pmf(self, k, m):
        """Probability of k successes in m FUTURE trials, averaging the Binomial over the
        current belief about theta (the beta-binomial distribution). Return 0 for k outside 0..m.
        """
        # TODO: use special.log_comb and special.log_beta.
        raise NotImplementedError("TODO: BetaBinomialModel.predictive_pmf")
