"""The card transactions the pipeline learns from (GIVEN, nothing to do here).

``generate_transactions`` draws a table of card payments and marks some as fraud from a hidden
formula: large amounts, night-time payments, risky merchant categories, brand-new accounts,
long distances and recent declines all raise the odds. A few distances are missing, as in real
data. ``drift`` changes the distribution of the inputs (not the formula), to test monitoring.
"""
from __future__ import annotations

from typing import Optional

import numpy as np
import pandas as pd

CATEGORIES = ["grocery", "fuel", "electronics", "travel", "gaming"]
CATEGORY_SHARE = [0.35, 0.2, 0.2, 0.15, 0.1]
_CATEGORY_RISK = {"grocery": -0.6, "fuel": -0.2, "electronics": 0.5, "travel": 0.7, "gaming": 1.0}
NUMERIC = ["amount", "hour", "account_age_days", "distance_km", "declines_24h"]
CATEGORICAL = ["merchant_category"]
TARGET = "is_fraud"


def generate_transactions(n: int, seed: int, drift: Optional[dict] = None) -> pd.DataFrame:
    """``n`` transactions. ``drift`` may hold ``amount_log_shift`` (added to log-amount) and
    ``category_share`` (a list of 5 shares replacing ``CATEGORY_SHARE``)."""
    drift = drift or {}
    rng = np.random.default_rng(seed)
    amount = rng.lognormal(3.6 + drift.get("amount_log_shift", 0.0), 1.0, n)
    hour = rng.integers(0, 24, n)
    category = rng.choice(CATEGORIES, n, p=drift.get("category_share", CATEGORY_SHARE))
    age = rng.exponential(500.0, n)
    distance = rng.lognormal(1.5, 1.2, n)
    declines = rng.poisson(0.3, n)
    night = hour < 6
    risk = np.array([_CATEGORY_RISK[c] for c in category])
    logit = 1.8 * (-3.1 + 0.9 * (np.log(amount) - 3.6) + 1.3 * night + risk - 1.2 * (age < 30)
                   + 0.6 * np.log1p(distance) + 0.8 * declines + 1.0 * (night & (category == "electronics")))
    fraud = rng.random(n) < 1.0 / (1.0 + np.exp(-logit))
    distance = distance.round(2)
    distance[rng.random(n) < 0.02] = np.nan
    return pd.DataFrame({
        "transaction_id": np.arange(n),
        "amount": amount.round(2),
        "hour": hour,
        "merchant_category": category,
        "account_age_days": age.round(1),
        "distance_km": distance,
        "declines_24h": declines,
        TARGET: fraud.astype(int),
    })
