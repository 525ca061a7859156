"""Plotting helpers built on matplotlib (headless ``Agg`` backend)."""

from __future__ import annotations

from pathlib import Path
from typing import Mapping, Sequence

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402,F401
import numpy as np  # noqa: E402
from matplotlib.axes import Axes  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402


def plot_confusion_matrix(
    cm: np.ndarray,
    class_names: Sequence[str] | None = None,
    normalize: bool = False,
    ax: Axes | None = None,
) -> Figure:
    """Draw ``cm`` as a heat map with the count written in each cell.

    Tick labels are ``class_names`` (default "0", "1", ...). With
    ``normalize=True`` each row is divided by its total and cells show 2 decimals.
    """
    # TODO: ax.imshow(...), set the tick labels, and ax.text(j, i, ...) per cell.
    raise NotImplementedError("TODO: implement plot_confusion_matrix")


def plot_learning_curves(history: Mapping[str, Sequence[float]], ax: Axes | None = None,
                         title: str = "Learning curves") -> Figure:
    """One line per series in ``history``, labelled with its key, plus a legend."""
    # TODO
    raise NotImplementedError("TODO: implement plot_learning_curves")


def save_figure(fig: Figure, path: str | Path, dpi: int = 100) -> Path:
    """Save ``fig`` as an image (creating parent folders), close it, return the path."""
    # TODO
    raise NotImplementedError("TODO: implement save_figure")
