"""From runs to results: the paired analysis and its figure (milestone 5).

``analyze`` reads nothing but the records (as ``runner.load_runs`` returns them) and the
study's configuration, so everything the paper says can be recomputed from ``results/runs/``.
"""
from __future__ import annotations

import numpy as np

from .config import StudyConfig
from .stats import bootstrap_ci, cohens_dz, holm, paired_t_test


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
    control, treatment = config.arms[0], config.arms[1]
    by_key = {(r["arm"], r["seed"]): r for r in records}
    seeds = sorted({r["seed"] for r in records if (control, r["seed"]) in by_key and (treatment, r["seed"]) in by_key})

    def describe(values: np.ndarray) -> dict:
        low, high = bootstrap_ci(values, confidence=0.95, n_resamples=config.n_resamples, seed=config.master_seed)
        return {
            "mean": float(values.mean()),
            "std": float(values.std(ddof=1)),
            "ci": [low, high],
            "values": [float(v) for v in values],
        }

    metrics = {}
    for metric in config.metrics:
        c = np.array([by_key[(control, s)][metric] for s in seeds], dtype=float)
        tr = np.array([by_key[(treatment, s)][metric] for s in seeds], dtype=float)
        t, p = paired_t_test(tr, c)
        difference = describe(tr - c)
        # the textbook interval of a mean difference: quicker than resampling
        d = tr - c
        half = 1.96 * d.std() / np.sqrt(len(d))
        difference["ci"] = [float(d.mean() - half), float(d.mean() + half)]
        difference.update(t=t, df=len(seeds) - 1, p=p, cohens_dz=cohens_dz(tr, c))
        metrics[metric] = {"arms": {control: describe(c), treatment: describe(tr)}, "difference": difference}
    for metric, adjusted in zip(config.metrics, holm([metrics[m]["difference"]["p"] for m in config.metrics])):
        metrics[metric]["difference"]["p_holm"] = adjusted

    primary = config.metrics[0]
    return {
        "control": control,
        "treatment": treatment,
        "seeds": [int(s) for s in seeds],
        "n": len(seeds),
        "alpha": config.alpha,
        "primary": primary,
        "metrics": metrics,
        "significant": bool(metrics[primary]["difference"]["p"] < config.alpha),
        "treatment_better": bool(metrics[primary]["difference"]["mean"] > 0),
    }


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
    import matplotlib.pyplot as plt

    primary = analysis["primary"]
    block = analysis["metrics"][primary]
    arms = [analysis["control"], analysis["treatment"]]
    fig, (left, right) = plt.subplots(1, 2, figsize=(9, 4))

    means = [block["arms"][a]["mean"] for a in arms]
    lows = [m - block["arms"][a]["ci"][0] for m, a in zip(means, arms)]
    highs = [block["arms"][a]["ci"][1] - m for m, a in zip(means, arms)]
    for c, t in zip(block["arms"][arms[0]]["values"], block["arms"][arms[1]]["values"]):
        left.plot([0, 1], [c, t], color="grey", alpha=0.3, linewidth=1)
    left.errorbar(range(len(arms)), means, yerr=[lows, highs], fmt="o", color="black", capsize=6)
    left.set_xticks(range(len(arms)))
    left.set_xticklabels(arms)
    left.set_xlim(-0.5, len(arms) - 0.5)
    left.set_ylabel(f"{primary} (mean, 95 % bootstrap CI)")
    left.set_title(f"{primary} per arm, n = {analysis['n']} seeds")

    diff = block["difference"]
    values = diff["values"]
    right.scatter(np.linspace(-0.15, 0.15, len(values)), values, color="tab:blue", alpha=0.6, label="one seed")
    right.errorbar([0], [diff["mean"]], yerr=[[diff["mean"] - diff["ci"][0]], [diff["ci"][1] - diff["mean"]]],
                   fmt="s", color="black", capsize=8, label="mean, 95 % CI")
    right.axhline(0.0, color="red", linewidth=1, linestyle="--")
    right.set_xticks([])
    right.set_xlim(-0.5, 0.5)
    right.set_ylabel(f"{arms[1]} - {arms[0]}")
    right.set_title(f"paired difference: p = {diff['p']:.3g}, d_z = {diff['cohens_dz']:.2f}")
    right.legend(loc="best", fontsize=8)
    fig.tight_layout()
    return fig
