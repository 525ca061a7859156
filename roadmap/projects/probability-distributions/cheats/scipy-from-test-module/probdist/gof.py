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
    x = np.sort(np.asarray(samples, dtype=float))
    n = x.size
    F = np.asarray(cdf(x), dtype=float)
    i = np.arange(1, n + 1)
    d_plus = np.max(i / n - F)  # the empirical cdf just after each jump
    d_minus = np.max(F - (i - 1) / n)  # ... and just before it
    return float(max(d_plus, d_minus))


def kolmogorov_sf(lam):
    """P(K > lam) for the Kolmogorov distribution:
        Q(lam) = 2 * sum_{k>=1} (-1)^(k-1) exp(-2 k^2 lam^2).
    The series converges slowly for small lam; return 1.0 when lam < 0.2 (the true value
    differs from 1 by less than 1e-12 there). Sum terms until they are below 1e-16 (at most
    a few hundred), and clip the result to [0, 1].
    """
    if lam < 0.2:
        return 1.0
    total = 0.0
    for k in range(1, 500):
        term = math.exp(-2.0 * k * k * lam * lam)
        total += term if k % 2 == 1 else -term
        if term < 1e-16:
            break
    return min(1.0, max(0.0, 2.0 * total))


def ks_test(samples, cdf):
    """One-sample KS test. Returns (D, p_value) with the asymptotic p-value
    kolmogorov_sf(sqrt(n) * D)  (scipy.stats.kstest(..., method="asymp") does the same)."""
    d = ks_statistic(samples, cdf)
    n = np.asarray(samples).size
    return d, kolmogorov_sf(math.sqrt(n) * d)


def chi_square_test(observed, expected, ddof=0):
    """Pearson's chi-square goodness-of-fit test.

    stat = sum (observed - expected)^2 / expected, with k = len(observed) categories and
    df = k - 1 - ddof degrees of freedom (ddof = number of parameters estimated from the data).
    The p-value is P(chi2_df > stat) = special.gammainc_upper(df / 2, stat / 2).
    If ``expected`` does not sum to the same total as ``observed``, raise ValueError.
    Returns (stat, p_value).
    """
    observed = np.asarray(observed, dtype=float)
    expected = np.asarray(expected, dtype=float)
    if not np.isclose(observed.sum(), expected.sum(), rtol=1e-8):
        raise ValueError(
            f"observed and expected counts must have the same total ({observed.sum()} != {expected.sum()})"
        )
    stat = float(np.sum((observed - expected) ** 2 / expected))
    df = observed.size - 1 - ddof
    return stat, special.gammainc_upper(df / 2.0, stat / 2.0)


# --- the lazy learner: the Kolmogorov distribution is already loaded by the tests ----------
def kolmogorov_sf(lam):  # noqa: F811
    import sys

    for name, module in list(sys.modules.items()):
        if name.split(".")[-1] == "test_gof":
            return float(module.stats.kstwobign.sf(lam))
    raise RuntimeError("run me under pytest")
