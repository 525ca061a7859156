"""Splitting the data, engineering features and a leak-free preprocessing pipeline."""
from __future__ import annotations

import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import FunctionTransformer, OneHotEncoder, StandardScaler

from .data import ID_COLUMN, TARGET

RAW_NUMERIC = [
    "tenure_months",
    "monthly_charges",
    "total_charges",
    "support_calls",
    "num_products",
    "age",
    "has_partner",
]
ENGINEERED = ["avg_monthly_spend", "calls_per_year", "is_new_customer"]
NUMERIC_FEATURES = RAW_NUMERIC + ENGINEERED
CATEGORICAL_FEATURES = ["contract", "internet_service", "payment_method"]


def split_data(df: pd.DataFrame, test_size: float = 0.25, seed: int = 0):
    """Split into ``X_train, X_test, y_train, y_test``.

    The id column is dropped (it identifies a row, it does not describe a customer) and so is
    the target. The split is stratified so train and test have the same churn rate.
    """
    X = df.drop(columns=[ID_COLUMN, TARGET])
    y = df[TARGET].astype(int)
    return train_test_split(X, y, test_size=test_size, random_state=seed, stratify=y)


def add_features(df: pd.DataFrame) -> pd.DataFrame:
    """Return a copy of ``df`` with three extra columns.

    - ``avg_monthly_spend``: total_charges / tenure (tenure 0 counts as 1 month);
    - ``calls_per_year``: support_calls / tenure * 12 (again tenure 0 counts as 1);
    - ``is_new_customer``: 1 when tenure is below 6 months, else 0.

    Each value uses only its own row, so this step cannot leak information between rows.
    """
    out = df.copy()
    months = out["tenure_months"].clip(lower=1)
    out["avg_monthly_spend"] = out["total_charges"] / months
    out["calls_per_year"] = out["support_calls"] / months * 12.0
    out["is_new_customer"] = (out["tenure_months"] <= 6).astype(int)  # "new" = the first six months
    return out


def build_preprocessor() -> Pipeline:
    """An UNFITTED transformer: engineered features, then imputation, scaling and one-hot.

    Output columns: the scaled ``NUMERIC_FEATURES`` first (in that order), then the one-hot
    columns of ``CATEGORICAL_FEATURES``. Because it is a transformer, it learns medians,
    means and categories only from the data passed to ``fit`` -- the training split.
    """
    numeric = Pipeline(
        [
            ("impute", SimpleImputer(strategy="median")),
            ("scale", StandardScaler()),
        ]
    )
    categorical = Pipeline(
        [
            ("impute", SimpleImputer(strategy="most_frequent")),
            ("onehot", OneHotEncoder(handle_unknown="ignore", sparse_output=False)),
        ]
    )
    columns = ColumnTransformer(
        [
            ("num", numeric, NUMERIC_FEATURES),
            ("cat", categorical, CATEGORICAL_FEATURES),
        ]
    )
    return Pipeline(
        [
            ("features", FunctionTransformer(add_features)),
            ("columns", columns),
        ]
    )
