"""Training curves with a band of one standard deviation over seeds (GIVEN)."""
from __future__ import annotations

from pathlib import Path

import numpy as np


def plot_curves(records: list[dict], path: Path, title: str = "Training loss over seeds") -> Path:
    """One line per configuration: the mean training loss over its seeds, with a +-1 std
    band. Written with matplotlib's non-interactive ``Agg`` backend."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    groups: dict = {}
    for record in records:
        groups.setdefault(record["name"], []).append(record)
    fig, ax = plt.subplots(figsize=(7, 4.5))
    for name, group in groups.items():
        steps = np.array(group[0]["curve"]["step"])
        losses = np.array([r["curve"]["train_loss"] for r in group])
        mean, std = losses.mean(axis=0), losses.std(axis=0)
        style = "-" if group[0]["config"]["residual"] else "--"
        ax.plot(steps, mean, style, label=f"{name} (n={len(group)})")
        ax.fill_between(steps, mean - std, mean + std, alpha=0.15)
    ax.set_xlabel("SGD step")
    ax.set_ylabel("training loss (cross-entropy)")
    ax.set_yscale("log")
    ax.set_title(title)
    ax.legend(fontsize=8)
    fig.tight_layout()
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=120)
    plt.close(fig)
    return path
