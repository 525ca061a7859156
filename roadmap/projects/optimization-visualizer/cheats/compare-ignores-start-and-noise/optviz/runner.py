"""Run optimizers on objectives and record their trajectories."""

import numpy as np

from .metrics import convergence_metrics

# A point further than this from the origin counts as "diverged".
DIVERGENCE_LIMIT = 1e6


def run_optimizer(objective, optimizer, start, n_steps, tol=None, noise=0.0, seed=None):
    """Run ``optimizer`` from ``start`` and return the trajectory as an array of shape (k + 1, 2).

    Rules:
    - call ``optimizer.reset()`` first, so every run starts fresh;
    - row 0 is the start point (as floats); row i is the point after i steps;
    - take at most ``n_steps`` steps, passing ``objective.gradient`` as the gradient function;
    - if ``tol`` is given, stop as soon as a point has ``objective.value(point) - f_min <= tol``
      (that point is included; f_min is objective.f_min, 0.0 when None);
    - if a step gives a non-finite point or one with any |coordinate| > DIVERGENCE_LIMIT,
      stop and do NOT include that point;
    - never modify ``start``;
    - with ``noise > 0`` the optimizer gets *stochastic* gradients, as SGD does from
      mini-batches: each evaluation returns the true gradient plus ``noise * z``, with ``z`` a
      pair of standard normals from ``np.random.default_rng(seed)`` (one pair per call).
    """
    optimizer.reset()
    f_min = 0.0 if objective.f_min is None else objective.f_min
    gradient = objective.gradient
    if noise > 0:
        rng = np.random.default_rng(seed)

        def gradient(point):  # a noisy, mini-batch-like estimate of the true gradient
            return objective.gradient(point) + noise * rng.standard_normal(2)

    x = np.array(start, dtype=float)  # a copy: the caller's start is never touched
    points = [x.copy()]
    for _ in range(n_steps):
        if tol is not None and objective.value(x) - f_min <= tol:
            break
        x = np.asarray(optimizer.step(x, gradient), dtype=float)
        if not np.all(np.isfinite(x)) or np.any(np.abs(x) > DIVERGENCE_LIMIT):
            break
        points.append(x.copy())
    return np.array(points)


def compare_optimizers(objective, optimizers, start=None, n_steps=500, tol=1e-6, noise=0.0,
                       seed=None):
    """Run every optimizer of the dict ``optimizers`` (name -> optimizer) from the same start.

    Returns a dict name -> {"trajectory": array, "metrics": dict from convergence_metrics}.
    ``start`` defaults to ``objective.start``. Pass ``tol`` on to ``convergence_metrics``
    but NOT to ``run_optimizer`` (every run uses all ``n_steps``, unless it diverges).
    ``noise`` and ``seed`` go to every run (the same seed for each, so they face equal luck).
    """
    results = {}
    for name, optimizer in optimizers.items():
        # always the objective's own start, and exact gradients: the --start and --noise
        # options of the dashboard quietly do nothing
        trajectory = run_optimizer(objective, optimizer, objective.start, n_steps)
        results[name] = {
            "trajectory": trajectory,
            "metrics": convergence_metrics(objective, trajectory, tol=tol),
        }
    return results
