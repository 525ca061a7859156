"""Milestone 4: the statistics, written by hand, against scipy / statsmodels and simulations."""
import math

import numpy as np
import pytest
import scipy.stats
import statsmodels.stats.multitest as multitest

import research.stats as rs
from research.stats import bootstrap_ci, cohens_dz, estimated_power, holm, paired_t_test, seeds_needed

FORBIDDEN = ["ttest_rel", "ttest_1samp", "ttest_ind", "bootstrap", "wilcoxon", "permutation_test"]


def theoretical_power(effect, n, alpha=0.05):
    """Power of a two-sided paired t-test from the noncentral t distribution."""
    df, nc = n - 1, effect * math.sqrt(n)
    crit = scipy.stats.t.ppf(1 - alpha / 2, df)
    with np.errstate(all="ignore"):  # scipy's noncentral t warns for tiny df
        return scipy.stats.nct.sf(crit, df, nc) + scipy.stats.nct.cdf(-crit, df, nc)


@pytest.fixture
def no_ready_made_tests(monkeypatch):
    """scipy's and statsmodels' ready-made tests raise while the test runs, wherever they
    are looked up (``scipy.stats.ttest_rel`` or a name imported into research.stats)."""

    def blocked(*args, **kwargs):
        raise AssertionError("write the statistics yourself: scipy's ready-made tests are blocked here")

    originals = [getattr(scipy.stats, name) for name in FORBIDDEN] + [multitest.multipletests]
    for name in FORBIDDEN:
        monkeypatch.setattr(scipy.stats, name, blocked)
    monkeypatch.setattr(multitest, "multipletests", blocked)
    for name, value in list(vars(rs).items()):
        if any(value is original for original in originals):
            monkeypatch.setattr(rs, name, blocked)


def test_bootstrap_ci_matches_scipy():
    rng = np.random.default_rng(5)
    cases = [(rng.normal(0.7, 0.05, 25), np.mean), (rng.exponential(1.0, 40), np.median),
             (rng.normal(0.03, 0.02, 8), np.mean)]
    for case, (data, statistic) in enumerate(cases):
        low, high = bootstrap_ci(data, statistic, n_resamples=20_000, seed=case)
        assert isinstance(low, float) and isinstance(high, float)
        ref = scipy.stats.bootstrap((data,), statistic, method="percentile", n_resamples=20_000,
                                    random_state=case, vectorized=True).confidence_interval
        tol = 0.03 * data.std()
        assert abs(low - ref.low) < tol and abs(high - ref.high) < tol, (
            f"case {case}: ({low:.4f}, {high:.4f}) vs scipy's percentile bootstrap ({ref.low:.4f}, {ref.high:.4f})"
        )
    # Few values and a long tail: the percentile interval is lopsided and never leaves the data's range.
    skewed = np.array([0.0] * 9 + [10.0])
    low, high = bootstrap_ci(skewed, n_resamples=20_000, seed=4)
    ref = scipy.stats.bootstrap((skewed,), np.mean, method="percentile", n_resamples=20_000,
                                random_state=4, vectorized=True).confidence_interval
    assert abs(low - ref.low) < 0.1 and abs(high - ref.high) < 0.1, (
        f"nine zeros and a ten: ({low:.3f}, {high:.3f}) vs scipy's percentile bootstrap ({ref.low:.3f}, "
        f"{ref.high:.3f}); the interval must come from the resampled statistics, not a formula"
    )
    assert low >= skewed.min(), "no resample of non-negative values has a negative mean"
    data = rng.normal(size=30)
    assert bootstrap_ci(data, seed=3) == bootstrap_ci(data, seed=3), "the same seed gives the same interval"
    narrow, wide = bootstrap_ci(data, confidence=0.8, seed=1), bootstrap_ci(data, confidence=0.99, seed=1)
    assert wide[0] < narrow[0] < narrow[1] < wide[1], "a higher confidence gives a wider interval"
    assert bootstrap_ci([0.5] * 10) == (0.5, 0.5)


def test_paired_t_test_matches_scipy():
    rng = np.random.default_rng(11)
    for n, shift in ((5, 0.0), (10, 0.4), (30, -0.2), (6, 2.0)):
        a = rng.normal(0.0, 1.0, n)
        b = a - shift + rng.normal(0.0, 0.5, n)
        t, p = paired_t_test(a, b)
        ref = scipy.stats.ttest_rel(a, b)
        assert isinstance(t, float) and isinstance(p, float)
        assert abs(t - ref.statistic) < 1e-9, f"t = {t}, scipy says {ref.statistic}"
        assert abs(p - ref.pvalue) < 1e-9, f"two-sided p = {p}, scipy says {ref.pvalue}"
    assert paired_t_test([1.0, 2.0, 3.0, 4.0], [0.0, 0.0, 1.0, 1.0])[0] == pytest.approx(2 / math.sqrt(2 / 3 / 4))


def test_cohens_dz_by_hand():
    # differences 1, 2, 2, 3: mean 2, sample std sqrt(2/3), d_z = sqrt(6)
    assert cohens_dz([1.0, 2.0, 3.0, 4.0], [0.0, 0.0, 1.0, 1.0]) == pytest.approx(math.sqrt(6), abs=1e-12)
    assert cohens_dz([0.0, 0.0, 1.0, 1.0], [1.0, 2.0, 3.0, 4.0]) == pytest.approx(-math.sqrt(6), abs=1e-12)


def test_holm_matches_statsmodels():
    rng = np.random.default_rng(2)
    cases = [[0.01, 0.04, 0.03], [0.2, 0.2, 0.01, 0.5], [0.9, 0.6], [0.001], list(rng.uniform(0, 0.2, 9))]
    for pvalues in cases:
        mine = holm(pvalues)
        ref = multitest.multipletests(pvalues, method="holm")[1]
        np.testing.assert_allclose(mine, ref, atol=1e-12, err_msg=f"Holm of {pvalues}")
        assert isinstance(mine, list)


def test_statistics_are_written_by_hand(no_ready_made_tests, ready_made_calls):
    rng = np.random.default_rng(4)
    a, b = rng.normal(size=12), rng.normal(size=12)
    d = a - b
    for name, call in (("paired_t_test", lambda: paired_t_test(a, b)),
                       ("bootstrap_ci", lambda: bootstrap_ci(d, n_resamples=2000)),
                       ("cohens_dz", lambda: cohens_dz(a, b)),
                       ("holm", lambda: holm([0.01, 0.02, 0.5])),
                       ("estimated_power", lambda: estimated_power(0.5, 8, n_studies=50))):
        with ready_made_calls() as seen:
            call()
        assert not seen, (
            f"{name} calls ready-made statistics ({', '.join(seen[:3])}): write it with NumPy; of scipy, "
            "only the distributions (scipy.stats.t, scipy.stats.nct) may be used"
        )
    t, p = paired_t_test(a, b)
    assert abs(t - d.mean() / (d.std(ddof=1) / math.sqrt(12))) < 1e-9
    low, high = bootstrap_ci(d, n_resamples=2000)
    assert low < d.mean() < high
    assert math.isfinite(cohens_dz(a, b))
    assert len(holm([0.01, 0.02, 0.5])) == 3
    assert 0.0 <= estimated_power(0.5, 8, n_studies=50) <= 1.0


def test_planted_effect_is_detected_and_null_is_not():
    rng = np.random.default_rng(123)
    n, studies, alpha = 10, 400, 0.05
    null = np.mean([paired_t_test(rng.normal(0, 1, n), np.zeros(n))[1] < alpha for _ in range(studies)])
    assert 0.02 <= null <= 0.085, f"with no effect, {null:.1%} of studies were significant; expected about {alpha:.0%}"
    planted = np.mean([paired_t_test(rng.normal(1.0, 1, n), np.zeros(n))[1] < alpha for _ in range(studies)])
    expected = theoretical_power(1.0, n)
    assert planted >= 0.7 and abs(planted - expected) <= 0.07, (
        f"a true effect of d_z = 1 was detected in {planted:.1%} of studies; theory says {expected:.1%}"
    )
    negative = np.mean([paired_t_test(rng.normal(-1.0, 1, n), np.zeros(n))[1] < alpha for _ in range(studies)])
    assert abs(negative - expected) <= 0.07, "the test is two-sided: an effect in the other direction counts too"


def test_bootstrap_ci_covers_the_true_mean():
    rng = np.random.default_rng(321)
    covered = [lo <= 1.0 <= hi for lo, hi in (bootstrap_ci(rng.exponential(1.0, 20), n_resamples=1000, seed=k)
                                              for k in range(300))]
    assert 0.86 <= np.mean(covered) <= 0.97, (
        f"95% intervals covered the true mean in {np.mean(covered):.1%} of 300 samples (percentile bootstrap "
        "with n = 20 from a skewed distribution gives about 91-93%)"
    )


def test_power_is_simulated_with_your_test(monkeypatch):
    """estimated_power runs studies through YOUR paired_t_test; seeds_needed searches with YOUR
    estimated_power. Stand-ins with a known answer replace them here: a formula cannot follow."""
    calls = []

    def stand_in_test(a, b):
        calls.append((len(a), len(b)))
        return 0.0, (0.001 if len(calls) % 4 == 0 else 0.5)  # every fourth study is significant

    monkeypatch.setattr(rs, "paired_t_test", stand_in_test)
    power = estimated_power(0.7, 9, n_studies=200, seed=3)
    assert len(calls) == 200 and set(calls) == {(9, 9)}, (
        f"estimated_power ran {len(calls)} tests; it must simulate n_studies studies of n paired "
        "differences each and test every one with paired_t_test"
    )
    assert power == pytest.approx(0.25), (
        f"three studies in four were not significant, yet estimated_power says {power}: the power is "
        "the fraction of simulated studies your test finds significant, not a formula"
    )
    monkeypatch.undo()

    asked = []

    def stand_in_power(effect_size, n, alpha=0.05, n_studies=1000, seed=0):
        asked.append(n)
        return min(1.0, n / 16)  # reaches 0.8 at 13 seeds

    monkeypatch.setattr(rs, "estimated_power", stand_in_power)
    n = seeds_needed(0.9)
    assert asked and n == 13, (
        f"seeds_needed gave {n}; with a power curve that first reaches 80 % at 13 seeds it must give 13: "
        "search n = 3, 4, ... with estimated_power rather than a sample-size formula"
    )


def test_power_matches_theory():
    for effect, n in ((0.8, 12), (1.5, 6)):
        power = estimated_power(effect, n, n_studies=1000, seed=0)
        assert abs(power - theoretical_power(effect, n)) <= 0.05, f"power({effect}, {n}) = {power:.3f}"
    assert abs(estimated_power(0.0, 12, n_studies=1000, seed=1) - 0.05) <= 0.025, "no effect: power = alpha"
    assert estimated_power(1.0, 10, seed=5) == estimated_power(1.0, 10, seed=5), "seeded: reproducible"
    exact = next(n for n in range(3, 50) if theoretical_power(1.0, n) >= 0.8)
    assert abs(seeds_needed(1.0) - exact) <= 2, f"d_z = 1 needs about {exact} seeds for 80% power"
