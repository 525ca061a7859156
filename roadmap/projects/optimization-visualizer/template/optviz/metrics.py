"""Numbers that summarise how an optimizer did on a run."""

import numpy as np


def loss_curve(objective, trajectory):
    """The objective's value at every point of ``trajectory`` (shape (k, 2)) as a 1-D array."""
    # TODO: evaluate objective.value on every row.
    raise NotImplementedError("TODO: loss_curve")


def steps_to_tolerance(losses, tol, f_min=0.0):
    """Index of the first entry with ``losses[i] - f_min <= tol``, or None if there is none.

    Index 0 is the starting point, so the result is the number of steps that were needed.
    """
    # TODO
    raise NotImplementedError("TODO: steps_to_tolerance")


def path_length(trajectory):
    """Total Euclidean length of the polyline through the points of ``trajectory``."""
    # TODO: sum the lengths of the segments between consecutive points.
    raise NotImplementedError("TODO: path_length")


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
    # TODO: build the dict from the helpers above.
    raise NotImplementedError("TODO: convergence_metrics")
