"""The Beta-Binomial model against closed forms and scipy.stats."""

import numpy as np
from scipy import stats

from probdist import Beta, BetaBinomialModel
from support import home_made


def test_update_adds_counts():
    prior = BetaBinomialModel(2, 3)
    post = prior.update(7, 10)
    assert isinstance(post, BetaBinomialModel), "update must return a new BetaBinomialModel"
    assert (post.alpha, post.beta) == (9, 6), (
        f"Beta(2, 3) after 7 successes in 10 trials is Beta(2 + 7, 3 + 3) = Beta(9, 6); got ({post.alpha}, {post.beta})"
    )
    assert (prior.alpha, prior.beta) == (2, 3), "update must not change the prior model"
    for bad in [(11, 10), (-1, 5)]:
        try:
            prior.update(*bad)
        except ValueError:
            continue
        raise AssertionError(f"update{bad} must raise ValueError (need 0 <= successes <= trials)")


def test_sequential_updates_equal_one_batch():
    model = BetaBinomialModel(1, 1)
    batches = [(3, 10), (0, 4), (12, 20), (5, 5)]
    for s, n in batches:
        model = model.update(s, n)
    batch = BetaBinomialModel(1, 1).update(sum(s for s, _ in batches), sum(n for _, n in batches))
    assert (model.alpha, model.beta) == (batch.alpha, batch.beta), (
        "updating batch by batch must give the same posterior as one update with all the data"
    )
    dist = model.distribution()
    assert isinstance(dist, Beta) and np.isclose(dist.a, 21) and np.isclose(dist.b, 20), (
        f"distribution() should be Beta(21, 20), got {dist!r}"
    )


def test_posterior_summaries_match_scipy():
    for alpha, beta, s, n in [(1, 1, 42, 500), (2, 2, 3, 4), (0.5, 0.5, 0, 10), (10, 30, 60, 100)]:
        model = BetaBinomialModel(alpha, beta).update(s, n)
        ref = stats.beta(alpha + s, beta + n - s)
        assert np.isclose(model.posterior_mean(), ref.mean()), f"posterior mean should be {ref.mean()}"
        lo, hi = model.credible_interval(0.95)
        ref_lo, ref_hi = ref.interval(0.95)
        assert np.isclose(lo, ref_lo, atol=1e-8) and np.isclose(hi, ref_hi, atol=1e-8), (
            f"95% interval of {model}: expected ({ref_lo:.6f}, {ref_hi:.6f}), got ({lo:.6f}, {hi:.6f})"
        )
        lo, hi = model.credible_interval(0.5)
        assert np.isclose(lo, ref.ppf(0.25), atol=1e-8) and np.isclose(hi, ref.ppf(0.75), atol=1e-8), (
            "the 50% interval should run from the 25% to the 75% quantile"
        )
        for t in [0.05, 0.1, 0.5]:
            assert np.isclose(model.prob_greater_than(t), ref.sf(t), atol=1e-10), (
                f"P(theta > {t}) under {model}: expected {ref.sf(t):.6g}, got {model.prob_greater_than(t)}"
            )


def test_posterior_predictive_matches_scipy():
    model = BetaBinomialModel(2, 3).update(7, 10)
    m = 8
    probs = np.array([model.predictive_pmf(k, m) for k in range(m + 1)])
    ref = stats.betabinom(m, model.alpha, model.beta).pmf(np.arange(m + 1))
    assert np.allclose(probs, ref, rtol=1e-9), f"predictive pmf: expected {np.round(ref, 5)}, got {np.round(probs, 5)}"
    assert np.isclose(probs.sum(), 1.0), "the predictive probabilities over k = 0..m must sum to 1"
    assert model.predictive_pmf(-1, m) == 0 and model.predictive_pmf(m + 1, m) == 0, "k outside 0..m has probability 0"
    assert np.isclose(model.predictive_pmf(1, 1), model.posterior_mean()), (
        "P(next trial succeeds) equals the posterior mean"
    )


def _summaries(bayes):
    model = bayes.BetaBinomialModel(2, 3).update(17, 60)
    return [model.posterior_mean(), *model.credible_interval(0.9), model.prob_greater_than(0.25),
            *[model.predictive_pmf(k, 6) for k in range(7)]]


def test_bayes_needs_no_scipy():
    """The posterior summaries again, imported afresh while scipy cannot be imported."""
    import probdist.bayes

    usual = _summaries(probdist.bayes)
    with home_made("probdist.bayes") as (bayes,):
        alone = _summaries(bayes)
    assert np.allclose(usual, alone, rtol=1e-12, atol=0), (
        f"the posterior summaries change when scipy is unavailable ({alone} instead of {usual}): "
        "find the interval by bisection on your own Beta cdf"
    )


def test_tour_runs_end_to_end(tmp_path, capsys):
    """`python -m probdist`: everything together, ending in a worked Bayesian A/B test."""
    from scipy import integrate

    from probdist.__main__ import main

    out = tmp_path / "tour"
    main(["--out", str(out), "--n", "2000", "--seed", "1"])
    printed = capsys.readouterr().out
    for name in ("gaussian", "gamma", "beta", "poisson", "posterior", "gamma_ecdf"):
        path = out / f"{name}.png"
        assert path.exists() and path.read_bytes()[:4] == b"\x89PNG", f"the tour should write {path.name}"
    # P(theta_B > theta_A) for the posteriors Beta(43, 459) and Beta(62, 460), by integration.
    a, b = stats.beta(1 + 42, 1 + 500 - 42), stats.beta(1 + 61, 1 + 520 - 61)
    exact = integrate.quad(lambda t: a.pdf(t) * b.sf(t), 0, 1)[0]
    reported = [float(line.split("~")[1].split()[0]) for line in printed.splitlines()
                if "P(B better than A)" in line]
    assert reported and abs(reported[0] - exact) < 0.02, (
        f"the tour's Monte Carlo estimate of P(B better than A) should be near {exact:.3f} "
        f"(it uses your Beta sampler); it printed {reported}")
