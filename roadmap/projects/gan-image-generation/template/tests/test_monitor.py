"""Milestone 1: monitoring numbers and pictures."""
import numpy as np
import pytest

from gan.monitor import class_coverage, make_grid, mode_coverage, plot_losses


def test_mode_coverage_counts_modes_and_quality():
    centers = np.array([[0.0, 0.0], [10.0, 0.0], [0.0, 10.0]])
    samples = np.array(
        [[0.1, 0.0]] * 50  # mode 0, close
        + [[10.0, 0.25]] * 30  # mode 1, within 3 std (0.3)
        + [[5.0, 5.0]] * 19  # nowhere near a mode
        + [[0.0, 10.29]] * 1  # mode 2, but only 1 % of the samples
    )
    r = mode_coverage(samples, centers, std=0.1, min_fraction=0.02)
    assert r["counts"] == [50, 30, 1]
    assert r["modes_covered"] == 2, "a mode needs min_fraction of ALL samples to count as covered"
    assert r["high_quality"] == pytest.approx(0.81)
    assert mode_coverage(samples, centers, std=0.1, min_fraction=0.01)["modes_covered"] == 3


def test_class_coverage_and_kl_to_uniform():
    r = class_coverage([0, 0, 1, 1, 2, 2, 3, 3, 4, 4], n_classes=5)
    assert r["classes_covered"] == 5 and r["kl_to_uniform"] == pytest.approx(0.0, abs=1e-12)
    r = class_coverage([7] * 10, n_classes=10)
    assert r["classes_covered"] == 1 and r["kl_to_uniform"] == pytest.approx(np.log(10))
    stray = [3] * 99 + [8]  # one stray sample of 100 is 1 %, below the default min_fraction of 2 %
    assert class_coverage(stray, n_classes=10)["classes_covered"] == 1, "a class needs min_fraction of the samples"
    assert class_coverage(stray, n_classes=10, min_fraction=0.01)["classes_covered"] == 2
    r = class_coverage([0] * 6 + [1] * 4, n_classes=4)
    assert r["counts"] == [6, 4, 0, 0]
    assert r["kl_to_uniform"] == pytest.approx(0.6 * np.log(0.6 * 4) + 0.4 * np.log(0.4 * 4))


def test_make_grid_tiles_images_row_by_row():
    images = np.stack([np.full((1, 2, 3), v) for v in (0.1, 0.2, 0.3, 0.4, 0.5)])
    grid = make_grid(images, nrow=2, pad=1)
    assert grid.shape == (3 * 3 + 1, 2 * 4 + 1)
    assert np.allclose(grid[1:3, 1:4], 0.1) and np.allclose(grid[1:3, 5:8], 0.2)
    assert np.allclose(grid[4:6, 1:4], 0.3) and np.allclose(grid[7:9, 1:4], 0.5)
    assert np.allclose(grid[7:9, 5:8], 0.0), "missing tiles stay empty"
    assert np.allclose(grid[0], 0.0) and np.allclose(grid[:, 4], 0.0), "padding between and around the tiles"


def test_plot_losses_draws_smoothed_curves(tmp_path):
    rng = np.random.default_rng(0)
    history = {"d_loss": list(1.4 + rng.normal(0, 0.1, 60)), "g_loss": list(0.7 + rng.normal(0, 0.2, 60))}
    fig = plot_losses(history, tmp_path / "losses.png", window=5)
    assert (tmp_path / "losses.png").read_bytes()[:4] == b"\x89PNG"
    lines = {line.get_label(): line for line in fig.axes[0].get_lines()}
    assert {"discriminator", "generator"} <= set(lines)
    for key, label in (("d_loss", "discriminator"), ("g_loss", "generator")):
        v = np.asarray(history[key])
        expected = [v[max(0, i - 4): i + 1].mean() for i in range(len(v))]
        assert np.allclose(lines[label].get_xdata(), np.arange(1, 61))
        assert np.allclose(lines[label].get_ydata(), expected), f"'{label}' is the moving average of {key}"
