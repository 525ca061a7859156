"""Numbers that summarise how an optimizer did on a run."""

import numpy as np


def loss_curve(objective, trajectory):
    """The objective's value at every point of ``trajectory`` (shape (k, 2)) as a 1-D array."""
    return np.array([objective.value(p) for p in np.asarray(trajectory, dtype=float)])


def steps_to_tolerance(losses, tol, f_min=0.0):
    """Index of the first entry with ``losses[i] - f_min <= tol``, or None if there is none.

    Index 0 is the starting point, so the result is the number of steps that were needed.
    """
    hits = np.nonzero(np.asarray(losses, dtype=float) - f_min <= tol)[0]
    return int(hits[0]) if hits.size else None


def path_length(trajectory):
    """Total Euclidean length of the polyline through the points of ``trajectory``."""
    trajectory = np.asarray(trajectory, dtype=float)
    if len(trajectory) < 2:
        return 0.0
    segments = np.diff(trajectory, axis=0)
    return float(np.sum(np.linalg.norm(segments, axis=1)))


def convergence_metrics(objective, trajectory, tol=1e-6):
    """A summary of one run, as a dict with these keys:

    - ``n_steps``: number of steps taken (points - 1)
    - ``final_loss``: objective value at the last point
    - ``steps_to_tol``: steps_to_tolerance(losses, tol, f_min) where f_min is
      objective.f_min (use 0.0 when it is None)
    - ``path_length``: path_length(trajectory)
    - ``distance_to_minimum``: Euclidean distance from the last point to the NEAREST of
      objective.minima, or None if the objective has no minima listed
    """
    trajectory = np.asarray(trajectory, dtype=float)
    losses = loss_curve(objective, trajectory)
    f_min = 0.0 if objective.f_min is None else objective.f_min
    if objective.minima:
        gaps = np.asarray(objective.minima, dtype=float) - trajectory[-1]
        distance = float(np.min(np.linalg.norm(gaps, axis=1)))
    else:
        distance = None
    return {
        "n_steps": len(trajectory) - 1,
        "final_loss": float(losses[-1]),
        "steps_to_tol": steps_to_tolerance(losses, tol, f_min),
        "path_length": path_length(trajectory),
        "distance_to_minimum": distance,
    }
