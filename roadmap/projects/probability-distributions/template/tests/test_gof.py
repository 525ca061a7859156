"""KS and chi-square tests compared with scipy.stats (the cdfs here come from scipy too)."""

import numpy as np
from scipy import stats

from probdist import chi_square_test, kolmogorov_sf, ks_statistic, ks_test
from support import home_made


def test_ks_statistic():
    d = ks_statistic(np.array([0.9, 0.1, 0.5]), lambda x: np.clip(x, 0, 1))
    assert np.isclose(d, 0.7 / 3), (
        f"KS statistic of samples (0.1, 0.5, 0.9) against U(0, 1) is 0.2333 (at x=0.1 and x=0.9); got {d}. "
        "Did you sort the samples and check both sides of every jump?"
    )
    rng = np.random.default_rng(0)
    for x, cdf in [(rng.normal(size=300), stats.norm.cdf), (rng.exponential(size=50), stats.norm.cdf),
                   (rng.uniform(size=1000), stats.uniform.cdf)]:
        expected = stats.kstest(x, cdf).statistic
        got = ks_statistic(x, cdf)
        assert np.isclose(got, expected, rtol=1e-12), f"KS statistic: expected {expected}, got {got}"


def test_kolmogorov_distribution():
    for lam in [0.1, 0.3, 0.5, 0.8, 1.0, 1.36, 2.0, 3.0]:
        expected = stats.kstwobign.sf(lam)
        got = kolmogorov_sf(lam)
        assert np.isclose(got, expected, rtol=1e-8, atol=1e-12), (
            f"kolmogorov_sf({lam}) should be {expected:.10f}, got {got}"
        )


def test_ks_pvalue_matches_scipy():
    rng = np.random.default_rng(1)
    cases = [
        (rng.normal(size=200), stats.norm.cdf),
        (rng.normal(0.2, 1.0, size=400), stats.norm.cdf),
        (rng.gamma(2.0, size=100), stats.gamma(2.0).cdf),
        (rng.exponential(size=500), stats.norm.cdf),
    ]
    for x, cdf in cases:
        ref = stats.kstest(x, cdf, method="asymp")
        d, p = ks_test(x, cdf)
        assert np.isclose(d, ref.statistic, rtol=1e-12), f"ks_test statistic: expected {ref.statistic}, got {d}"
        assert np.isclose(p, ref.pvalue, rtol=1e-6, atol=1e-12), (
            f"ks_test p-value for D={d:.4f}, n={len(x)}: expected {ref.pvalue:.6g}, got {p}"
        )
    _, p = ks_test(rng.exponential(size=500), stats.norm.cdf)
    assert p < 1e-6, "exponential samples must be rejected as normal"


def test_chi_square_matches_scipy():
    cases = [
        ([16, 18, 16, 14, 12, 12], [16, 16, 16, 16, 8, 16], 0),
        ([30, 14, 34, 45, 57, 20], [30.0, 30.0, 33.3, 44.0, 52.7, 10.0], 0),
        ([5, 12, 30, 40, 13], [8.0, 15.0, 25.0, 38.0, 14.0], 1),
        ([100, 0, 0, 0], [25, 25, 25, 25], 0),
    ]
    for observed, expected, ddof in cases:
        expected = np.asarray(expected, dtype=float) * sum(observed) / sum(expected)
        ref = stats.chisquare(observed, expected, ddof=ddof)
        stat, p = chi_square_test(observed, expected, ddof=ddof)
        assert np.isclose(stat, ref.statistic, rtol=1e-10), f"chi-square statistic: expected {ref.statistic}, got {stat}"
        assert np.isclose(p, ref.pvalue, rtol=1e-7, atol=1e-15), (
            f"chi-square p-value (df={len(observed) - 1 - ddof}): expected {ref.pvalue:.6g}, got {p}"
        )
    try:
        chi_square_test([10, 10], [5, 5])
    except ValueError:
        pass
    else:
        raise AssertionError("chi_square_test must raise ValueError when the totals differ (20 vs 10)")


def test_tests_detect_a_loaded_die():
    rng = np.random.default_rng(2)
    fair = np.bincount(rng.integers(0, 6, size=3000), minlength=6)
    loaded = np.bincount(rng.choice(6, size=3000, p=[0.15, 0.15, 0.15, 0.15, 0.15, 0.25]), minlength=6)
    _, p_fair = chi_square_test(fair, np.full(6, 500.0))
    _, p_loaded = chi_square_test(loaded, np.full(6, 500.0))
    assert p_fair > 0.01, f"a fair die should not be rejected (p = {p_fair:.3g})"
    assert p_loaded < 1e-6, f"a die that shows 6 a quarter of the time must be rejected (p = {p_loaded:.3g})"


def _gof_values(gof, x, cdf):
    return ([gof.kolmogorov_sf(lam) for lam in (0.1, 0.5, 1.0, 1.36, 2.5)],
            list(gof.ks_test(x, cdf)), gof.ks_statistic(x, cdf),
            list(gof.chi_square_test([30, 14, 34, 45, 57, 20], [30.0, 30.0, 33.0, 44.0, 53.0, 10.0])),
            list(gof.chi_square_test([5, 12, 30, 40, 13], [8.0, 15.0, 25.0, 38.0, 14.0], ddof=1)))


def test_gof_needs_no_scipy():
    """The tests again, imported afresh while scipy cannot be imported (a cdf written with numpy)."""
    import probdist.gof

    x = np.random.default_rng(5).random(400) ** 1.1
    cdf = lambda t: np.clip(t, 0.0, 1.0)  # noqa: E731  (U(0, 1), no scipy needed)
    usual = _gof_values(probdist.gof, x, cdf)
    with home_made("probdist.gof") as (gof,):
        alone = _gof_values(gof, x, cdf)
    for what, a, b in zip(("kolmogorov_sf", "ks_test", "ks_statistic", "chi_square_test",
                           "chi_square_test with ddof"), usual, alone):
        assert np.allclose(a, b, rtol=1e-12, atol=0), (
            f"{what} gives other numbers when scipy is unavailable ({b} instead of {a}): "
            "compute the statistics and p-values yourself"
        )


class _UnitUniform:
    """U(0, 1) written with numpy, so this check needs none of your distributions."""

    def cdf(self, x):
        return np.clip(np.asarray(x, dtype=float), 0.0, 1.0)

    def __repr__(self):
        return "U(0, 1)"


class _UnitExponential:
    """Exponential(1) written with numpy: a second model, so a plot of U(0, 1) cannot pass."""

    def cdf(self, x):
        return -np.expm1(-np.maximum(np.asarray(x, dtype=float), 0.0))

    def __repr__(self):
        return "Exponential(1)"


def _check_ecdf_plot(fig, model_dist, samples, d):
    n = len(samples)
    lines = {line.get_label(): line for line in fig.axes[0].get_lines()}
    assert "empirical cdf" in lines and "model cdf" in lines, (
        f"expected lines labelled 'empirical cdf' and 'model cdf', found {list(lines)}")
    ecdf = lines["empirical cdf"]
    assert np.allclose(ecdf.get_xdata(), np.sort(samples)) and np.allclose(
        ecdf.get_ydata(), np.arange(1, n + 1) / n), (
        "the empirical cdf should go through (x_(i), i / n) for the sorted samples")
    assert "steps" in ecdf.get_drawstyle(), "draw the empirical cdf as steps (drawstyle='steps-post')"
    model = lines["model cdf"]
    grid = np.asarray(model.get_xdata(), dtype=float)
    assert len(grid) >= 200 and np.allclose(model.get_ydata(), model_dist.cdf(grid)), (
        f"the model cdf line should be dist.cdf on a grid of at least 200 points ({model_dist!r} here)")
    assert grid.min() <= samples.min() and grid.max() >= samples.max(), (
        f"the model cdf's grid should span the samples ({samples.min():.3f} to {samples.max():.3f}), "
        f"it runs from {grid.min():.3f} to {grid.max():.3f}")
    marks = [line for label, line in lines.items() if label.startswith("KS distance")]
    assert marks and f"{d:.4f}" in marks[0].get_label(), (
        f"mark the KS distance with a line labelled 'KS distance D = {d:.4f}'; labels: {list(lines)}")
    xs, ys = np.asarray(marks[0].get_xdata(), float), np.asarray(marks[0].get_ydata(), float)
    assert len(xs) == 2 and xs[0] == xs[1] and np.isclose(abs(ys[1] - ys[0]), d, atol=1e-9), (
        f"the KS mark should be a vertical segment of length D = {d:.4f}, got x {xs}, y {ys}")
    # where the gap is largest: the i-th sorted sample, between F(x_(i)) and i/n or (i - 1)/n
    x = np.sort(samples)
    F = model_dist.cdf(x)
    after, before = np.arange(1, n + 1) / n, np.arange(n) / n
    i = int(np.argmax(np.maximum(after - F, F - before)))
    end = after[i] if after[i] - F[i] >= F[i] - before[i] else before[i]
    assert np.isclose(xs[0], x[i]), (
        f"the KS mark should stand at the sample where the gap is largest, x = {x[i]:.4f} "
        f"(number {i + 1} in sorted order), not at x = {xs[0]:.4f}")
    assert np.allclose(np.sort(ys), np.sort([F[i], end]), atol=1e-9), (
        f"the KS mark should run from the model cdf {F[i]:.4f} to the empirical cdf {end:.4f} "
        f"there; it runs from {ys[0]:.4f} to {ys[1]:.4f}")


def test_ecdf_plot_shows_the_ks_distance(tmp_path):
    import matplotlib.pyplot as plt

    from probdist.plots import plot_ecdf_vs_cdf

    samples = np.random.default_rng(7).random(60) ** 1.3  # not quite uniform
    d = stats.kstest(samples, stats.uniform.cdf).statistic
    fig = plot_ecdf_vs_cdf(_UnitUniform(), samples, tmp_path / "plots" / "ecdf.png")
    try:
        _check_ecdf_plot(fig, _UnitUniform(), samples, d)
        assert (tmp_path / "plots" / "ecdf.png").read_bytes()[:4] == b"\x89PNG", "save the figure to path"
    finally:
        plt.close(fig)
    samples = 1.15 * np.random.default_rng(8).exponential(size=80)  # a little too spread out
    d = stats.kstest(samples, stats.expon.cdf).statistic
    fig = plot_ecdf_vs_cdf(_UnitExponential(), samples)
    try:
        _check_ecdf_plot(fig, _UnitExponential(), samples, d)
    finally:
        plt.close(fig)
