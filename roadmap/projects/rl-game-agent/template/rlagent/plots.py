"""Reward curves: how the return of the training episodes changes as an agent learns."""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402,F401
import numpy as np  # noqa: E402,F401

from .evaluation import moving_average  # noqa: E402,F401


def plot_reward_curves(curves, path, window=20, title="Training reward"):
    """Plot one smoothed reward curve per agent and save the figure to ``path`` (PNG).

    ``curves`` maps a label (e.g. ``"DQN on GridWorld"``) to the list of its training
    episodes' returns. Each curve is drawn on the first axes as ONE line labelled with its
    key, x = episode number (1, 2, ...), y = ``moving_average(returns, window)``; the raw
    returns may be drawn too, but without a label. Add axis labels and a legend.
    Returns the matplotlib ``Figure``.
    """
    # TODO: one figure, one axes; a labelled smoothed line per curve (and optionally the raw
    # returns, faint and unlabelled); labels, legend, savefig, return the figure.
    raise NotImplementedError("TODO: plot_reward_curves")
