"""Feature engineering (milestone 3): what the model sees, learnt from the training split only.

``Featurizer`` turns the raw transaction table into a numeric matrix. Everything it learns
(the median used to fill missing distances, the means and standard deviations used to scale,
the list of merchant categories) comes from the data passed to ``fit``, which is only ever the
training split. The same fitted object is saved with the model and used at serving time, so
training and serving transform data identically.
"""
from __future__ import annotations

from typing import Dict, List

import numpy as np
import pandas as pd

from .data import CATEGORICAL, NUMERIC  # noqa: F401

# The engineered numeric columns, in order; each is standardised with the training mean and std.
SCALED = ["log_amount", "hour", "is_night", "log_account_age", "is_new_account", "log_distance", "declines_24h"]


class Featurizer:
    def __init__(self) -> None:
        self.distance_median: float | None = None
        self.means: Dict[str, float] = {}
        self.stds: Dict[str, float] = {}
        self.categories: List[str] = []

    @staticmethod
    def engineer(df: pd.DataFrame, distance_fill: float) -> pd.DataFrame:
        """The engineered numeric columns of ``SCALED`` (before scaling)."""
        distance = df["distance_km"].fillna(distance_fill)
        return pd.DataFrame({
            "log_amount": np.log1p(df["amount"].clip(lower=0)),
            "hour": df["hour"].astype(float),
            "is_night": (df["hour"] < 6).astype(float),
            "log_account_age": np.log1p(df["account_age_days"].clip(lower=0)),
            "is_new_account": (df["account_age_days"] < 30).astype(float),
            "log_distance": np.log1p(distance.clip(lower=0)),
            "declines_24h": df["declines_24h"].astype(float),
        }, index=df.index)

    def fit(self, df: pd.DataFrame) -> "Featurizer":
        self.distance_median = float(df["distance_km"].median())
        engineered = self.engineer(df, self.distance_median)
        self.means = {c: float(engineered[c].mean()) for c in SCALED}
        self.stds = {c: float(engineered[c].std(ddof=0)) or 1.0 for c in SCALED}
        self.categories = sorted(df["merchant_category"].dropna().unique().tolist())
        return self

    @property
    def feature_names(self) -> List[str]:
        return SCALED + [f"merchant_category={c}" for c in self.categories] + ["night_electronics"]

    def transform(self, df: pd.DataFrame) -> np.ndarray:
        if self.distance_median is None:
            raise RuntimeError("fit the featurizer before transform")
        engineered = self.engineer(df, self.distance_median)
        scaled = [(engineered[c] - self.means[c]) / self.stds[c] for c in SCALED]
        category = df["merchant_category"]
        onehot = [(category == c).astype(float) for c in self.categories]
        interaction = ((df["hour"] < 6) & (category == "electronics")).astype(float)
        return np.column_stack(scaled + onehot + [interaction]).astype(float)
