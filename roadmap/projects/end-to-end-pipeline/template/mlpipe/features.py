"""Feature engineering (milestone 3): what the model sees, learnt from the training split only.

``Featurizer`` turns the raw transaction table into a numeric matrix. Everything it learns
(the median used to fill missing distances, the means and standard deviations used to scale,
the list of merchant categories) comes from the data passed to ``fit``, which is only ever the
training split. The same fitted object is saved with the model and used at serving time, so
training and serving transform data identically.
"""
from __future__ import annotations

from typing import Dict, List

import numpy as np  # noqa: F401
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
        """The columns of ``SCALED``, before scaling, with the index of ``df``.

        TODO: log1p of amount, account age and distance (missing distances filled with
        ``distance_fill``), the hour, "is_night" (hour < 6), "is_new_account" (account younger
        than 30 days) and the number of declines, all as floats.
        """
        raise NotImplementedError("TODO: Featurizer.engineer")

    def fit(self, df: pd.DataFrame) -> "Featurizer":
        """TODO: learn distance_median, then the mean and the std (ddof=0; 1.0 when it is 0) of
        each engineered column, and the sorted merchant categories, from ``df`` alone."""
        raise NotImplementedError("TODO: Featurizer.fit")

    @property
    def feature_names(self) -> List[str]:
        return SCALED + [f"merchant_category={c}" for c in self.categories] + ["night_electronics"]

    def transform(self, df: pd.DataFrame) -> np.ndarray:
        """TODO: the matrix with the columns of ``feature_names``: the scaled engineered columns,
        one 0/1 column per learnt category (an unseen category is all zeros), and a 0/1 column
        for night-time electronics purchases (the generator's hidden interaction)."""
        raise NotImplementedError("TODO: Featurizer.transform")
