"""Samplers are judged with scipy's goodness-of-fit tests at fixed seeds.

A correct sampler passes each check with probability ~99.9 %; a wrong one fails by a mile.
"""

import numpy as np
from scipy import stats

from probdist import (
    Bernoulli,
    Beta,
    Binomial,
    Exponential,
    Gamma,
    Gaussian,
    Poisson,
    Uniform,
    box_muller,
    discrete_inverse_transform,
    rejection_sample,
)
from support import RecordingRNG, ScriptedRNG, UniformOnlyRNG, home_made

N = 20_000
ALPHA = 1e-3


def _ks(samples, ref_cdf, what):
    samples = np.asarray(samples, dtype=float)
    assert samples.shape == (N,), f"{what}: expected {N} samples in a 1-D array, got shape {samples.shape}"
    res = stats.kstest(samples, ref_cdf)
    assert res.pvalue > ALPHA, (
        f"{what}: the samples do not follow the target distribution "
        f"(KS statistic {res.statistic:.4f}, p-value {res.pvalue:.2e}); sample mean {samples.mean():.4f}"
    )


def _chi2(samples, ref, what):
    samples = np.asarray(samples)
    assert samples.shape == (N,), f"{what}: expected {N} samples in a 1-D array, got shape {samples.shape}"
    assert np.all(samples == np.round(samples)), f"{what}: discrete samples must be whole numbers"
    # bins 0..K-1 and a last bin for >= K, where every bin expects at least 5 counts
    ks = np.arange(0, int(ref.ppf(1 - 1e-9)) + 2)
    expected = ref.pmf(ks) * N
    K = int(np.nonzero(expected >= 5)[0].max())
    lo = int(np.nonzero(expected >= 5)[0].min())
    observed = [np.sum(samples <= lo)] + [np.sum(samples == k) for k in range(lo + 1, K)] + [np.sum(samples >= K)]
    exp_counts = [ref.cdf(lo) * N] + [ref.pmf(k) * N for k in range(lo + 1, K)] + [ref.sf(K - 1) * N]
    res = stats.chisquare(observed, exp_counts)
    assert res.pvalue > ALPHA, (
        f"{what}: sample frequencies do not match the pmf (chi-square {res.statistic:.1f}, "
        f"p-value {res.pvalue:.2e}); observed {observed[:8]}..., expected {np.round(exp_counts[:8], 1)}..."
    )


def test_box_muller_gives_standard_normals():
    z = box_muller(N, UniformOnlyRNG(1))
    _ks(z, stats.norm.cdf, "box_muller")
    odd = np.asarray(box_muller(7, UniformOnlyRNG(2)))
    assert odd.shape == (7,), f"box_muller(7, rng) must return exactly 7 values, got shape {odd.shape}"
    _ks(Gaussian(2.0, 0.5).sample(N, UniformOnlyRNG(3)), stats.norm(2.0, 0.5).cdf, "Gaussian(2, 0.5).sample")


def test_inverse_transform_samplers():
    _ks(Exponential(2.0).sample(N, UniformOnlyRNG(4)), stats.expon(scale=0.5).cdf, "Exponential(2).sample")
    _ks(Uniform(-1.0, 3.0).sample(N, UniformOnlyRNG(5)), stats.uniform(-1.0, 4.0).cdf, "Uniform(-1, 3).sample")


def test_discrete_inverse_transform():
    probs = np.array([0.1, 0.0, 0.6, 0.3])
    idx = np.asarray(discrete_inverse_transform(probs, N, UniformOnlyRNG(6)))
    assert idx.shape == (N,) and idx.min() >= 0 and idx.max() <= 3, "indices must lie in 0..len(probs)-1"
    assert not np.any(idx == 1), "an index with probability 0 must never be drawn"
    counts = np.bincount(idx, minlength=4)
    res = stats.chisquare(counts[[0, 2, 3]], probs[[0, 2, 3]] * N)
    assert res.pvalue > ALPHA, f"index frequencies {counts / N} do not match probs {probs}"


def test_discrete_samplers():
    _chi2(Bernoulli(0.3).sample(N, UniformOnlyRNG(7)), stats.bernoulli(0.3), "Bernoulli(0.3).sample")
    _chi2(Binomial(12, 0.35).sample(N, UniformOnlyRNG(8)), stats.binom(12, 0.35), "Binomial(12, 0.35).sample")
    _chi2(Poisson(3.5).sample(N, UniformOnlyRNG(9)), stats.poisson(3.5), "Poisson(3.5).sample")
    _chi2(Poisson(30.0).sample(N, UniformOnlyRNG(10)), stats.poisson(30.0), "Poisson(30).sample")


def test_generic_rejection_sampler():
    # target f(x) = 2x on [0, 1] under a uniform proposal, M = 2; its cdf is x^2
    x = rejection_sample(
        lambda x: 2.0 * x, lambda m, rng: rng.random(m), lambda x: np.ones_like(x), 2.0, N, UniformOnlyRNG(11)
    )
    _ks(x, lambda t: np.clip(t, 0, 1) ** 2, "rejection_sample of f(x) = 2x")


def test_gamma_and_beta_samplers():
    for shape, scale, seed in [(2.5, 1.5, 12), (0.7, 2.0, 13), (1.0, 3.0, 14)]:
        samples = Gamma(shape, scale).sample(N, UniformOnlyRNG(seed))
        _ks(samples, stats.gamma(shape, scale=scale).cdf, f"Gamma({shape}, {scale}).sample")
    for a, b, seed in [(2.0, 5.0, 15), (3.0, 3.0, 16), (1.0, 1.0, 17), (0.5, 0.8, 18)]:
        _ks(Beta(a, b).sample(N, UniformOnlyRNG(seed)), stats.beta(a, b).cdf, f"Beta({a}, {b}).sample")


def test_samplers_are_reproducible():
    dists = [Gaussian(0, 1), Exponential(1), Uniform(0, 1), Gamma(2, 1), Beta(2, 3), Bernoulli(0.5),
             Binomial(5, 0.5), Poisson(2)]
    for dist in dists:
        a = np.asarray(dist.sample(50, UniformOnlyRNG(42)))
        b = np.asarray(dist.sample(50, UniformOnlyRNG(42)))
        c = np.asarray(dist.sample(50, UniformOnlyRNG(43)))
        assert np.array_equal(a, b), f"{dist!r}.sample must give the same values for the same seed"
        assert not np.array_equal(a, c), f"{dist!r}.sample should depend on the random numbers"


# Uniforms chosen by hand; every exact answer below follows from them.
KNOWN = np.array([0.12, 0.83, 0.45, 0.07, 0.61, 0.999, 0.33, 0.5])


def _box_muller_variants(u, n):
    """Box-Muller outputs for the ways of pairing and ordering the uniforms."""
    m = (n + 1) // 2
    out = []
    for first, second in ((u[:m], u[m:2 * m]), (u[0:2 * m:2], u[1:2 * m:2])):
        for u1 in (1.0 - first, first):
            r = np.sqrt(-2.0 * np.log(u1))
            c, s = r * np.cos(2 * np.pi * second), r * np.sin(2 * np.pi * second)
            out.append(np.concatenate([c, s])[:n])
            out.append(np.column_stack([c, s]).ravel()[:n])
    return out


def _matches_one(got, variants):
    got = np.asarray(got, dtype=float)
    return any(got.shape == v.shape and np.allclose(got, v, rtol=1e-12, atol=1e-12) for v in variants)


def test_samplers_turn_known_uniforms_into_exact_values():
    u = KNOWN[:6]
    got = box_muller(5, ScriptedRNG(u))
    assert _matches_one(got, _box_muller_variants(u, 5)), (
        f"box_muller(5) with the uniforms {u} should give the Box-Muller values of those "
        f"uniforms (3 pairs, 5 values kept); got {np.round(np.asarray(got, dtype=float), 4)}"
    )
    got = Gaussian(2.0, 0.5).sample(5, ScriptedRNG(u))
    assert _matches_one(got, [2.0 + 0.5 * z for z in _box_muller_variants(u, 5)]), (
        "Gaussian(2, 0.5).sample should be 2 + 0.5 * box_muller(...) of the same uniforms"
    )
    got = Exponential(2.0).sample(6, ScriptedRNG(u))
    assert _matches_one(got, [-np.log1p(-u) / 2.0, -np.log(u) / 2.0]), (
        f"Exponential(2).sample with uniforms {u} should return the inverse cdf of each one, "
        f"got {np.round(np.asarray(got, dtype=float), 4)}"
    )
    got = Uniform(-1.0, 3.0).sample(6, ScriptedRNG(u))
    assert _matches_one(got, [-1.0 + 4.0 * u, 3.0 - 4.0 * u]), "Uniform(-1, 3).sample: -1 + 4u"
    got = np.asarray(Bernoulli(0.3).sample(8, ScriptedRNG(KNOWN)))
    assert np.array_equal(got, (KNOWN < 0.3).astype(int)) or np.array_equal(got, (KNOWN > 0.7).astype(int)), (
        f"Bernoulli(0.3).sample with uniforms {KNOWN} should be 1 exactly where u < 0.3, got {got}"
    )
    for dist, ref in ((Binomial(12, 0.35), stats.binom(12, 0.35)), (Poisson(3.5), stats.poisson(3.5))):
        got = np.asarray(dist.sample(8, ScriptedRNG(KNOWN)))
        assert np.array_equal(got, ref.ppf(KNOWN)), (
            f"{dist!r}.sample with uniforms {KNOWN} should give the smallest k with cdf(k) > u "
            f"for each u: {ref.ppf(KNOWN).astype(int)}; got {got}"
        )
    probs = np.array([0.1, 0.0, 0.6, 0.3])
    got = np.asarray(discrete_inverse_transform(probs, 8, ScriptedRNG(KNOWN)))
    assert np.array_equal(got, [2, 3, 2, 0, 2, 3, 2, 2]), (
        f"discrete_inverse_transform({probs}) with uniforms {KNOWN}: got {got}"
    )

    # Rejection sampling of f(x) = 2x from a uniform proposal (M = 2), with the candidates
    # handed out by the test: candidate i is kept exactly when its uniform u_i <= x_i.
    candidates = np.random.default_rng(5).random(1000)
    accept_u = np.random.default_rng(6).random(1000)
    stream = iter(candidates)

    def proposal(m, rng):
        return np.array([next(stream) for _ in range(m)])

    got = rejection_sample(lambda x: 2.0 * x, proposal, lambda x: np.ones_like(x), 2.0, 10,
                           ScriptedRNG(accept_u))
    expected = candidates[accept_u <= candidates][:10]
    assert np.allclose(np.asarray(got, dtype=float), expected, rtol=0, atol=0), (
        "rejection_sample should keep candidate i exactly when u_i * M * g(x_i) <= f(x_i), in "
        f"order, until it has n; expected {np.round(expected, 3)}, got {np.round(np.asarray(got), 3)}"
    )


def _from_uniforms(samples, uniforms, images, what):
    """Every sample is, to rounding, images(u) or images(1 - u) of a uniform the rng handed out."""
    samples = np.asarray(samples, dtype=float)
    for candidates in (uniforms, 1.0 - uniforms):
        pool = np.sort(images(candidates))
        at = np.clip(np.searchsorted(pool, samples), 1, len(pool) - 1)
        gap = np.minimum(np.abs(samples - pool[at - 1]), np.abs(samples - pool[at]))
        if np.all(gap <= 1e-9 * (1.0 + np.abs(samples))):
            return
    raise AssertionError(
        f"{what}: {np.mean(gap > 1e-9 * (1.0 + np.abs(samples))):.0%} of the samples are not "
        "candidates drawn from the rng's uniforms: rejection sampling returns some of its proposal's "
        "own draws, not numbers from another generator")


def test_rejection_samplers_keep_proposal_candidates():
    """Rejection sampling keeps some of the proposal's candidates, which come from rng's uniforms.

    Beta(a, b >= 1) proposes Uniform(0, 1) draws, so each sample is one of the uniforms; Gamma(k
    >= 1) proposes Exponential draws with mean k (inverse transform), so each sample divided by
    the scale is k * -log(1 - u) for one of them.
    """
    rng = RecordingRNG(19)
    samples = Beta(2.0, 5.0).sample(300, rng)
    _from_uniforms(samples, rng.handed_out(), lambda u: u, "Beta(2, 5).sample")
    rng = RecordingRNG(20)
    samples = Gamma(2.5, 1.5).sample(300, rng)
    _from_uniforms(samples, rng.handed_out(), lambda u: 1.5 * 2.5 * -np.log1p(-u), "Gamma(2.5, 1.5).sample")


SAMPLED = [("continuous", "Gaussian", (2.0, 0.5), 1), ("continuous", "Exponential", (2.0,), 1),
           ("continuous", "Uniform", (-1.0, 3.0), 1), ("continuous", "Gamma", (2.5, 1.5), 2),
           ("continuous", "Gamma", (0.7, 2.0), 2), ("continuous", "Beta", (2.0, 5.0), 2),
           ("continuous", "Beta", (0.5, 0.8), 2), ("discrete", "Bernoulli", (0.3,), 1),
           ("discrete", "Binomial", (12, 0.35), 1), ("discrete", "Poisson", (3.5,), 1)]


def test_samplers_use_only_rng_uniforms():
    """Every sampler again, imported afresh while scipy and numpy's own samplers are blocked."""
    import probdist.continuous
    import probdist.discrete

    modules = {"continuous": probdist.continuous, "discrete": probdist.discrete}
    n = 2000
    usual = [getattr(modules[m], name)(*args).sample(n, UniformOnlyRNG(100 + i))
             for i, (m, name, args, _) in enumerate(SAMPLED)]
    with home_made("probdist.continuous", "probdist.discrete", block_numpy_random=True) as fresh:
        fresh = dict(zip(("continuous", "discrete"), fresh))
        for i, (m, name, args, per_sample) in enumerate(SAMPLED):
            rng = UniformOnlyRNG(100 + i)
            alone = np.asarray(getattr(fresh[m], name)(*args).sample(n, rng))
            assert rng.drawn >= per_sample * n, (
                f"{name}{args}.sample({n}) used only {rng.drawn} uniforms from rng: every sample "
                f"needs at least {per_sample} of them, so where did the randomness come from?"
            )
            assert np.array_equal(alone, np.asarray(usual[i])), (
                f"{name}{args}.sample gives other values when scipy and numpy.random are "
                "unavailable: build it from rng.random() only"
            )
