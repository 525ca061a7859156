"""Automatic preprocessing: decide what each column is, then impute, scale and encode it.

Milestone 1. Fill in the two functions marked TODO.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import List

import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer  # noqa: F401
from sklearn.pipeline import Pipeline  # noqa: F401
from sklearn.preprocessing import FunctionTransformer, OneHotEncoder, StandardScaler  # noqa: F401


@dataclass
class ColumnTypes:
    numeric: List[str] = field(default_factory=list)
    categorical: List[str] = field(default_factory=list)
    dropped: List[str] = field(default_factory=list)


def detect_column_types(df: pd.DataFrame, max_categories: int = 30) -> ColumnTypes:
    """Sort the columns of ``df`` into numeric, categorical and dropped.

    - dropped: a column with at most one distinct value (it carries no information), and a
      text column with more than ``max_categories`` values that are all different (an id);
    - numeric: integer and float columns (booleans do NOT count as numbers here);
    - categorical: everything else (text, booleans, pandas categories).
    Columns keep their order from ``df`` inside each list.
    """
    # TODO: loop over df.columns and use column.nunique(dropna=True),
    #       pd.api.types.is_bool_dtype and pd.api.types.is_numeric_dtype.
    raise NotImplementedError("TODO: detect numeric, categorical and dropped columns")


def _as_text(X):
    """Booleans and categories become plain objects so the imputer accepts them (GIVEN)."""
    return pd.DataFrame(X).astype(object)


def build_preprocessor(types: ColumnTypes) -> ColumnTransformer:
    """An unfitted ColumnTransformer: the numeric columns first, then the categorical ones.

    - numeric: median imputation, then StandardScaler;
    - categorical: ``FunctionTransformer(_as_text)``, most-frequent imputation, then a dense
      one-hot encoding that ignores categories it did not see during ``fit``;
    - dropped columns are left out (``remainder="drop"``).
    Leave out a block whose list of columns is empty.
    """
    # TODO: build the two small Pipelines and combine them in a ColumnTransformer.
    raise NotImplementedError("TODO: build the automatic preprocessing transformer")
