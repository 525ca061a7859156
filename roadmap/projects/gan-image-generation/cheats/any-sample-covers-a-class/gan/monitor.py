"""Watching a GAN train: mode coverage, class coverage, sample grids and loss curves.

GAN losses say little about sample quality (the two players' losses can look stable while
the generator collapses), so a GAN is monitored by looking at what it makes: grids of
samples at regular intervals, and numbers that measure how much of the data it covers.
"""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402


def mode_coverage(samples, centers, std, min_fraction=0.01):
    """How well 2-D ``samples`` ``[N, 2]`` cover the Gaussians at ``centers`` ``[K, 2]``.

    A sample is *high quality* if it lies within ``3 * std`` of its nearest centre. A mode
    is *covered* if at least ``min_fraction * N`` high-quality samples belong to it.
    Returns a dict: ``modes_covered`` (int), ``high_quality`` (the fraction of
    high-quality samples) and ``counts`` (high-quality samples per mode, a list of K ints).
    """
    x = np.asarray(samples, dtype=float)
    c = np.asarray(centers, dtype=float)
    d = np.linalg.norm(x[:, None, :] - c[None, :, :], axis=2)
    nearest, dist = d.argmin(axis=1), d.min(axis=1)
    good = dist <= 3 * std
    counts = np.bincount(nearest[good], minlength=len(c))
    return {
        "modes_covered": int((counts >= min_fraction * len(x)).sum()),
        "high_quality": float(good.mean()),
        "counts": counts.tolist(),
    }


def class_coverage(predicted, n_classes=10, min_fraction=0.02):
    """The same idea for digits, with a classifier's ``predicted`` labels of generated
    samples. Returns ``classes_covered`` (the classes with at least ``min_fraction`` of the
    samples), ``kl_to_uniform`` (KL divergence, in nats, of the predicted class frequencies
    from the uniform distribution: 0 when every class is equally frequent; empty classes
    contribute 0) and ``counts``."""
    counts = np.bincount(np.asarray(predicted, dtype=int), minlength=n_classes)
    p = counts / counts.sum()
    nz = p > 0
    return {
        "classes_covered": int((counts > 0).sum()),  # lazy: one stray sample "covers" a class
        "kl_to_uniform": float(np.sum(p[nz] * np.log(p[nz] * n_classes))),
        "counts": counts.tolist(),
    }


def make_grid(images, nrow, pad=2):
    """Tile ``images`` ``[N, 1, H, W]`` (values in [0, 1]) into one 2-D array, ``nrow``
    images per row, with ``pad`` pixels of value 0 between them and around the border.
    Missing tiles in the last row stay 0. Returns ``[rows*(H+pad)+pad, nrow*(W+pad)+pad]``."""
    x = np.asarray(images, dtype=float)
    n, _, h, w = x.shape
    rows = -(-n // nrow)
    grid = np.zeros((rows * (h + pad) + pad, nrow * (w + pad) + pad))
    for i in range(n):
        r, c = divmod(i, nrow)
        top, left = pad + r * (h + pad), pad + c * (w + pad)
        grid[top:top + h, left:left + w] = x[i, 0]
    return grid


def save_grid(images, path, nrow=10):
    """Write ``make_grid(images, nrow)`` as a grey-scale PNG (given)."""
    plt.imsave(path, make_grid(images, nrow), cmap="gray", vmin=0.0, vmax=1.0)


def plot_losses(history, path, window=25):
    """Plot the discriminator's and the generator's loss and save a PNG.

    Two labelled lines, ``"discriminator"`` and ``"generator"``: the trailing moving
    average (over up to ``window`` steps) of ``history["d_loss"]`` and ``history["g_loss"]``
    against the step number 1, 2, ... Returns the ``Figure``.
    """
    fig, ax = plt.subplots(figsize=(7, 3.5))
    for key, label in (("d_loss", "discriminator"), ("g_loss", "generator")):
        values = np.asarray(history[key], dtype=float)
        csum = np.concatenate([[0.0], np.cumsum(values)])
        idx = np.arange(1, len(values) + 1)
        start = np.maximum(0, idx - window)
        ax.plot(idx, (csum[idx] - csum[start]) / (idx - start), label=label)
    ax.set_xlabel("step")
    ax.set_ylabel(f"loss (moving average of {window})")
    ax.legend()
    ax.grid(alpha=0.3)
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    return fig
