"""From runs to results: the paired analysis and its figure (milestone 5).

``analyze`` reads nothing but the records (as ``runner.load_runs`` returns them) and the
study's configuration, so everything the paper says can be recomputed from ``results/runs/``.
"""
from __future__ import annotations

import numpy as np  # noqa: F401

from .config import StudyConfig
from .stats import bootstrap_ci, cohens_dz, holm, paired_t_test  # noqa: F401


def analyze(records: list[dict], config: StudyConfig) -> dict:
    """The preregistered analysis of the study.

    The control is ``config.arms[0]``, the treatment ``config.arms[1]``. Only seeds with a
    record for BOTH arms are used (a pair is the unit), sorted in increasing order. For
    every metric of ``config.metrics`` (the first one is the primary metric)::

        "arms": {arm: {"mean", "std" (ddof=1), "ci": [low, high], "values": [... by seed]}}
        "difference": {"mean", "std", "ci", "values" (treatment - control, by seed),
                       "t", "df", "p", "cohens_dz", "p_holm"}

    Every confidence interval is ``bootstrap_ci(values, confidence=0.95,
    n_resamples=config.n_resamples, seed=config.master_seed)``. ``t``, ``p`` and
    ``cohens_dz`` compare treatment with control (positive when the treatment is higher).
    ``p_holm`` adjusts the p-values of all the metrics together with ``holm``.

    Returns ``{"control", "treatment", "seeds", "n", "alpha", "primary", "metrics": {...},
    "significant": p of the primary metric < alpha, "treatment_better": its mean difference > 0}``.
    Every value is a plain Python type (the result is written as JSON).
    """
    # TODO
    raise NotImplementedError("TODO: analyze")


def plot_results(analysis: dict):
    """The paper's figure for the primary metric; returns the matplotlib ``Figure``.

    Two panels (``fig.axes[0]`` and ``fig.axes[1]``):

    0. each arm's mean with its 95 % bootstrap CI as ONE ``ax.errorbar`` call (x = 0, 1, ...
       in arm order, tick labels the arm names); you may add each seed's pair as a faint line;
    1. each seed's difference (treatment - control) as points, and the mean difference with
       its CI as ONE ``ax.errorbar`` call, with a horizontal line at zero.

    Error bars are confidence intervals, not standard deviations: say so in the axis label.
    """
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt  # noqa: F401

    # TODO
    raise NotImplementedError("TODO: plot_results")
