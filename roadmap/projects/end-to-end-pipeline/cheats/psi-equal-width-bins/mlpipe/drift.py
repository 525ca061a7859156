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
    """PSI of numeric samples, with bins at the reference's quantiles (outer bins open-ended)."""
    ref = np.asarray(reference, dtype=float)
    cur = np.asarray(current, dtype=float)
    ref, cur = ref[~np.isnan(ref)], cur[~np.isnan(cur)]
    if len(ref) == 0 or len(cur) == 0:
        raise ValueError("psi needs two non-empty samples")
    inner = np.linspace(ref.min(), ref.max(), bins + 1)[1:-1]  # equal-width bins: np.histogram's default
    edges = np.concatenate([[-np.inf], inner, [np.inf]])
    ref_share = np.histogram(ref, edges)[0] / len(ref)
    cur_share = np.histogram(cur, edges)[0] / len(cur)
    return _psi_from_shares(ref_share, cur_share)


def psi_categorical(reference: Sequence, current: Sequence) -> float:
    """PSI with one bin per category seen in either sample."""
    ref = pd.Series(reference).astype(str)
    cur = pd.Series(current).astype(str)
    categories = sorted(set(ref) | set(cur))
    ref_share = ref.value_counts(normalize=True).reindex(categories, fill_value=0.0).to_numpy()
    cur_share = cur.value_counts(normalize=True).reindex(categories, fill_value=0.0).to_numpy()
    return _psi_from_shares(ref_share, cur_share)


def _psi_from_shares(ref_share: np.ndarray, cur_share: np.ndarray) -> float:
    e = np.clip(ref_share, EPS, None)
    a = np.clip(cur_share, EPS, None)
    return float(np.sum((a - e) * np.log(a / e)))


def ks_2samp(a: Sequence[float], b: Sequence[float]) -> tuple[float, float]:
    """Two-sample KS: D = max |F_a(x) - F_b(x)| and the asymptotic two-sided p-value."""
    x = np.sort(np.asarray(a, dtype=float)[~np.isnan(np.asarray(a, dtype=float))])
    y = np.sort(np.asarray(b, dtype=float)[~np.isnan(np.asarray(b, dtype=float))])
    n, m = len(x), len(y)
    if n == 0 or m == 0:
        raise ValueError("ks_2samp needs two non-empty samples")
    points = np.concatenate([x, y])
    cdf_x = np.searchsorted(x, points, side="right") / n
    cdf_y = np.searchsorted(y, points, side="right") / m
    d = float(np.max(np.abs(cdf_x - cdf_y)))
    en = math.sqrt(n * m / (n + m))
    return d, kolmogorov_sf((en + 0.12 + 0.11 / en) * d)


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
    its KS p-value < ``ks_alpha``."""
    columns = list(columns) if columns is not None else [c for c in reference.columns if c in current.columns]
    report = DriftReport()
    for col in columns:
        if pd.api.types.is_numeric_dtype(reference[col]):
            value = psi(reference[col], current[col])
            d, p = ks_2samp(reference[col], current[col])
            drifted = value > psi_threshold or p < ks_alpha
        else:
            value, d, p = psi_categorical(reference[col], current[col]), None, None
            drifted = value > psi_threshold
        report.features[col] = FeatureDrift(col, value, d, p, bool(drifted))
    return report


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

    A "drift" alert per drifted feature (with its psi, ks_stat, ks_pvalue); a "performance"
    alert when ``score`` is given, the batch has labels, and the ROC AUC is below ``min_auc``.
    """
    report = drift_report(reference, current, features, psi_threshold=psi_threshold, ks_alpha=ks_alpha)
    now = time.time()
    alerts = []
    for name in report.drifted:
        f = report.features[name]
        alerts.append({"type": "drift", "feature": name, "psi": f.psi, "ks_stat": f.ks_stat,
                       "ks_pvalue": f.ks_pvalue, "severity": "warning", "time": now})
    if score is not None and target in current.columns:
        auc = roc_auc(current[target], score(current))
        if auc < min_auc:
            alerts.append({"type": "performance", "metric": "roc_auc", "value": auc, "threshold": min_auc,
                           "severity": "critical", "time": now})
    if alerts:
        alerts_path = Path(alerts_path)
        alerts_path.parent.mkdir(parents=True, exist_ok=True)
        with open(alerts_path, "a") as f:
            for alert in alerts:
                f.write(json.dumps(alert) + "\n")
    return alerts
