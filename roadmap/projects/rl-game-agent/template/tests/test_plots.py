"""Milestone 6: reward curves."""
import numpy as np

from rlagent.plots import plot_reward_curves


def trailing_mean(values, window):
    values = np.asarray(values, dtype=float)
    return np.array([values[max(0, i - window + 1): i + 1].mean() for i in range(len(values))])


def test_plot_reward_curves_draws_the_smoothed_returns(tmp_path):
    rng = np.random.default_rng(0)
    curves = {
        "DQN on GridWorld": list(rng.normal(0.5, 0.3, size=40)),
        "REINFORCE on CartPole": list(np.linspace(20, 300, 75) + rng.normal(0, 30, size=75)),
    }
    path = tmp_path / "curves.png"
    fig = plot_reward_curves(curves, path, window=7)
    assert path.exists() and path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", "save a PNG to `path`"
    ax = fig.axes[0]
    labelled = {line.get_label(): line for line in ax.get_lines() if not line.get_label().startswith("_")}
    assert set(labelled) == set(curves), f"one labelled line per curve, got labels {sorted(labelled)}"
    for name, returns in curves.items():
        line = labelled[name]
        assert np.allclose(line.get_xdata(), np.arange(1, len(returns) + 1)), "x = episode 1, 2, ..."
        assert np.allclose(line.get_ydata(), trailing_mean(returns, 7)), (
            f"the line '{name}' must be the moving average (window 7) of its returns"
        )
    assert ax.get_legend() is not None, "add a legend"
    assert ax.get_xlabel() and ax.get_ylabel(), "label both axes"
