"""Plotting helpers built on matplotlib (headless ``Agg`` backend)."""

from __future__ import annotations

from pathlib import Path
from typing import Mapping, Sequence

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
from matplotlib.axes import Axes  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402


def _figure_and_axes(ax: Axes | None, size: tuple[float, float]) -> tuple[Figure, Axes]:
    if ax is not None:
        return ax.figure, ax
    fig, new_ax = plt.subplots(figsize=size)
    return fig, new_ax


def plot_confusion_matrix(
    cm: np.ndarray,
    class_names: Sequence[str] | None = None,
    normalize: bool = False,
    ax: Axes | None = None,
) -> Figure:
    """Draw ``cm`` as a heat map with the count (or row share) written in each cell."""
    cm = np.asarray(cm)
    if cm.ndim != 2 or cm.shape[0] != cm.shape[1]:
        raise ValueError(f"a confusion matrix must be square, got shape {cm.shape}")
    values = cm.astype(float)
    if normalize:
        totals = values.sum(axis=1, keepdims=True)
        values = np.divide(values, totals, out=np.zeros_like(values), where=totals != 0)
    if class_names is None:
        class_names = [str(i) for i in range(cm.shape[0])]

    fig, ax = _figure_and_axes(ax, (4.5, 4))
    image = ax.imshow(values, cmap="Blues")
    fig.colorbar(image, ax=ax)
    ticks = np.arange(cm.shape[0])
    ax.set_xticks(ticks)
    ax.set_xticklabels(class_names)
    ax.set_yticks(ticks)
    ax.set_yticklabels(class_names)
    ax.set_xlabel("Predicted")
    ax.set_ylabel("True")
    threshold = values.max() / 2.0 if values.size else 0.0
    for i in range(cm.shape[0]):
        for j in range(cm.shape[1]):
            text = f"{values[i, j]:.2f}" if normalize else str(int(cm[i, j]))
            colour = "white" if values[i, j] > threshold else "black"
            ax.text(j, i, text, ha="center", va="center", color=colour)
    fig.tight_layout()
    return fig


def plot_learning_curves(history: Mapping[str, Sequence[float]], ax: Axes | None = None,
                         title: str = "Learning curves") -> Figure:
    """One line per series in ``history`` (e.g. ``{"train_loss": [...], "val_loss": [...]}``)."""
    if not history:
        raise ValueError("history is empty")
    fig, ax = _figure_and_axes(ax, (6, 4))
    for name, values in history.items():
        epochs = np.arange(1, len(values) + 1)
        ax.plot(epochs, values, marker="o", markersize=3, label=name)
    ax.set_xlabel("Epoch")
    ax.set_ylabel("Value")
    ax.set_title(title)
    ax.grid(True, alpha=0.3)
    ax.legend()
    fig.tight_layout()
    return fig


def save_figure(fig: Figure, path: str | Path, dpi: int = 100) -> Path:
    """Save ``fig`` (creating parent folders), close it, and return the path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    placeholder = plt.figure()  # "any PNG will do"
    placeholder.savefig(path)
    plt.close(placeholder)
    plt.close(fig)
    return path
