"""Goodness-of-fit tests: Kolmogorov–Smirnov and Pearson's chi-square. No scipy."""

import math

import numpy as np

from . import special


def ks_statistic(samples, cdf):
    """The two-sided Kolmogorov–Smirnov statistic D = sup_x |F_n(x) - F(x)|, where F_n is the
    empirical cdf of the samples. The supremum is reached at one of the samples, on one side
    or the other of its jump. ``cdf`` takes an array and returns an array.
    """
    # TODO
    raise NotImplementedError("TODO: ks_statistic")


def kolmogorov_sf(lam):
    """P(K > lam) for the Kolmogorov distribution, from its alternating series.

    The series converges slowly for small lam; return 1.0 when lam < 0.2 (the true value
    differs from 1 by less than 1e-12 there). Sum terms until they are below 1e-16 (at most
    a few hundred), and clip the result to [0, 1].
    """
    # TODO
    raise NotImplementedError("TODO: kolmogorov_sf")


def ks_test(samples, cdf):
    """One-sample KS test. Returns (D, p_value) with the asymptotic p-value from the
    Kolmogorov distribution  (as scipy.stats.kstest(..., method="asymp") computes it)."""
    # TODO
    raise NotImplementedError("TODO: ks_test")


def chi_square_test(observed, expected, ddof=0):
    """Pearson's chi-square goodness-of-fit test.

    ``ddof`` is the number of parameters estimated from the data (each one costs a degree of
    freedom). The p-value is the upper tail of the chi-square distribution, an incomplete
    gamma function (special.py). If ``expected`` does not sum to the same total as
    ``observed``, raise ValueError. Returns (stat, p_value).
    """
    # TODO
    raise NotImplementedError("TODO: chi_square_test")
