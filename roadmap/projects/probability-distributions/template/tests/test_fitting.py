"""Maximum likelihood fitting. The data are drawn with NumPy at fixed seeds."""

import numpy as np
from scipy import stats

from probdist import Bernoulli, Beta, Binomial, Exponential, Gamma, Gaussian, Poisson, Uniform
from support import home_made


def _params(dist):
    return {k: v for k, v in vars(dist).items() if not k.startswith("_")}


def _check(fitted, cls, expected, what, rtol=1e-9):
    assert isinstance(fitted, cls), f"{what}: fit must return a {cls.__name__} instance, got {fitted!r}"
    got = _params(fitted)
    for key, value in expected.items():
        assert np.isclose(got[key], value, rtol=rtol), (
            f"{what}: fitted {key} should be {value:.6g}, got {got[key]!r}"
        )


def test_closed_form_mles():
    rng = np.random.default_rng(0)
    x = rng.normal(3.0, 2.0, size=500)
    _check(Gaussian.fit(x), Gaussian, {"mu": x.mean(), "sigma": x.std()},
           "Gaussian.fit (sigma is the MLE: divide by n, not n - 1)")
    x = rng.exponential(0.5, size=500)
    _check(Exponential.fit(x), Exponential, {"rate": 1 / x.mean()}, "Exponential.fit")
    x = rng.uniform(-2.0, 5.0, size=500)
    _check(Uniform.fit(x), Uniform, {"a": x.min(), "b": x.max()}, "Uniform.fit")
    x = (rng.random(500) < 0.3).astype(int)
    _check(Bernoulli.fit(x), Bernoulli, {"p": x.mean()}, "Bernoulli.fit")
    x = rng.binomial(20, 0.35, size=500)
    _check(Binomial.fit(x, 20), Binomial, {"n": 20, "p": x.mean() / 20}, "Binomial.fit(data, n=20)")
    x = rng.poisson(4.2, size=500)
    _check(Poisson.fit(x), Poisson, {"lam": x.mean()}, "Poisson.fit")


def test_gamma_mle_matches_scipy():
    rng = np.random.default_rng(1)
    for shape, scale in [(2.5, 1.5), (0.6, 3.0), (12.0, 0.2)]:
        x = rng.gamma(shape, scale, size=2000)
        k, _, theta = stats.gamma.fit(x, floc=0)
        fitted = Gamma.fit(x)
        _check(fitted, Gamma, {"shape": k, "scale": theta},
               f"Gamma.fit on data from Gamma({shape}, {scale}) (scipy's MLE)", rtol=1e-4)


def test_beta_mle_matches_scipy():
    rng = np.random.default_rng(2)
    for a, b in [(2.0, 5.0), (0.7, 0.9), (9.0, 3.0)]:
        x = rng.beta(a, b, size=2000)
        ref_a, ref_b, _, _ = stats.beta.fit(x, floc=0, fscale=1)
        fitted = Beta.fit(x)
        # the MLE maximises the log-likelihood: yours must be at least as good as scipy's
        mine = np.sum(stats.beta.logpdf(x, fitted.a, fitted.b))
        ref = np.sum(stats.beta.logpdf(x, ref_a, ref_b))
        assert mine >= ref - 1e-6, (
            f"Beta.fit on data from Beta({a}, {b}) gave a={fitted.a:.4f}, b={fitted.b:.4f} with "
            f"log-likelihood {mine:.4f}, below scipy's {ref:.4f} (a={ref_a:.4f}, b={ref_b:.4f}); "
            "the method of moments alone is not the MLE: add the Newton steps"
        )
        _check(fitted, Beta, {"a": ref_a, "b": ref_b}, f"Beta.fit on data from Beta({a}, {b})", rtol=1e-3)


def test_mle_recovers_true_parameters():
    rng = np.random.default_rng(3)
    n = 50_000
    cases = [
        (Gaussian.fit(rng.normal(-1.0, 0.5, n)), {"mu": -1.0, "sigma": 0.5}),
        (Exponential.fit(rng.exponential(1 / 3.0, n)), {"rate": 3.0}),
        (Poisson.fit(rng.poisson(7.0, n)), {"lam": 7.0}),
        (Gamma.fit(rng.gamma(3.0, 2.0, n)), {"shape": 3.0, "scale": 2.0}),
        (Beta.fit(rng.beta(2.0, 6.0, n)), {"a": 2.0, "b": 6.0}),
    ]
    for fitted, truth in cases:
        got = _params(fitted)
        for key, value in truth.items():
            assert abs(got[key] - value) < 0.03 * abs(value) + 0.01, (
                f"{type(fitted).__name__}.fit on {n} samples should recover {key} = {value}; got {got[key]:.4f}"
            )


def _fits(continuous, discrete, data):
    out = {}
    for name in ("Gaussian", "Exponential", "Uniform", "Gamma", "Beta"):
        out[name] = getattr(continuous, name).fit(data[name]).params()
    out["Bernoulli"] = discrete.Bernoulli.fit(data["Bernoulli"]).params()
    out["Binomial"] = discrete.Binomial.fit(data["Binomial"], 20).params()
    out["Poisson"] = discrete.Poisson.fit(data["Poisson"]).params()
    return out


def test_fitting_needs_no_scipy():
    """Every fit again, imported afresh while scipy cannot be imported at all."""
    import probdist.continuous
    import probdist.discrete

    rng = np.random.default_rng(4)
    data = {"Gaussian": rng.normal(1.0, 2.0, 300), "Exponential": rng.exponential(2.0, 300),
            "Uniform": rng.uniform(-1.0, 4.0, 300), "Gamma": rng.gamma(1.8, 2.0, 300),
            "Beta": rng.beta(2.5, 4.0, 300), "Bernoulli": (rng.random(300) < 0.4).astype(int),
            "Binomial": rng.binomial(20, 0.3, 300), "Poisson": rng.poisson(5.0, 300)}
    usual = _fits(probdist.continuous, probdist.discrete, data)
    with home_made("probdist.continuous", "probdist.discrete") as (continuous, discrete):
        alone = _fits(continuous, discrete, data)
    for name, params in usual.items():
        for key, value in params.items():
            assert np.isclose(alone[name][key], value, rtol=1e-12, atol=0), (
                f"{name}.fit gives another {key} when scipy is unavailable ({alone[name][key]} "
                f"instead of {value}): write the maximum-likelihood steps yourself"
            )
