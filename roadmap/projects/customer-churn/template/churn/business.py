"""Turn predictions into money: how much revenue does a retention campaign keep?

Milestone 4. Fill in the three functions marked TODO.
"""
from __future__ import annotations

import numpy as np  # noqa: F401
from sklearn.base import clone  # noqa: F401
from sklearn.model_selection import StratifiedKFold, cross_val_predict  # noqa: F401


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
    - A flagged customer who really would churn (y_true == 1) stays with probability
      ``save_rate`` and then keeps paying ``monthly_charges`` for ``months`` months.
    - Flagging a customer who would have stayed anyway only costs the offer.
    """
    # TODO: turn the inputs into numpy arrays, build a boolean "flagged" mask, add up what
    #       the campaign keeps and subtract what it costs.
    raise NotImplementedError("TODO: compute the campaign's net value at this threshold")


def best_threshold(y_true, proba, monthly_charges, thresholds=None, **kwargs):
    """Return ``(threshold, value)`` for the threshold with the largest ``retention_value``.

    When ``thresholds`` is None try 0.05, 0.10, ..., 0.95. Pass ``kwargs`` (offer_cost,
    save_rate, months) on to ``retention_value``.
    """
    # TODO: evaluate retention_value at every threshold and keep the best one.
    raise NotImplementedError("TODO: search the threshold that maximises the campaign value")


def choose_threshold(model, X_train, y_train, seed: int = 0, cv: int = 3, thresholds=None, **kwargs):
    """Choose the campaign threshold on the TRAINING split, never on the test split.

    Every training row is scored by a copy of ``model`` that did not see it (out-of-fold
    probabilities from ``cross_val_predict`` with ``StratifiedKFold(cv, shuffle=True,
    random_state=seed)``), and ``best_threshold`` runs on those scores with the rows'
    ``monthly_charges``. Returns ``(threshold, value)``, the value being the out-of-fold
    campaign value on the training rows.
    """
    # TODO: out-of-fold probabilities of the churn class, then best_threshold on them.
    raise NotImplementedError("TODO: choose the threshold on out-of-fold predictions")
