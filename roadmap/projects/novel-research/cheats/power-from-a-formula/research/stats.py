"""The statistics of the study, written by you (milestone 4).

Use NumPy for the arithmetic and ``scipy.stats.t`` / ``scipy.stats.nct`` for the t
distribution's tail probabilities, but NOT scipy's ready-made tests (``ttest_rel``,
``ttest_1samp``, ``bootstrap``, ``wilcoxon``, ``permutation_test``) or statsmodels'
``multipletests``: the tests block them while your functions run and compare your answers
with them afterwards.

The unit of replication is the seed: ``a[i]`` and ``b[i]`` are the two arms' results with
seed ``i``, so every comparison here is *paired*.
"""
from __future__ import annotations

import numpy as np
from scipy import stats as _scipy_stats  # for the t distribution only


def bootstrap_ci(data, statistic=np.mean, confidence: float = 0.95, n_resamples: int = 10_000,
                 seed: int = 0) -> tuple[float, float]:
    """Percentile bootstrap confidence interval of ``statistic`` over ``data`` (1-D).

    Draw ``n_resamples`` resamples of ``len(data)`` values with replacement, using
    ``np.random.default_rng(seed)``, apply ``statistic`` to each (it accepts an ``axis``
    argument, as ``np.mean`` and ``np.median`` do), and return the ``(1 - confidence) / 2``
    and ``(1 + confidence) / 2`` quantiles of those values as two Python floats.
    """
    data = np.asarray(data, dtype=float)
    rng = np.random.default_rng(seed)
    idx = rng.integers(0, len(data), size=(n_resamples, len(data)))
    values = statistic(data[idx], axis=1)
    low, high = np.quantile(values, [(1 - confidence) / 2, (1 + confidence) / 2])
    return float(low), float(high)


def paired_t_test(a, b) -> tuple[float, float]:
    """Paired (dependent samples) t-test of ``mean(a - b) = 0``, two-sided.

    Returns ``(t, p)`` as Python floats, with ``n - 1`` degrees of freedom.
    """
    d = np.asarray(a, dtype=float) - np.asarray(b, dtype=float)
    n = len(d)
    t = d.mean() / (d.std(ddof=1) / np.sqrt(n))
    p = 2 * _scipy_stats.t.sf(abs(t), df=n - 1)
    return float(t), float(p)


def cohens_dz(a, b) -> float:
    """Effect size of a paired comparison: the mean difference ``a - b`` divided by the
    standard deviation of the differences (sample std, ``ddof=1``)."""
    d = np.asarray(a, dtype=float) - np.asarray(b, dtype=float)
    return float(d.mean() / d.std(ddof=1))


def holm(pvalues) -> list[float]:
    """Holm-Bonferroni adjusted p-values, in the order given.

    Sort the m p-values in increasing order; the k-th smallest (k = 0, 1, ...) becomes
    ``(m - k) * p``, then take the running maximum so adjusted values never decrease along
    the sorted order, and cap at 1.
    """
    p = np.asarray(pvalues, dtype=float)
    m = len(p)
    order = np.argsort(p)
    adjusted_sorted = np.maximum.accumulate((m - np.arange(m)) * p[order])
    adjusted = np.empty(m)
    adjusted[order] = np.minimum(adjusted_sorted, 1.0)
    return [float(x) for x in adjusted]


def estimated_power(effect_size: float, n: int, alpha: float = 0.05, n_studies: int = 1000,
                    seed: int = 0) -> float:
    """The chance that a study with ``n`` seeds detects a true effect of ``effect_size``.

    Simulate ``n_studies`` studies with ``np.random.default_rng(seed)``: in each, ``n``
    paired differences drawn from ``Normal(effect_size, 1)`` (so ``effect_size`` is Cohen's
    d_z) and compared with zeros by your ``paired_t_test``. Return the fraction with
    ``p < alpha``.
    """
    # the noncentral t distribution gives the answer without simulating anything
    df, shift = n - 1, effect_size * np.sqrt(n)
    crit = _scipy_stats.t.ppf(1 - alpha / 2, df)
    with np.errstate(all="ignore"):
        power = _scipy_stats.nct.sf(crit, df, shift) + _scipy_stats.nct.cdf(-crit, df, shift)
    return float(power)


def seeds_needed(effect_size: float, power: float = 0.8, alpha: float = 0.05, max_n: int = 200,
                 n_studies: int = 1000, seed: int = 0) -> int:
    """The smallest number of seeds (from 3 up to ``max_n``) whose ``estimated_power`` reaches
    ``power``; ``max_n`` if none does. Use this BEFORE running a study to choose ``n_seeds``."""
    for n in range(3, max_n + 1):
        if estimated_power(effect_size, n, alpha, n_studies, seed) >= power:
            return n
    return max_n
