"""Goodness-of-fit tests: Kolmogorov–Smirnov and Pearson's chi-square. No scipy."""

import math

import numpy as np

from . import special


def ks_statistic(samples, cdf):
    """The two-sided Kolmogorov–Smirnov statistic D = sup_x |F_n(x) - F(x)|.

    With the samples sorted, x_(1) <= ... <= x_(n), the supremum is reached at a sample:
        D = max over i of  max( i/n - F(x_(i)),  F(x_(i)) - (i-1)/n ).
    ``cdf`` takes an array and returns an array.
    """
    # TODO
    raise NotImplementedError("TODO: ks_statistic")


def kolmogorov_sf(lam):
    """P(K > lam) for the Kolmogorov distribution:
        Q(lam) = 2 * sum_{k>=1} (-1)^(k-1) exp(-2 k^2 lam^2).
    The series converges slowly for small lam; return 1.0 when lam < 0.2 (the true value
    differs from 1 by less than 1e-12 there). Sum terms until they are below 1e-16 (at most
    a few hundred), and clip the result to [0, 1].
    """
    # TODO
    raise NotImplementedError("TODO: kolmogorov_sf")


def ks_test(samples, cdf):
    """One-sample KS test. Returns (D, p_value) with the asymptotic p-value
    kolmogorov_sf(sqrt(n) * D)  (scipy.stats.kstest(..., method="asymp") does the same)."""
    # TODO
    raise NotImplementedError("TODO: ks_test")


def chi_square_test(observed, expected, ddof=0):
    """Pearson's chi-square goodness-of-fit test.

    stat = sum (observed - expected)^2 / expected, with k = len(observed) categories and
    df = k - 1 - ddof degrees of freedom (ddof = number of parameters estimated from the data).
    The p-value is P(chi2_df > stat) = special.gammainc_upper(df / 2, stat / 2).
    If ``expected`` does not sum to the same total as ``observed``, raise ValueError.
    Returns (stat, p_value).
    """
    # TODO
    raise NotImplementedError("TODO: chi_square_test")
