"""Milestone 5 (part 1): plots."""

import matplotlib

matplotlib.use("Agg")

from pathlib import Path  # noqa: E402

import matplotlib.image as mpimg  # noqa: E402
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
        ticks = [t.get_text() for t in ax.get_yticklabels()]
        assert ticks == ["cat", "dog", "fox"], f"y tick labels should be the class names, got {ticks}"
    finally:
        plt.close(fig)


def test_confusion_matrix_plot_normalizes_rows():
    cm = np.array([[3, 1, 0], [0, 0, 0], [2, 6, 0]])  # class 1 has no samples: its row stays 0
    fig = plot_confusion_matrix(cm, normalize=True)
    try:
        ax = fig.axes[0]
        expected = np.array([[0.75, 0.25, 0.0], [0.0, 0.0, 0.0], [0.25, 0.75, 0.0]])
        np.testing.assert_allclose(np.asarray(ax.images[0].get_array(), dtype=float), expected,
                                   err_msg="normalize=True: show each row divided by its total "
                                           "(an empty row stays 0)")
        texts = sorted(t.get_text() for t in ax.texts)
        assert texts == sorted(f"{v:.2f}" for v in expected.ravel()), (
            f"normalize=True: write each share with 2 decimals; found texts {texts}")
        ticks = [t.get_text() for t in ax.get_xticklabels()]
        assert ticks == ["0", "1", "2"], f"without class_names the ticks are 0, 1, 2; got {ticks}"
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
    # A figure the test draws itself: a thick pure-red diagonal on a 4 x 3 inch canvas.
    fig = plt.figure(figsize=(4, 3))
    fig.add_subplot().plot([0, 1], [0, 1], color="#ff0000", linewidth=10)
    number = fig.number
    target = tmp_path / "reports" / "figures" / "diagonal.png"
    result = save_figure(fig, target, dpi=50)
    assert Path(result) == target, "save_figure should return the path it wrote"
    assert target.exists(), "save_figure should create missing parent folders"
    assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", "the file should be a PNG image"
    pixels = mpimg.imread(target)
    assert pixels.shape[:2] == (150, 200), (
        f"a 4 x 3 inch figure saved at dpi=50 is 200 x 150 pixels, got {pixels.shape[1]} x "
        f"{pixels.shape[0]}: save the figure you were given, at the dpi you were given")
    red = (pixels[..., 0] > 0.9) & (pixels[..., 1] < 0.1) & (pixels[..., 2] < 0.1)
    assert red.sum() > 500, "the saved image does not show the figure's red line"
    assert not plt.fignum_exists(number), "save_figure should close the figure it saved"
