"""Milestone 2: scalers and encoders agree with scikit-learn."""

import numpy as np
import pytest
from sklearn import preprocessing as skp

from aiutils.preprocessing import (MinMaxScaler, NotFittedError, OneHotEncoder,
                                   StandardScaler, encode_labels)


def random_matrix(seed):
    rng = np.random.default_rng(seed)
    X = rng.normal(loc=rng.uniform(-5, 5, 4), scale=rng.uniform(0.1, 10, 4), size=(60, 4))
    X[:, 2] = 3.0  # a constant column is a classic corner case
    return X


def test_standard_scaler_matches_sklearn():
    for seed in (0, 1):
        check_standard_scaler(random_matrix(seed))


def check_standard_scaler(X):
    ours = StandardScaler().fit(X)
    theirs = skp.StandardScaler().fit(X)
    np.testing.assert_allclose(ours.transform(X), theirs.transform(X), atol=1e-10,
                               err_msg="StandardScaler.transform differs from scikit-learn "
                                       "(use ddof=0 and leave constant columns unscaled)")
    X_new = X[:5] + 1.0
    np.testing.assert_allclose(ours.transform(X_new), theirs.transform(X_new), atol=1e-10,
                               err_msg="transform must use the statistics learned in fit")
    np.testing.assert_allclose(ours.inverse_transform(ours.transform(X)), X, atol=1e-10,
                               err_msg="inverse_transform(transform(X)) should give X back")


def test_minmax_scaler_matches_sklearn():
    X = random_matrix(1)
    for feature_range in [(0.0, 1.0), (-1.0, 1.0)]:
        ours = MinMaxScaler(feature_range).fit(X)
        theirs = skp.MinMaxScaler(feature_range=feature_range).fit(X)
        np.testing.assert_allclose(ours.transform(X), theirs.transform(X), atol=1e-10,
                                   err_msg=f"MinMaxScaler{feature_range} differs from scikit-learn")
        np.testing.assert_allclose(ours.inverse_transform(ours.transform(X)), X, atol=1e-10,
                                   err_msg="inverse_transform(transform(X)) should give X back")


def test_transform_before_fit_raises():
    X = random_matrix(0)
    for scaler in (StandardScaler(), MinMaxScaler(), OneHotEncoder()):
        with pytest.raises(NotFittedError):
            scaler.transform(X)


def test_one_hot_encoder_matches_sklearn():
    X = np.array([["red", "S"], ["green", "M"], ["blue", "L"], ["green", "S"], ["red", "XL"]],
                 dtype=object)
    ours = OneHotEncoder().fit(X)
    theirs = skp.OneHotEncoder().fit(X)
    assert [list(c) for c in ours.categories_] == [list(c) for c in theirs.categories_], (
        "categories_ should hold the sorted distinct values of each column")
    np.testing.assert_array_equal(ours.transform(X), theirs.transform(X).toarray(),
                                  err_msg="one-hot output differs from scikit-learn")

    with pytest.raises(ValueError):
        ours.transform(np.array([["purple", "S"]], dtype=object))
    lenient = OneHotEncoder(handle_unknown="ignore").fit(X)
    row = lenient.transform(np.array([["purple", "S"]], dtype=object))
    assert row.shape == (1, 7), f"expected 3 + 4 = 7 columns, got {row.shape}"
    assert row[0, :3].sum() == 0 and row[0, 3:].sum() == 1, (
        "with handle_unknown='ignore' an unknown category encodes as all zeros")


def test_encode_labels():
    codes, classes = encode_labels(["cat", "dog", "cat", "bird"])
    assert list(classes) == ["bird", "cat", "dog"], "classes should be sorted"
    assert list(codes) == [1, 2, 1, 0], f"codes should index into classes, got {list(codes)}"
