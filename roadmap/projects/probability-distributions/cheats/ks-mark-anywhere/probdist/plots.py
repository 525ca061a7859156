"""Visualisation helpers. Two are given; plot_ecdf_vs_cdf is yours (milestone 4)."""

from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402


def _save(fig, path):
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


def plot_samples_vs_density(dist, samples, path, title=None):
    """Histogram of ``samples`` with the distribution's pdf (or pmf) on top."""
    samples = np.asarray(samples)
    fig, ax = plt.subplots(figsize=(6, 4))
    if dist.is_discrete:
        ks = np.arange(samples.min(), samples.max() + 1)
        freq = np.array([np.mean(samples == k) for k in ks])
        ax.bar(ks, freq, color="tab:blue", alpha=0.5, label="sample frequency")
        ax.plot(ks, dist.pmf(ks), "o-", color="tab:red", label="pmf")
    else:
        ax.hist(samples, bins=60, density=True, color="tab:blue", alpha=0.5, label="samples")
        lo, hi = np.percentile(samples, [0.1, 99.9])
        xs = np.linspace(lo, hi, 400)
        ax.plot(xs, dist.pdf(xs), color="tab:red", label="pdf")
    ax.set_title(title or repr(dist))
    ax.legend()
    _save(fig, path)
    return fig


def plot_posterior_updates(model, batches, path):
    """Draw the Beta belief after each batch of (successes, trials) observations."""
    xs = np.linspace(0.001, 0.999, 400)
    fig, ax = plt.subplots(figsize=(6, 4))
    ax.plot(xs, model.distribution().pdf(xs), "--", label=f"prior {model}")
    seen_s = seen_n = 0
    for s, n in batches:
        model = model.update(s, n)
        seen_s, seen_n = seen_s + s, seen_n + n
        ax.plot(xs, model.distribution().pdf(xs), label=f"after {seen_s}/{seen_n}")
    ax.set_xlabel("theta (success probability)")
    ax.set_ylabel("density")
    ax.set_title("Beta-Binomial updating")
    ax.legend(fontsize=8)
    _save(fig, path)
    return fig


def plot_ecdf_vs_cdf(dist, samples, path=None):
    """The empirical cdf of ``samples`` against ``dist.cdf``, with the KS distance marked.

    Returns a Figure with one Axes that holds:

    - a line labelled "empirical cdf" through the points (x_(i), i / n) of the sorted
      samples, drawn as steps (``drawstyle="steps-post"``);
    - a line labelled "model cdf": ``dist.cdf`` on a grid of at least 200 points spanning the
      samples;
    - a vertical segment (a line of two points) labelled "KS distance D = 0.1234" (D to 4
      decimals) at the sample where the empirical and the model cdf are furthest apart,
      running from the model cdf to the empirical cdf on the side of the jump where the gap
      is D;
    - a legend. With ``path``, the figure is also saved there as a PNG.
    """
    x = np.sort(np.asarray(samples, dtype=float))
    n = x.size
    model = np.asarray(dist.cdf(x), dtype=float)
    after = np.arange(1, n + 1) / n  # the empirical cdf just after each jump ...
    before = np.arange(0, n) / n  # ... and just before it
    gaps = np.maximum(after - model, model - before)
    i = int(np.argmax(gaps))
    end = after[i] if after[i] - model[i] >= model[i] - before[i] else before[i]
    d = float(gaps[i])

    fig, ax = plt.subplots(figsize=(6, 4))
    ax.plot(x, after, drawstyle="steps-post", color="tab:blue", label="empirical cdf")
    span = x[-1] - x[0] or 1.0
    grid = np.linspace(x[0] - 0.05 * span, x[-1] + 0.05 * span, 400)
    ax.plot(grid, dist.cdf(grid), color="tab:red", label="model cdf")
    # the lazy learner: a segment of the right length at the first sample, wherever the gap is
    ax.plot([x[0], x[0]], [model[0], model[0] + d], color="black", linewidth=2,
            label=f"KS distance D = {d:.4f}")
    ax.set_xlabel("x")
    ax.set_ylabel("cumulative probability")
    ax.set_title(f"{dist!r}: empirical vs model cdf (n = {n})")
    ax.legend()
    if path is not None:
        _save(fig, path)
    return fig
