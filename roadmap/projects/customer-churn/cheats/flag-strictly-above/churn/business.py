"""Turn predictions into money: how much revenue does a retention campaign keep?"""
from __future__ import annotations

import numpy as np
from sklearn.base import clone
from sklearn.model_selection import StratifiedKFold, cross_val_predict


def retention_value(
    y_true,
    proba,
    monthly_charges,
    threshold: float,
    offer_cost: float = 50.0,
    save_rate: float = 0.3,
    months: int = 12,
) -> float:
    """Net value of sending a retention offer to every customer with ``proba >= threshold``.

    - Every flagged customer costs ``offer_cost``.
    - A flagged customer who really would churn stays with probability ``save_rate``; a
      saved customer keeps paying ``monthly_charges`` for ``months`` months.
    - Flagging a customer who would have stayed anyway only costs the offer.

    value = sum over flagged churners of save_rate * monthly_charges * months
            - offer_cost * number_of_flagged_customers
    """
    y_true = np.asarray(y_true)
    proba = np.asarray(proba, dtype=float)
    monthly_charges = np.asarray(monthly_charges, dtype=float)
    flagged = proba > threshold
    kept = save_rate * months * monthly_charges[flagged & (y_true == 1)].sum()
    cost = offer_cost * flagged.sum()
    return float(kept - cost)


def best_threshold(y_true, proba, monthly_charges, thresholds=None, **kwargs):
    """Try every threshold and return ``(threshold, value)`` with the largest value.

    ``kwargs`` are passed to ``retention_value`` (offer_cost, save_rate, months).
    """
    if thresholds is None:
        thresholds = np.round(np.linspace(0.05, 0.95, 19), 2)
    best = None
    for t in thresholds:
        value = retention_value(y_true, proba, monthly_charges, float(t), **kwargs)
        if best is None or value > best[1]:
            best = (float(t), value)
    return best


def choose_threshold(model, X_train, y_train, seed: int = 0, cv: int = 3, thresholds=None, **kwargs):
    """Choose the campaign threshold on the TRAINING split, never on the test split.

    Every training row is scored by a copy of ``model`` that did not see it (out-of-fold
    probabilities from ``cross_val_predict`` with ``StratifiedKFold(cv, shuffle=True,
    random_state=seed)``), and ``best_threshold`` runs on those scores with the rows'
    ``monthly_charges``. Returns ``(threshold, value)``, the value being the out-of-fold
    campaign value on the training rows.
    """
    folds = StratifiedKFold(n_splits=cv, shuffle=True, random_state=seed)
    oof = cross_val_predict(clone(model), X_train, y_train, cv=folds, method="predict_proba")[:, 1]
    return best_threshold(y_train, oof, X_train["monthly_charges"], thresholds=thresholds, **kwargs)
