import numpy as np

from optviz import OBJECTIVES
from optviz.plots import plot_contour, plot_surface

BOWL = OBJECTIVES["bowl"]
TRAJECTORIES = {
    "fast": np.array([[-4.0, 2.5], [-2.0, 0.5], [-0.5, 0.1], [0.0, 0.0]]),
    "slow": np.array([[-4.0, 2.5], [-3.5, 1.5], [-3.0, 1.0], [-2.5, 0.6], [-2.0, 0.3]]),
}
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def _line_labels(fig):
    return {line.get_label() for ax in fig.axes for line in ax.get_lines()}


def _lines_by_label(fig):
    return {line.get_label(): line for ax in fig.axes for line in ax.get_lines()}


def _assert_png(path):
    assert path.exists(), f"no file was written at {path}"
    data = path.read_bytes()
    assert data[:8] == PNG_MAGIC, f"{path.name} is not a PNG file"
    assert len(data) > 5000, f"{path.name} is suspiciously small ({len(data)} bytes): is anything drawn?"


def test_contour_plot_is_saved(tmp_path):
    path = tmp_path / "plots" / "contour.png"  # the folder does not exist yet
    fig = plot_contour(BOWL, TRAJECTORIES, path, resolution=60)
    _assert_png(path)
    assert fig is not None, "plot_contour must return the matplotlib figure"
    assert any(len(ax.collections) > 0 for ax in fig.axes), "no contour lines were drawn (use ax.contour)"
    labels = _line_labels(fig)
    assert set(TRAJECTORIES) <= labels, (
        f"every trajectory needs a line labelled with its name; found labels {sorted(labels)}"
    )
    assert any(ax.get_legend() is not None for ax in fig.axes), "add a legend (ax.legend())"
    lines = _lines_by_label(fig)
    for name, traj in TRAJECTORIES.items():
        xs, ys = (np.asarray(v, dtype=float) for v in lines[name].get_data())
        assert np.allclose(xs, traj[:, 0]) and np.allclose(ys, traj[:, 1]), (
            f"the line labelled {name!r} should go through every point of its trajectory, in "
            f"order; it has {len(xs)} points for a trajectory of {len(traj)}")


def test_surface_plot_is_saved(tmp_path):
    path = tmp_path / "surface.png"
    fig = plot_surface(BOWL, TRAJECTORIES, path, resolution=30)
    _assert_png(path)
    assert fig is not None, "plot_surface must return the matplotlib figure"
    axes3d = [ax for ax in fig.axes if ax.name == "3d"]
    assert axes3d, "use a 3-D axes: fig.add_subplot(projection='3d')"
    assert any(type(c).__name__ == "Poly3DCollection" for c in axes3d[0].collections), (
        "draw the loss surface with ax.plot_surface(X, Y, Z)"
    )
    labels = _line_labels(fig)
    assert set(TRAJECTORIES) <= labels, f"label each 3-D trajectory with its name; found {sorted(labels)}"
    lines = _lines_by_label(fig)
    for name, traj in TRAJECTORIES.items():
        xs, ys, zs = (np.asarray(v, dtype=float) for v in lines[name].get_data_3d())
        assert np.allclose(xs, traj[:, 0]) and np.allclose(ys, traj[:, 1]), (
            f"the 3-D line {name!r} should go through every point of its trajectory, in order")
        values = BOWL.f(traj[:, 0], traj[:, 1])
        assert len(zs) == len(values) and np.array_equal(np.argsort(zs, kind="stable"),
                                                        np.argsort(values, kind="stable")), (
            f"the heights of the 3-D line {name!r} should follow the loss along the path "
            "(the objective's values, or the same transform as the surface)")
