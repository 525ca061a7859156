"""Splitting the data, engineering features and a leak-free preprocessing pipeline.

Milestone 1. Fill in the three functions marked TODO.
"""
from __future__ import annotations

import numpy as np  # noqa: F401  (you will probably need these)
import pandas as pd
from sklearn.compose import ColumnTransformer  # noqa: F401
from sklearn.impute import SimpleImputer  # noqa: F401
from sklearn.model_selection import train_test_split  # noqa: F401
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import FunctionTransformer, OneHotEncoder, StandardScaler  # noqa: F401

from .data import ID_COLUMN, TARGET  # noqa: F401

# These lists are GIVEN: the preprocessor works on exactly these columns.
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

    - X is every column except the id column and the target;
    - y is the target column as integers;
    - the split is stratified on y and reproducible with ``seed``.
    """
    # TODO: X without ID_COLUMN and TARGET, y = the target; a stratified, seeded split.
    raise NotImplementedError("TODO: split the table into stratified train and test sets")


def add_features(df: pd.DataFrame) -> pd.DataFrame:
    """Return a COPY of ``df`` with three extra columns (do not modify ``df`` itself).

    - ``avg_monthly_spend``: total_charges / tenure_months (tenure 0 counts as 1 month;
      a missing total_charges stays missing);
    - ``calls_per_year``: support_calls / tenure_months * 12 (tenure 0 counts as 1);
    - ``is_new_customer``: 1 when tenure_months < 6, else 0.
    """
    # TODO: copy df, compute the three columns, return the copy.
    raise NotImplementedError("TODO: engineer avg_monthly_spend, calls_per_year, is_new_customer")


def build_preprocessor() -> Pipeline:
    """Return an UNFITTED Pipeline: add_features, then a ColumnTransformer.

    The ColumnTransformer must output, in this order:
    1. ``NUMERIC_FEATURES``: median imputation, then StandardScaler;
    2. ``CATEGORICAL_FEATURES``: most-frequent imputation, then a dense one-hot encoding that
       ignores categories it never saw during fit.

    Because nothing is fitted here, every statistic (medians, means, categories) is learned
    later, by ``fit`` on the training data only. That is what makes the pipeline leak-free.
    """
    # TODO: a Pipeline whose first step applies add_features (FunctionTransformer) and whose
    #       second is a ColumnTransformer with a numeric and a categorical Pipeline.
    raise NotImplementedError("TODO: build the leak-free preprocessing pipeline")
