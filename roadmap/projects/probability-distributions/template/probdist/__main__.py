"""A tour of the library:  python -m probdist [--out output]"""

import argparse
from pathlib import Path

import numpy as np

from . import (
    Bernoulli,
    Beta,
    BetaBinomialModel,
    Binomial,
    Exponential,
    Gamma,
    Gaussian,
    Poisson,
    Uniform,
    chi_square_test,
    ks_test,
)
from .plots import plot_ecdf_vs_cdf, plot_posterior_updates, plot_samples_vs_density


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", default="output")
    parser.add_argument("--n", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    out = Path(args.out)
    rng = np.random.default_rng(args.seed)

    print("Sampling, fitting and testing every distribution")
    print(f"{'distribution':<36} {'fitted':<40} {'test':<10} {'p-value':>8}")
    continuous = [Gaussian(1.0, 2.0), Exponential(1.5), Uniform(-1.0, 3.0), Gamma(2.5, 1.5), Beta(2.0, 5.0)]
    for dist in continuous:
        samples = dist.sample(args.n, rng)
        fitted = type(dist).fit(samples)
        _, p = ks_test(samples, dist.cdf)
        print(f"{dist!r:<36} {fitted!r:<40} {'KS':<10} {p:>8.3f}")
        plot_samples_vs_density(dist, samples, out / f"{type(dist).__name__.lower()}.png")
        plot_ecdf_vs_cdf(dist, samples[:300], out / f"{type(dist).__name__.lower()}_ecdf.png")

    discrete = [Bernoulli(0.3), Binomial(12, 0.4), Poisson(3.5)]
    for dist in discrete:
        samples = dist.sample(args.n, rng)
        fitted = Binomial.fit(samples, dist.n) if isinstance(dist, Binomial) else type(dist).fit(samples)
        # One bin per value 0..K, where bin K also takes the whole upper tail; K is the
        # largest value whose expected count is still >= 5 (the chi-square rule of thumb).
        expected = dist.pmf(np.arange(int(samples.max()) + 1)) * len(samples)
        K = int(np.nonzero(expected >= 5)[0].max())
        observed = np.array([np.sum(samples == k) for k in range(K)] + [np.sum(samples >= K)], dtype=float)
        probs = dist.pmf(np.arange(K + 1))
        probs[K] = 1.0 - probs[:K].sum()
        _, p = chi_square_test(observed, probs * len(samples))
        print(f"{dist!r:<36} {fitted!r:<40} {'chi-square':<10} {p:>8.3f}")
        plot_samples_vs_density(dist, samples, out / f"{type(dist).__name__.lower()}.png")

    print("\nBayesian A/B example: 42 clicks out of 500 views versus 61 out of 520")
    a = BetaBinomialModel(1, 1).update(42, 500)
    b = BetaBinomialModel(1, 1).update(61, 520)
    for name, model in (("A", a), ("B", b)):
        lo, hi = model.credible_interval(0.95)
        print(f"  {name}: posterior mean {model.posterior_mean():.4f}, 95% interval [{lo:.4f}, {hi:.4f}]")
    draws_a = a.distribution().sample(20000, rng)
    draws_b = b.distribution().sample(20000, rng)
    print(f"  P(B better than A) ~ {np.mean(draws_b > draws_a):.3f} (Monte Carlo with your Beta sampler)")
    plot_posterior_updates(BetaBinomialModel(1, 1), [(3, 10), (9, 40), (40, 150)], out / "posterior.png")
    print(f"\nplots written to {out}/")


if __name__ == "__main__":
    main()
