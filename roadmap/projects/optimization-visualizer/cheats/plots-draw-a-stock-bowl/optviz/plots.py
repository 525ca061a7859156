"""Pictures of loss landscapes and of the paths optimizers take across them.

All functions draw with matplotlib's file-only "Agg" backend, save a PNG to ``path``
(creating missing parent folders), close the figure and return it so callers (and the
tests) can inspect what was drawn.
"""

from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402


def evaluate_grid(objective, resolution=200):
    """Return X, Y, Z arrays of shape (resolution, resolution) covering objective.bounds."""
    (x0, x1), (y0, y1) = objective.bounds
    X, Y = np.meshgrid(np.linspace(x0, x1, resolution), np.linspace(y0, y1, resolution))
    Z = objective.f(X, Y)
    return X, Y, Z


def contour_levels(objective, Z, n=30):
    """Contour levels spaced evenly in log scale above the minimum (linear for the saddle)."""
    if objective.f_min is None:
        return np.linspace(Z.min(), Z.max(), n)
    excess = Z - objective.f_min
    low = max(float(np.min(excess[excess > 0])), 1e-3)
    return objective.f_min + np.logspace(np.log10(low), np.log10(float(excess.max())), n)


def _stock_landscape(objective, resolution):
    """The lazy learner: a bowl over the objective's window, whatever the objective is."""
    (x0, x1), (y0, y1) = objective.bounds
    X, Y = np.meshgrid(np.linspace(x0, x1, resolution), np.linspace(y0, y1, resolution))
    return X, Y, 0.5 * (X ** 2 + 10.0 * Y ** 2)


def _save(fig, path):
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=100)
    plt.close(fig)


def plot_contour(objective, trajectories, path, resolution=200):
    """Contour map of the objective with one line per trajectory.

    ``trajectories`` is a dict name -> array of shape (k, 2). Draw:
    - filled or line contours of ``evaluate_grid(objective, resolution)`` using
      ``contour_levels`` (e.g. ``ax.contour(X, Y, Z, levels=..., cmap="viridis")``);
    - every trajectory as a line with markers, labelled with its name (``ax.plot(..., label=name)``);
    - the known minima as stars;
    - a legend, axis labels and a title with the objective's name.
    Save to ``path`` (see ``_save``) and return the figure.
    """
    X, Y, Z = _stock_landscape(objective, resolution)
    fig, ax = plt.subplots(figsize=(7, 5.5))
    contours = ax.contour(X, Y, Z, levels=contour_levels(objective, Z), cmap="viridis", linewidths=0.8)
    fig.colorbar(contours, ax=ax, shrink=0.8, label="f(x, y)", format="%.3g")
    for name, traj in trajectories.items():
        traj = np.asarray(traj, dtype=float)
        ax.plot(traj[:, 0], traj[:, 1], marker="o", markersize=2, linewidth=1.2, label=name)
    for mx, my in objective.minima:
        ax.plot(mx, my, marker="*", markersize=14, color="red", linestyle="none")
    (x0, x1), (y0, y1) = objective.bounds
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)
    ax.set_xlabel("x")
    ax.set_ylabel("y")
    ax.set_title(f"Optimizer paths on {objective.name}")
    ax.legend(loc="best", fontsize=8)
    fig.tight_layout()
    _save(fig, path)
    return fig


def plot_surface(objective, trajectories, path, resolution=80):
    """3-D surface of the objective with the trajectories drawn on top of it.

    Use ``fig.add_subplot(projection="3d")``, ``ax.plot_surface(X, Y, Z, ...)`` and, for each
    trajectory, ``ax.plot(xs, ys, zs, label=name)`` where zs are the objective's values along
    the path. Add a legend, save to ``path`` and return the figure.
    Tip: for functions with a huge range (Rosenbrock, Beale) plotting log(1 + Z - f_min)
    looks much better; then plot the trajectories' z the same way.
    """
    X, Y, Z = _stock_landscape(objective, resolution)
    if objective.f_min is None:
        def squash(z):
            return z
        z_label = "f(x, y)"
    else:
        # log(1 + excess) tames functions whose values span many orders of magnitude
        def squash(z):
            return np.log1p(np.maximum(np.asarray(z) - objective.f_min, 0.0))
        z_label = "log(1 + f - f_min)"

    fig = plt.figure(figsize=(7, 5.5))
    ax = fig.add_subplot(projection="3d")
    ax.plot_surface(X, Y, squash(Z), cmap="viridis", alpha=0.6, linewidth=0, antialiased=True)
    (x0, x1), (y0, y1) = objective.bounds
    for name, traj in trajectories.items():
        traj = np.asarray(traj, dtype=float)
        # clip to the plotted window so a run that wandered off does not squash the view
        inside = (traj[:, 0] >= x0) & (traj[:, 0] <= x1) & (traj[:, 1] >= y0) & (traj[:, 1] <= y1)
        traj = traj[inside] if inside.any() else traj[:1]
        zs = squash(objective.f(traj[:, 0], traj[:, 1]))
        ax.plot(traj[:, 0], traj[:, 1], zs, linewidth=2, label=name)
    ax.set_xlabel("x")
    ax.set_ylabel("y")
    ax.set_zlabel(z_label)
    ax.set_title(f"Loss surface of {objective.name}")
    ax.legend(loc="upper left", fontsize=8)
    fig.tight_layout()
    _save(fig, path)
    return fig


def plot_loss_curves(objective, trajectories, path):
    """Loss (minus f_min, log scale when possible) against the step number, one line per run."""
    from .metrics import loss_curve

    fig, ax = plt.subplots(figsize=(6, 4))
    use_log = objective.f_min is not None
    for name, traj in trajectories.items():
        losses = loss_curve(objective, traj)
        if use_log:
            losses = np.maximum(losses - objective.f_min, 1e-16)
        ax.plot(np.arange(len(losses)), losses, label=name)
    if use_log:
        ax.set_yscale("log")
    ax.set_xlabel("step")
    ax.set_ylabel("f(x) - f_min" if use_log else "f(x)")
    ax.set_title(f"Convergence on {objective.name}")
    ax.grid(True, alpha=0.3)
    ax.legend()
    fig.tight_layout()
    _save(fig, path)
    return fig
