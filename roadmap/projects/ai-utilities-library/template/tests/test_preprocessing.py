"""Milestone 2: scalers and encoders agree with scikit-learn.

Your classes run while scikit-learn and SciPy are blocked (see `numpy_only` in conftest.py);
scikit-learn is imported only here, inside each test, as the reference.
"""

import numpy as np
import pytest

MODULE = "aiutils.preprocessing"


def sklearn_preprocessing():
    from sklearn import preprocessing

    return preprocessing


def random_matrix(seed):
    rng = np.random.default_rng(seed)
    X = rng.normal(loc=rng.uniform(-5, 5, 4), scale=rng.uniform(0.1, 10, 4), size=(60, 4))
    X[:, 2] = 3.0  # a constant column is a classic corner case
    return X


def test_standard_scaler_matches_sklearn(numpy_only):
    skp = sklearn_preprocessing()
    for seed in (0, 1):
        X = random_matrix(seed)
        X_new = X[:5] + 1.0
        with numpy_only(MODULE) as m:
            ours = m.StandardScaler().fit(X)
            scaled, scaled_new = ours.transform(X), ours.transform(X_new)
            back = ours.inverse_transform(scaled)
        theirs = skp.StandardScaler().fit(X)
        np.testing.assert_allclose(scaled, theirs.transform(X), atol=1e-10,
                                   err_msg="StandardScaler.transform differs from scikit-learn")
        np.testing.assert_allclose(scaled_new, theirs.transform(X_new), atol=1e-10,
                                   err_msg="transform must use the statistics learned in fit")
        np.testing.assert_allclose(back, X, atol=1e-10,
                                   err_msg="inverse_transform(transform(X)) should give X back")


def test_minmax_scaler_matches_sklearn(numpy_only):
    skp = sklearn_preprocessing()
    X = random_matrix(1)
    X_new = X[:5] * 1.5 + 2.0  # outside the fitted range: must not be clipped
    for feature_range in [(0.0, 1.0), (-1.0, 1.0)]:
        with numpy_only(MODULE) as m:
            ours = m.MinMaxScaler(feature_range).fit(X)
            scaled, scaled_new = ours.transform(X), ours.transform(X_new)
            back = ours.inverse_transform(scaled)
        theirs = skp.MinMaxScaler(feature_range=feature_range).fit(X)
        np.testing.assert_allclose(scaled, theirs.transform(X), atol=1e-10,
                                   err_msg=f"MinMaxScaler{feature_range} differs from scikit-learn")
        np.testing.assert_allclose(scaled_new, theirs.transform(X_new), atol=1e-10,
                                   err_msg="transform must use the minima and maxima learned in fit")
        np.testing.assert_allclose(back, X, atol=1e-10,
                                   err_msg="inverse_transform(transform(X)) should give X back")


def test_transform_before_fit_raises(numpy_only):
    X = random_matrix(0)
    with numpy_only(MODULE) as m:
        for scaler in (m.StandardScaler(), m.MinMaxScaler(), m.OneHotEncoder()):
            with pytest.raises(m.NotFittedError):
                scaler.transform(X)


def test_one_hot_encoder_matches_sklearn(numpy_only):
    skp = sklearn_preprocessing()
    X = np.array([["red", "S"], ["green", "M"], ["blue", "L"], ["green", "S"], ["red", "XL"]],
                 dtype=object)
    unknown = np.array([["purple", "S"]], dtype=object)
    with numpy_only(MODULE) as m:
        ours = m.OneHotEncoder().fit(X)
        categories = [list(c) for c in ours.categories_]
        encoded = ours.transform(X)
        with pytest.raises(ValueError):
            ours.transform(unknown)
        row = m.OneHotEncoder(handle_unknown="ignore").fit(X).transform(unknown)
    theirs = skp.OneHotEncoder().fit(X)
    assert categories == [list(c) for c in theirs.categories_], (
        "categories_ should hold the sorted distinct values of each column")
    np.testing.assert_array_equal(encoded, theirs.transform(X).toarray(),
                                  err_msg="one-hot output differs from scikit-learn")
    assert row.shape == (1, 7), f"expected 3 + 4 = 7 columns, got {row.shape}"
    assert row[0, :3].sum() == 0 and row[0, 3:].sum() == 1, (
        "with handle_unknown='ignore' an unknown category encodes as all zeros")


def test_encode_labels(numpy_only):
    with numpy_only(MODULE) as m:
        codes, classes = m.encode_labels(["cat", "dog", "cat", "bird"])
        codes2, classes2 = m.encode_labels([30, 10, 20, 10, 30])
    assert list(classes) == ["bird", "cat", "dog"], "classes should be sorted"
    assert list(codes) == [1, 2, 1, 0], f"codes should index into classes, got {list(codes)}"
    assert list(classes2) == [10, 20, 30] and list(codes2) == [2, 0, 1, 0, 2], (
        f"numbers are labels too: got codes {list(codes2)} for classes {list(classes2)}")
