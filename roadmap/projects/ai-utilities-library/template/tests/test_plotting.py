"""Milestone 5 (part 1): plots."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from aiutils.plotting import plot_confusion_matrix, plot_learning_curves, save_figure  # noqa: E402


def test_confusion_matrix_plot_shows_counts_and_names():
    cm = np.array([[5, 1, 0], [2, 7, 1], [0, 0, 9]])
    fig = plot_confusion_matrix(cm, class_names=["cat", "dog", "fox"])
    try:
        assert isinstance(fig, Figure), "plot_confusion_matrix must return a matplotlib Figure"
        ax = fig.axes[0]
        assert ax.images, "draw the matrix with ax.imshow (no image found on the axes)"
        np.testing.assert_array_equal(np.asarray(ax.images[0].get_array()), cm,
                                      err_msg="the image should show the matrix itself")
        texts = [t.get_text() for t in ax.texts]
        assert sorted(texts) == sorted(str(v) for v in cm.ravel()), (
            f"each cell should be labelled with its count; found texts {texts}")
        ticks = [t.get_text() for t in ax.get_xticklabels()]
        assert ticks == ["cat", "dog", "fox"], f"x tick labels should be the class names, got {ticks}"
    finally:
        plt.close(fig)


def test_learning_curves_one_line_per_series():
    history = {"train_loss": [1.0, 0.6, 0.4, 0.3], "val_loss": [1.1, 0.8, 0.7, 0.75]}
    fig = plot_learning_curves(history)
    try:
        ax = fig.axes[0]
        labels = [line.get_label() for line in ax.get_lines()]
        assert labels == ["train_loss", "val_loss"], f"expected one labelled line per series, got {labels}"
        np.testing.assert_array_equal(ax.get_lines()[1].get_ydata(), history["val_loss"])
        assert ax.get_legend() is not None, "add a legend so the lines can be told apart"
    finally:
        plt.close(fig)


def test_save_figure_writes_png(tmp_path):
    fig = plot_learning_curves({"loss": [3, 2, 1]})
    target = tmp_path / "reports" / "figures" / "loss.png"
    result = save_figure(fig, target)
    assert result == target, "save_figure should return the path it wrote"
    assert target.exists(), "save_figure should create missing parent folders"
    assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", "the file should be a PNG image"
