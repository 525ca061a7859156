"""Turn predictions into money: how much revenue does a retention campaign keep?

Milestone 4. Fill in the two functions marked TODO.
"""
from __future__ import annotations

import numpy as np  # noqa: F401


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

    value = sum over flagged churners of save_rate * monthly_charges * months
            - offer_cost * number_of_flagged_customers
    """
    # TODO: turn the inputs into numpy arrays, build a boolean "flagged" mask, apply the formula.
    raise NotImplementedError("TODO: compute the campaign's net value at this threshold")


def best_threshold(y_true, proba, monthly_charges, thresholds=None, **kwargs):
    """Return ``(threshold, value)`` for the threshold with the largest ``retention_value``.

    When ``thresholds`` is None try 0.05, 0.10, ..., 0.95. Pass ``kwargs`` (offer_cost,
    save_rate, months) on to ``retention_value``.
    """
    # TODO: evaluate retention_value at every threshold and keep the best one.
    raise NotImplementedError("TODO: search the threshold that maximises the campaign value")
