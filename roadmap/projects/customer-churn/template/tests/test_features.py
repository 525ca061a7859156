"""Milestone 1: split the data and build a leak-free preprocessing pipeline."""
import numpy as np
import pandas as pd

from churn.data import ID_COLUMN, TARGET
from churn.features import (
    CATEGORICAL_FEATURES,
    NUMERIC_FEATURES,
    add_features,
    build_preprocessor,
    split_data,
)


def test_split_is_stratified_and_reproducible(customers):
    X_train, X_test, y_train, y_test = split_data(customers, test_size=0.25, seed=3)
    assert len(X_train) + len(X_test) == len(customers), "every row must land in train or test"
    assert abs(len(X_test) - 0.25 * len(customers)) <= 1, "test_size=0.25 should keep 25% for testing"
    for column in (ID_COLUMN, TARGET):
        assert column not in X_train.columns, f"'{column}' must not be a feature (drop it from X)"
    assert len(X_train) == len(y_train) and len(X_test) == len(y_test), "X and y must stay aligned"
    assert abs(y_train.mean() - y_test.mean()) < 0.01, (
        f"churn rate differs between train ({y_train.mean():.3f}) and test ({y_test.mean():.3f}): "
        "use stratify=y"
    )
    again = split_data(customers, test_size=0.25, seed=3)
    assert list(again[1].index) == list(X_test.index), "the same seed must give the same split"


def test_add_features_engineers_ratios():
    raw = pd.DataFrame(
        {
            "tenure_months": [0, 10, 24, 0, 5, 6],
            "total_charges": [np.nan, 500.0, 1200.0, 60.0, 250.0, 300.0],
            "support_calls": [2, 5, 0, 1, 5, 3],
        }
    )
    before = raw.copy()
    out = add_features(raw)
    pd.testing.assert_frame_equal(raw, before, obj="add_features must not modify its input")
    for column in ("avg_monthly_spend", "calls_per_year", "is_new_customer"):
        assert column in out.columns, f"add_features must add the column '{column}'"
    assert np.isnan(out["avg_monthly_spend"].iloc[0]), "missing total_charges must stay missing"
    np.testing.assert_allclose(
        out["avg_monthly_spend"].iloc[1:], [50.0, 50.0, 60.0, 50.0, 50.0],
        err_msg="avg_monthly_spend = total_charges / tenure_months, with tenure 0 counted as 1 "
        "(a first-month customer who has a bill spends it in one month, not infinitely)",
    )
    np.testing.assert_allclose(
        out["calls_per_year"], [24.0, 6.0, 0.0, 12.0, 12.0, 6.0],
        err_msg="calls_per_year = support_calls / tenure_months * 12, with tenure 0 counted as 1",
    )
    assert list(out["is_new_customer"]) == [1, 0, 0, 1, 1, 0], (
        f"is_new_customer is 1 below 6 months (5 is new, 6 is not), got {list(out['is_new_customer'])} "
        "for tenures 0, 10, 24, 0, 5, 6"
    )


def test_preprocessor_learns_from_train_only(customers):
    X_train, X_test, _, _ = split_data(customers, seed=0)
    pre = build_preprocessor()
    train_out = np.asarray(pre.fit_transform(X_train), dtype=float)
    test_out = np.asarray(pre.transform(X_test), dtype=float)
    n_num = len(NUMERIC_FEATURES)
    n_categories = sum(X_train[c].dropna().nunique() for c in CATEGORICAL_FEATURES)
    assert train_out.shape == (len(X_train), n_num + n_categories), (
        f"expected {n_num} scaled numeric columns followed by {n_categories} one-hot columns, "
        f"got shape {train_out.shape}"
    )
    assert np.isfinite(train_out).all(), "the output must have no NaN: impute missing values"
    np.testing.assert_allclose(
        train_out[:, :n_num].mean(axis=0), 0.0, atol=1e-8,
        err_msg="scaled numeric columns of the TRAINING data must have mean 0: "
        "fit the scaler on the training split only",
    )
    np.testing.assert_allclose(
        train_out[:, :n_num].std(axis=0), 1.0, atol=1e-6,
        err_msg="scaled numeric columns of the training data must have std 1",
    )
    assert not np.allclose(test_out[:, :n_num].mean(axis=0), 0.0, atol=1e-8), (
        "the test split looks re-fitted (its means are exactly 0): transform() must reuse "
        "what fit() learned from the training data"
    )


def test_preprocessor_handles_missing_and_unseen_values(customers):
    X_train, _, _, _ = split_data(customers, seed=0)
    pre = build_preprocessor().fit(X_train)
    odd = X_train.iloc[:3].copy()
    odd["total_charges"] = np.nan
    odd["payment_method"] = np.nan
    odd.iloc[0, odd.columns.get_loc("contract")] = "three-year"  # never seen in training
    out = np.asarray(pre.transform(odd), dtype=float)
    assert np.isfinite(out).all(), "missing values must be imputed, not passed through as NaN"
    n_num = len(NUMERIC_FEATURES)
    contract_block = out[0, n_num : n_num + X_train["contract"].nunique()]
    assert contract_block.sum() == 0, (
        "an unseen contract type must encode as all zeros: use OneHotEncoder(handle_unknown='ignore')"
    )
