import numpy as np

from optviz import OBJECTIVES
from optviz.plots import plot_contour, plot_surface

BOWL = OBJECTIVES["bowl"]
TRAJECTORIES = {
    "fast": np.array([[-4.0, 2.5], [-2.0, 0.5], [-0.5, 0.1], [0.0, 0.0]]),
    "slow": np.array([[-4.0, 2.5], [-3.5, 1.5], [-3.0, 1.0], [-2.5, 0.6], [-2.0, 0.3]]),
}
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
# A second landscape, so a plot of some stock bowl cannot pass for the objective's own.
HIMMELBLAU = OBJECTIVES["himmelblau"]
HIMMELBLAU_PATHS = {"walk": np.array([[0.0, 0.0], [1.5, 1.0], [2.6, 1.8], [3.0, 2.0]])}


def _line_labels(fig):
    return {line.get_label() for ax in fig.axes for line in ax.get_lines()}


def _lines_by_label(fig):
    return {line.get_label(): line for ax in fig.axes for line in ax.get_lines()}


# What ax.contour and ax.contourf leave in ax.collections, depending on matplotlib's version
# (not a colour mesh or scatter markers, whose paths are cells or marker shapes).
CONTOUR_KINDS = ("PathCollection", "LineCollection", "ContourSet", "QuadContourSet")


def _assert_contours_follow(fig, objective):
    """Every contour line is a level set of ``objective``: along one line (or along the inner
    edges of one filled band) the function takes one value (or two, a band's two levels)."""
    paths = [p.vertices for ax in fig.axes if ax.get_lines() for c in ax.collections
             if type(c).__name__ in CONTOUR_KINDS and c.get_transform() == ax.transData
             for p in c.get_paths() if len(p.vertices)]
    assert paths, "no contour lines were drawn (use ax.contour)"
    corner_lo, corner_hi = np.concatenate(paths).min(axis=0), np.concatenate(paths).max(axis=0)
    (x0, x1), (y0, y1) = objective.bounds
    X, Y = np.meshgrid(np.linspace(x0, x1, 100), np.linspace(y0, y1, 100))
    spread = float(np.ptp(objective.f(X, Y)))
    worst = 0.0
    for vertices in paths:
        inner = np.all((np.abs(vertices - corner_lo) > 1e-9) & (np.abs(vertices - corner_hi) > 1e-9), axis=1)
        values = objective.f(vertices[inner, 0], vertices[inner, 1])
        if values.size:
            worst = max(worst, np.minimum(values - values.min(), values.max() - values).max() / spread)
    assert worst < 0.02, (
        f"the contour lines are not level sets of {objective.name}: along one of them the function "
        f"varies by {worst:.0%} of its range; draw the contours of evaluate_grid(objective)")


def _assert_surface_follows(ax, objective):
    """The surface's heights rise with the objective (the values, or a monotone transform)."""
    surface = [c for c in ax.collections if type(c).__name__ == "Poly3DCollection"][0]
    # matplotlib keeps the 3-D vertices in _vec (x, y, z, 1 rows) or, from 3.10, in _faces
    vec, faces = getattr(surface, "_vec", None), getattr(surface, "_faces", None)
    if vec is not None:
        xs, ys, zs = (np.asarray(v, dtype=float) for v in vec[:3])
    elif faces is not None:
        points = np.ma.compress_rows(np.ma.masked_invalid(np.ma.asarray(faces).reshape(-1, 3)))
        xs, ys, zs = (np.asarray(v, dtype=float) for v in points.T)
    else:
        return
    order = np.argsort(objective.f(xs, ys), kind="stable")
    drops = -np.diff(zs[order])
    assert drops.max(initial=0.0) <= 1e-9 * (1 + np.ptp(zs)), (
        f"the surface's heights should follow {objective.name}(x, y) (its values, or log(1 + f - "
        "f_min)): draw ax.plot_surface over evaluate_grid(objective)")


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
    _assert_contours_follow(fig, BOWL)
    other = plot_contour(HIMMELBLAU, HIMMELBLAU_PATHS, tmp_path / "himmelblau.png", resolution=60)
    _assert_contours_follow(other, HIMMELBLAU)


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
    _assert_surface_follows(axes3d[0], BOWL)
    other = plot_surface(HIMMELBLAU, HIMMELBLAU_PATHS, tmp_path / "himmelblau.png", resolution=30)
    _assert_surface_follows([ax for ax in other.axes if ax.name == "3d"][0], HIMMELBLAU)
