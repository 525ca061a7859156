"""Drift monitoring with alerts (milestone 5).

A model is trained on yesterday's data and scores today's. When the inputs move (a new customer
segment, a broken upstream job that logs amounts in cents) the model's answers quietly degrade.
Two standard measures compare a feature's *reference* sample (the training data) with a
*current* one:

- the population stability index (PSI) over bins of the reference distribution
  (rule of thumb: < 0.1 stable, 0.1-0.2 watch, > 0.2 shifted), numeric or categorical;
- the two-sample Kolmogorov-Smirnov statistic D, the largest gap between the two empirical
  CDFs, with its asymptotic p-value (numeric features only).

``drift_report`` applies both to every feature; ``monitor`` turns the result (and, when labels
are there, the model's ROC AUC on the current batch) into alerts written as JSON lines.
"""
from __future__ import annotations

import json
import math
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Dict, List, Optional, Sequence

import numpy as np
import pandas as pd

EPS = 1e-4  # the smallest share a bin may have, so log() stays finite


def psi(reference: Sequence[float], current: Sequence[float], bins: int = 10) -> float:
    """PSI of numeric samples, with bins at the reference's quantiles (outer bins open-ended).

    TODO: drop NaNs; the inner edges are the reference's quantiles at 1/bins, 2/bins, ...
    (duplicates removed), the outer edges -inf and +inf; compare the two samples' shares per
    bin with ``_psi_from_shares``. ValueError for an empty sample.
    """
    raise NotImplementedError("TODO: psi")


def psi_categorical(reference: Sequence, current: Sequence) -> float:
    """PSI with one bin per category seen in either sample. TODO"""
    raise NotImplementedError("TODO: psi_categorical")


def _psi_from_shares(ref_share: np.ndarray, cur_share: np.ndarray) -> float:
    """TODO: sum of (a - e) * ln(a / e) over the bins, with both shares floored at EPS."""
    raise NotImplementedError("TODO: _psi_from_shares")


def ks_2samp(a: Sequence[float], b: Sequence[float]) -> tuple[float, float]:
    """Two-sample KS: D = max |F_a(x) - F_b(x)| and the asymptotic two-sided p-value.

    TODO, without scipy: drop NaNs, sort both samples, evaluate both empirical CDFs at every
    point of either sample, take the largest gap D; then with ``en = sqrt(n m / (n + m))`` the
    p-value is ``kolmogorov_sf((en + 0.12 + 0.11 / en) * D)``. ValueError for an empty sample.
    """
    raise NotImplementedError("TODO: ks_2samp")


def kolmogorov_sf(lam: float) -> float:
    """P(K > lam) for the Kolmogorov distribution: 2 sum_k (-1)^(k-1) exp(-2 k^2 lam^2) (GIVEN)."""
    if lam < 0.2:
        return 1.0
    total = 0.0
    for k in range(1, 101):
        term = 2.0 * (-1) ** (k - 1) * math.exp(-2.0 * k * k * lam * lam)
        total += term
        if abs(term) < 1e-12:
            break
    return float(min(1.0, max(0.0, total)))


@dataclass
class FeatureDrift:
    feature: str
    psi: float
    ks_stat: Optional[float]
    ks_pvalue: Optional[float]
    drifted: bool


@dataclass
class DriftReport:
    features: Dict[str, FeatureDrift] = field(default_factory=dict)

    @property
    def drifted(self) -> List[str]:
        return [name for name, f in self.features.items() if f.drifted]


def drift_report(reference: pd.DataFrame, current: pd.DataFrame, columns: Optional[Sequence[str]] = None,
                 psi_threshold: float = 0.2, ks_alpha: float = 0.001) -> DriftReport:
    """PSI (and KS for numeric columns) per feature; a feature drifted when PSI > threshold or
    its KS p-value < ``ks_alpha``.

    TODO: one FeatureDrift per column (every shared column when ``columns`` is None); numeric
    columns get psi and ks_2samp, the others psi_categorical with ks_stat = ks_pvalue = None.
    """
    raise NotImplementedError("TODO: drift_report")


def roc_auc(y_true: Sequence[int], scores: Sequence[float]) -> float:
    """ROC AUC as the probability that a positive outranks a negative, ties counting half (GIVEN)."""
    y = np.asarray(y_true).astype(bool)
    s = pd.Series(np.asarray(scores, dtype=float)).rank().to_numpy()
    n_pos, n_neg = y.sum(), (~y).sum()
    if n_pos == 0 or n_neg == 0:
        raise ValueError("roc_auc needs both classes")
    return float((s[y].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg))


def monitor(reference: pd.DataFrame, current: pd.DataFrame, features: Sequence[str],
            alerts_path: Path, score: Optional[Callable[[pd.DataFrame], np.ndarray]] = None,
            target: str = "is_fraud", min_auc: float = 0.8, psi_threshold: float = 0.2,
            ks_alpha: float = 0.001) -> List[dict]:
    """Check one batch; append one JSON line per alert to ``alerts_path`` and return the alerts.

    TODO: a ``{"type": "drift", "feature", "psi", "ks_stat", "ks_pvalue", "severity", "time"}``
    alert per drifted feature, in the order of ``features``; then, when ``score`` is given and
    the batch has the ``target`` column, a ``{"type": "performance", "metric": "roc_auc",
    "value", "threshold", "severity", "time"}`` alert if ``roc_auc`` of the scores is below
    ``min_auc``. Write nothing when there is no alert.
    """
    raise NotImplementedError("TODO: monitor")
