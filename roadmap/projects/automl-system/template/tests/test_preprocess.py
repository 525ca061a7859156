"""Milestone 1: automatic column detection and preprocessing."""
import numpy as np
import pandas as pd

from automl.preprocess import build_preprocessor, detect_column_types


def test_detects_column_types(loan):
    n = 40
    rng = np.random.default_rng(0)
    text = rng.choice(["red", "green", "blue"], n).astype(object)
    text[3] = np.nan
    df = pd.DataFrame(
        {
            "count": rng.integers(0, 10, n),
            "amount": np.where(rng.random(n) < 0.1, np.nan, rng.normal(size=n)),
            "colour": text,
            "flag": rng.random(n) < 0.5,
            "size": pd.Categorical(rng.choice(["S", "M", "L"], n)),
            "user_id": [f"U{i:04d}" for i in range(n)],
            "country": "NL",
            "version": 3,
        }
    )
    types = detect_column_types(df, max_categories=30)
    assert types.numeric == ["count", "amount"], f"numeric columns: expected count, amount; got {types.numeric}"
    assert types.categorical == ["colour", "flag", "size"], (
        f"categorical columns: expected colour, flag (bool), size (category); got {types.categorical}"
    )
    assert sorted(types.dropped) == ["country", "user_id", "version"], (
        f"drop constant columns and id-like text columns (all values different); got {types.dropped}"
    )
    loan_types = detect_column_types(loan["X_train"])
    assert sorted(loan_types.dropped) == ["application_id", "product"], (
        f"on the loan data, application_id (an id) and product (constant) must be dropped, got {loan_types.dropped}"
    )


def test_preprocessor_imputes_scales_and_encodes(loan):
    X_train = loan["X_train"]
    types = detect_column_types(X_train)
    out = np.asarray(build_preprocessor(types).fit_transform(X_train), dtype=float)
    n_num = len(types.numeric)
    n_onehot = sum(X_train[c].dropna().nunique() for c in types.categorical)
    assert out.shape == (len(X_train), n_num + n_onehot), (
        f"expected {n_num} numeric columns then {n_onehot} one-hot columns, got shape {out.shape}"
    )
    assert np.isfinite(out).all(), "missing values must be imputed: the output has NaN"
    np.testing.assert_allclose(out[:, :n_num].mean(axis=0), 0, atol=1e-8, err_msg="numeric columns must be scaled to mean 0")
    np.testing.assert_allclose(out[:, :n_num].std(axis=0), 1, atol=1e-6, err_msg="numeric columns must be scaled to std 1")
    onehot = out[:, n_num:]
    assert set(np.unique(onehot)) <= {0.0, 1.0}, "categorical columns must be one-hot encoded (0/1)"
    np.testing.assert_allclose(
        onehot.sum(axis=1), len(types.categorical),
        err_msg="each row needs exactly one 1 per categorical column (missing values imputed first)",
    )


def test_unseen_categories_and_missing_values(loan):
    X_train = loan["X_train"]
    types = detect_column_types(X_train)
    pre = build_preprocessor(types).fit(X_train)
    odd = X_train.iloc[:2].copy()
    odd["region"] = "mars"  # never seen during fit
    for column in ("income", "years_employed", "employment"):
        odd[column] = np.nan
    out = np.asarray(pre.transform(odd), dtype=float)
    assert np.isfinite(out).all(), "NaN in new data must be imputed with what fit() learned"
    n_num = len(types.numeric)
    region_block = out[:, n_num : n_num + X_train["region"].nunique()]
    assert region_block.sum() == 0, "an unseen category must encode as all zeros (handle_unknown='ignore')"


def test_new_rows_use_the_training_statistics(loan):
    X_train, X_test = loan["X_train"], loan["X_test"]
    types = detect_column_types(X_train)
    pre = build_preprocessor(types).fit(X_train)
    out = np.asarray(pre.transform(X_test), dtype=float)[:, : len(types.numeric)]
    numeric_train = X_train[types.numeric].astype(float)
    medians = numeric_train.median()
    filled = numeric_train.fillna(medians)
    expected = (X_test[types.numeric].astype(float).fillna(medians) - filled.mean()) / filled.std(ddof=0)
    np.testing.assert_allclose(
        out, expected.to_numpy(), rtol=1e-6, atol=1e-8,
        err_msg="new rows must be imputed with the training medians and scaled with the training mean "
        "and std that fit() learnt, not with statistics of the rows being transformed (that leaks)",
    )
