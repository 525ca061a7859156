"""Watch the live model: what it predicts, and whether its inputs drift away from training.

``PredictionLog`` keeps every prediction the API makes; ``population_stability_index``
measures how far one input's distribution has moved from the training data.
``plot_dashboard`` draws both into a PNG (given).

Milestone 6. Fill in ``population_stability_index`` and ``PredictionLog.summary``.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

# The inputs the dashboard watches.
MONITORED = ["tenure_months", "monthly_charges", "total_charges", "support_calls", "num_products", "age"]
PSI_WATCH, PSI_ALERT = 0.1, 0.25  # the usual rules of thumb: below 0.1 stable, above 0.25 drifted


def population_stability_index(reference, current, bins: int = 10, eps: float = 1e-4) -> float:
    """The population stability index (PSI) of ``current`` against ``reference``.

    - Bins: the quantiles of the reference at 0, 1/bins, ..., 1 (repeated edges dropped), with
      the lowest and highest edge opened to -inf and +inf so every value lands in a bin.
    - For every bin, the share of the reference and the share of ``current`` in it, each at
      least ``eps`` (so an empty bin does not give log(0)).
    - Missing values are left out of both.
    The index adds up, over the bins, how far the two shares are apart, weighted by the log of
    their ratio: 0 for identical distributions, above 0.25 for a clear drift.
    """
    ref = pd.Series(reference, dtype=float).dropna().to_numpy()
    cur = pd.Series(current, dtype=float).dropna().to_numpy()
    edges = np.linspace(ref.min(), ref.max(), bins + 1)  # equal-width bins, not quantiles
    inner = edges[1:-1]
    n_bins = len(inner) + 1
    expected = np.bincount(np.searchsorted(inner, ref, side="right"), minlength=n_bins) / len(ref)
    actual = np.bincount(np.searchsorted(inner, cur, side="right"), minlength=n_bins) / len(cur)
    expected = np.maximum(expected, eps)
    actual = np.maximum(actual, eps)
    return float(np.sum((actual - expected) * np.log(actual / expected)))


class PredictionLog:
    """Every prediction the API made, and a summary of them for the dashboard."""

    def __init__(self, reference: pd.DataFrame = None, threshold: float = 0.5):
        self.reference = reference
        self.threshold = threshold
        self.rows = []
        self.probabilities = []

    def record(self, row: dict, probability: float) -> None:
        """Keep one prediction (GIVEN)."""
        self.rows.append(dict(row))
        self.probabilities.append(float(probability))

    def summary(self) -> dict:
        """``n_predictions``, ``mean_probability``, ``share_flagged`` (probability >= threshold),
        ``psi`` (a dict: PSI of every ``MONITORED`` column against the reference, only when
        there is a reference and at least one prediction) and ``drifted`` (the monitored
        columns whose PSI is above ``PSI_ALERT``, in ``MONITORED`` order)."""
        n = len(self.probabilities)
        proba = np.asarray(self.probabilities, dtype=float)
        psi = {}
        if self.reference is not None and n:
            current = pd.DataFrame(self.rows)
            psi = {c: population_stability_index(self.reference[c], current[c]) for c in MONITORED}
        return {
            "n_predictions": n,
            "mean_probability": float(proba.mean()) if n else None,
            "share_flagged": float((proba >= self.threshold).mean()) if n else None,
            "psi": psi,
            "drifted": [c for c in MONITORED if psi.get(c, 0.0) > PSI_ALERT],
        }


def plot_dashboard(log: PredictionLog, path) -> None:
    """The monitoring dashboard as a PNG: the predicted probabilities and each input's PSI (GIVEN)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    summary = log.summary()
    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 3.8))
    left.hist(log.probabilities, bins=20, range=(0, 1), color="tab:blue", alpha=0.8)
    left.axvline(log.threshold, color="black", linestyle="--", linewidth=1, label=f"threshold {log.threshold:.2f}")
    left.set_title(f"{summary['n_predictions']} predictions, {summary['share_flagged'] or 0:.0%} flagged")
    left.set_xlabel("churn probability")
    left.legend()
    names = list(summary["psi"])
    values = [summary["psi"][c] for c in names]
    colours = ["tab:red" if v > PSI_ALERT else "tab:orange" if v > PSI_WATCH else "tab:green" for v in values]
    right.barh(names, values, color=colours)
    right.axvline(PSI_WATCH, color="tab:orange", linestyle=":", linewidth=1)
    right.axvline(PSI_ALERT, color="tab:red", linestyle=":", linewidth=1)
    right.set_title("input drift against training (PSI)")
    right.set_xlabel("population stability index")
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)
