"""pdf / pmf / cdf / mean / var against scipy.stats."""

import numpy as np
from scipy import stats

from probdist import Bernoulli, Beta, Binomial, Exponential, Gamma, Gaussian, Poisson, Uniform
from support import assert_no_scipy, close, home_made


def _check_continuous(dist, ref, xs):
    name = repr(dist)
    close(dist.pdf(xs), ref.pdf(xs), f"{name}.pdf")
    close(dist.cdf(xs), ref.cdf(xs), f"{name}.cdf")
    assert np.isclose(dist.mean(), ref.mean()), f"{name}.mean(): expected {ref.mean()}, got {dist.mean()}"
    assert np.isclose(dist.var(), ref.var()), f"{name}.var(): expected {ref.var()}, got {dist.var()}"
    scalar = float(np.asarray(dist.cdf(float(xs[len(xs) // 2]))))
    assert np.isclose(scalar, ref.cdf(xs[len(xs) // 2])), f"{name}.cdf must also accept a plain float"


def _check_discrete(dist, ref, ks):
    name = repr(dist)
    close(dist.pmf(ks), ref.pmf(ks), f"{name}.pmf")
    close(dist.cdf(ks), ref.cdf(ks), f"{name}.cdf")
    half = ks + 0.5
    close(dist.cdf(half), ref.cdf(half), f"{name}.cdf between integers (a step function: cdf(2.5) == cdf(2))")
    assert np.isclose(dist.mean(), ref.mean()), f"{name}.mean(): expected {ref.mean()}, got {dist.mean()}"
    assert np.isclose(dist.var(), ref.var()), f"{name}.var(): expected {ref.var()}, got {dist.var()}"


def test_gaussian():
    assert_no_scipy()
    xs = np.linspace(-9.0, 11.0, 41)
    for mu, sigma in [(0.0, 1.0), (1.0, 2.5), (-3.0, 0.3)]:
        _check_continuous(Gaussian(mu, sigma), stats.norm(loc=mu, scale=sigma), xs)


def test_exponential():
    assert_no_scipy()
    xs = np.array([-1.0, -1e-9, 0.0, 0.1, 0.5, 1.0, 2.0, 5.0, 20.0])
    for rate in [0.5, 1.0, 3.0]:
        _check_continuous(Exponential(rate), stats.expon(scale=1 / rate), xs)


def test_uniform():
    assert_no_scipy()
    xs = np.array([-3.0, -1.0, -0.5, 0.0, 0.7, 2.0, 2.999, 3.5, 10.0])
    for a, b in [(0.0, 1.0), (-1.0, 3.0)]:
        _check_continuous(Uniform(a, b), stats.uniform(loc=a, scale=b - a), xs)


def test_gamma():
    assert_no_scipy()
    xs = np.array([-1.0, 0.01, 0.3, 1.0, 2.0, 3.7, 8.0, 20.0, 60.0])
    for shape, scale in [(1.0, 1.0), (2.5, 1.5), (0.7, 2.0), (9.0, 0.5)]:
        _check_continuous(Gamma(shape, scale), stats.gamma(shape, scale=scale), xs)


def test_beta():
    assert_no_scipy()
    xs = np.array([-0.5, 0.001, 0.05, 0.2, 0.5, 0.73, 0.95, 0.999, 1.5])
    for a, b in [(1.0, 1.0), (2.0, 5.0), (0.5, 0.5), (8.0, 3.0)]:
        _check_continuous(Beta(a, b), stats.beta(a, b), xs)


def test_bernoulli():
    assert_no_scipy()
    ks = np.array([-1.0, 0.0, 1.0, 2.0])
    for p in [0.0, 0.3, 1.0]:
        _check_discrete(Bernoulli(p), stats.bernoulli(p), ks)


def test_binomial():
    assert_no_scipy()
    for n, p in [(10, 0.35), (1, 0.5), (60, 0.9), (200, 0.02)]:
        ks = np.arange(-2, n + 3, dtype=float)
        _check_discrete(Binomial(n, p), stats.binom(n, p), ks)


def test_poisson():
    assert_no_scipy()
    for lam in [0.5, 3.5, 40.0]:
        ks = np.arange(-2, int(lam * 2 + 15), dtype=float)
        _check_discrete(Poisson(lam), stats.poisson(lam), ks)


CONTINUOUS = [("Gaussian", (1.0, 2.5)), ("Exponential", (3.0,)), ("Uniform", (-1.0, 3.0)),
              ("Gamma", (2.5, 1.5)), ("Gamma", (0.7, 2.0)), ("Beta", (2.0, 5.0)), ("Beta", (0.5, 0.5))]
DISCRETE = [("Bernoulli", (0.3,)), ("Binomial", (10, 0.35)), ("Poisson", (3.5,))]


def _values(continuous, discrete):
    xs = np.concatenate([np.linspace(-1.0, 12.0, 27), np.linspace(0.01, 0.99, 9)])
    ks = np.arange(-2.0, 15.0, 0.5)
    out = {}
    for name, args in CONTINUOUS:
        dist = getattr(continuous, name)(*args)
        out[f"{name}{args}"] = [dist.pdf(xs), dist.cdf(xs), dist.mean(), dist.var()]
    for name, args in DISCRETE:
        dist = getattr(discrete, name)(*args)
        out[f"{name}{args}"] = [dist.pmf(ks), dist.cdf(ks), dist.mean(), dist.var()]
    return out


def test_densities_need_no_scipy():
    """Your densities again, imported afresh while scipy cannot be imported at all."""
    assert_no_scipy()
    import probdist.continuous
    import probdist.discrete

    usual = _values(probdist.continuous, probdist.discrete)
    with home_made("probdist.continuous", "probdist.discrete") as (continuous, discrete):
        alone = _values(continuous, discrete)
    for key, values in usual.items():
        for what, a, b in zip(("pdf/pmf", "cdf", "mean", "var"), values, alone[key]):
            assert np.allclose(a, b, rtol=1e-12, atol=0, equal_nan=True), (
                f"{key}.{what} gives other numbers when scipy is unavailable: your code falls "
                "back on scipy when it can"
            )
