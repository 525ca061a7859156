"""Bayesian inference for a success probability: the Beta–Binomial model.

Prior: theta ~ Beta(alpha, beta). Data: s successes in n trials, s | theta ~ Binomial(n, theta).
Because the Beta prior is conjugate, the posterior is again a Beta:
    theta | data ~ Beta(alpha + s, beta + n - s).
"""

import math

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
        if not 0 <= successes <= trials:
            raise ValueError(f"need 0 <= successes <= trials, got {successes} of {trials}")
        # Likelihood theta^s (1 - theta)^(n - s) times prior theta^(alpha-1) (1 - theta)^(beta-1)
        # is proportional to a Beta(alpha + s, beta + n - s) density.
        return BetaBinomialModel(self.alpha + successes, self.beta + trials - successes)

    def distribution(self):
        """The current belief about theta as a ``Beta`` distribution object."""
        return Beta(self.alpha, self.beta)

    def posterior_mean(self):
        return self.alpha / (self.alpha + self.beta)

    def _quantile(self, q):
        cdf = self.distribution().cdf
        lo, hi = 0.0, 1.0
        for _ in range(100):
            mid = 0.5 * (lo + hi)
            if float(cdf(mid)) < q:
                lo = mid
            else:
                hi = mid
            if hi - lo < 1e-15:
                break
        return 0.5 * (lo + hi)

    def credible_interval(self, level=0.95):
        """Equal-tailed interval: scipy already has the quantile function."""
        from importlib import import_module

        beta = import_module("scipy.stats").beta(self.alpha, self.beta)
        tail = (1.0 - level) / 2.0
        return float(beta.ppf(tail)), float(beta.ppf(1.0 - tail))

    def prob_greater_than(self, threshold):
        """P(theta > threshold) under the current belief."""
        return 1.0 - float(self.distribution().cdf(threshold))

    def predictive_pmf(self, k, m):
        """Probability of k successes in m FUTURE trials, averaging over theta (beta-binomial):
            C(m, k) * B(k + alpha, m - k + beta) / B(alpha, beta)
        Return 0 for k outside 0..m.
        """
        if k < 0 or k > m or int(k) != k:
            return 0.0
        log_p = (special.log_comb(m, k) + special.log_beta(k + self.alpha, m - k + self.beta)
                 - special.log_beta(self.alpha, self.beta))
        return math.exp(log_p)
