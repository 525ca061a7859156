"""Automatic preprocessing: decide what each column is, then impute, scale and encode it."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import List

import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import FunctionTransformer, OneHotEncoder, StandardScaler


@dataclass
class ColumnTypes:
    numeric: List[str] = field(default_factory=list)
    categorical: List[str] = field(default_factory=list)
    dropped: List[str] = field(default_factory=list)


def detect_column_types(df: pd.DataFrame, max_categories: int = 30) -> ColumnTypes:
    """Sort the columns of ``df`` into numeric, categorical and dropped.

    - dropped: a column with at most one distinct value (it carries no information), and a
      text column with more than ``max_categories`` values that are all different (an id);
    - numeric: integer and float columns (booleans are not numbers here);
    - categorical: everything else (text, booleans, pandas categories).
    Columns keep their order from ``df`` inside each list.
    """
    types = ColumnTypes()
    for name in df.columns:
        column = df[name]
        distinct = column.nunique(dropna=True)
        if distinct <= 1:
            types.dropped.append(name)
        elif pd.api.types.is_bool_dtype(column):
            types.categorical.append(name)
        elif pd.api.types.is_numeric_dtype(column):
            types.numeric.append(name)
        elif distinct > max_categories and distinct == column.notna().sum():
            types.dropped.append(name)
        else:
            types.categorical.append(name)
    return types


def _as_text(X):
    """Booleans and categories become plain objects so the imputer accepts them."""
    return pd.DataFrame(X).astype(object)


def _standardise(X):
    """Fill and scale in one go: no state to keep, so nothing to fit."""
    X = pd.DataFrame(X).astype(float)
    X = X.fillna(X.median()).fillna(0.0)
    std = X.std(ddof=0).replace(0, 1.0)
    return ((X - X.mean()) / std).to_numpy()


def build_preprocessor(types: ColumnTypes) -> ColumnTransformer:
    """An unfitted transformer: numeric columns first, then the one-hot categorical ones.

    Numeric: median imputation, then standard scaling. Categorical: most-frequent imputation,
    then one-hot encoding that ignores categories it did not see during ``fit``. Dropped
    columns are left out.
    """
    numeric = FunctionTransformer(_standardise)
    categorical = Pipeline(
        [
            ("as_text", FunctionTransformer(_as_text)),
            ("impute", SimpleImputer(strategy="most_frequent")),
            ("onehot", OneHotEncoder(handle_unknown="ignore", sparse_output=False)),
        ]
    )
    parts = []
    if types.numeric:
        parts.append(("num", numeric, list(types.numeric)))
    if types.categorical:
        parts.append(("cat", categorical, list(types.categorical)))
    return ColumnTransformer(parts, remainder="drop")
