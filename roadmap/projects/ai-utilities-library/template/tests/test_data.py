"""Milestone 1: loading data and splitting it."""

from collections import Counter

import numpy as np
import pytest

from aiutils.data import Dataset, load_builtin, load_csv


def write(path, text):
    path.write_text(text, encoding="utf-8")
    return path


def test_load_csv_reads_features_and_target(tmp_path):
    csv_file = write(tmp_path / "flowers.csv",
                     "petal,sepal,species,stem\n"
                     "1.5,3.0,setosa,10\n"
                     "4.7,,versicolor,12.5\n"
                     "6.1,2.8,virginica,11\n")
    ds = load_csv(csv_file, target="species")
    assert isinstance(ds, Dataset), "load_csv must return a Dataset"
    assert ds.feature_names == ["petal", "sepal", "stem"], (
        f"feature_names should be every column except the target, in file order; "
        f"got {ds.feature_names}")
    assert ds.X.shape == (3, 3), f"X should have one row per data line and 3 columns, got {ds.X.shape}"
    assert ds.X.dtype.kind == "f", f"X should hold floats, got dtype {ds.X.dtype}"
    assert np.isnan(ds.X[1, 1]), "an empty cell must become NaN"
    assert ds.X[1, 2] == 12.5 and ds.X[2, 0] == 6.1, "numbers were not read into the right cells"
    assert list(ds.y) == ["setosa", "versicolor", "virginica"], (
        f"text targets should stay strings, got {list(ds.y)}")
    assert ds.target_name == "species"


def test_load_csv_numeric_target_and_missing_column(tmp_path):
    csv_file = write(tmp_path / "houses.csv", "rooms,price\n3,250.5\n4,310\n")
    ds = load_csv(csv_file, target="price")
    assert ds.y.dtype.kind == "f", f"a numeric target should be a float array, got {ds.y.dtype}"
    np.testing.assert_allclose(ds.y, [250.5, 310.0])
    with pytest.raises(ValueError, match="area"):
        load_csv(csv_file, target="area")  # the message should name the missing column


def test_load_builtin_datasets():
    iris = load_builtin("iris")
    assert iris.X.shape == (150, 4), f"iris has 150 samples and 4 features, got {iris.X.shape}"
    assert len(iris.feature_names) == 4, "feature_names should come from scikit-learn"
    assert sorted(set(iris.y.tolist())) == [0, 1, 2]
    digits = load_builtin("digits")
    assert digits.X.shape == (1797, 64)
    with pytest.raises(ValueError):
        load_builtin("imagenet")


def imbalanced_labels():
    rng = np.random.default_rng(7)
    y = np.array(["a"] * 100 + ["b"] * 43 + ["c"] * 9)
    rng.shuffle(y)
    X = np.arange(len(y) * 2, dtype=float).reshape(-1, 2)  # row i starts with 2*i
    return X, y


def test_split_is_stratified(numpy_only):
    X, y = imbalanced_labels()
    with numpy_only("aiutils.data") as m:  # the splitting is yours: scikit-learn is blocked
        X_train, X_test, y_train, y_test = m.stratified_split(X, y, test_size=0.25, seed=3)
    assert len(X_train) == len(y_train) and len(X_test) == len(y_test), "X and y parts must match"
    assert len(X_train) + len(X_test) == len(X), "every sample must land in exactly one part"

    rows_train = set((X_train[:, 0] / 2).astype(int).tolist())
    rows_test = set((X_test[:, 0] / 2).astype(int).tolist())
    assert not rows_train & rows_test, "a sample appears in both train and test"
    assert rows_train | rows_test == set(range(len(X))), "some samples were lost or duplicated"
    for row, label in zip((X_test[:, 0] / 2).astype(int), y_test):
        assert y[row] == label, "rows of X and labels of y were separated by the split"

    total = Counter(y.tolist())
    in_test = Counter(y_test.tolist())
    for label, count in total.items():
        expected = count * 0.25
        assert abs(in_test[label] - expected) <= 1, (
            f"class {label!r}: {in_test[label]} of {count} samples went to test, "
            f"expected about {expected:.1f}; the split is not stratified")


def test_split_is_reproducible(numpy_only):
    X, y = imbalanced_labels()
    with numpy_only("aiutils.data") as m:
        first = m.stratified_split(X, y, test_size=0.2, seed=11)
        again = m.stratified_split(X, y, test_size=0.2, seed=11)
        other = m.stratified_split(X, y, test_size=0.2, seed=12)
    for a, b in zip(first, again):
        np.testing.assert_array_equal(a, b, err_msg="the same seed must give the same split")
    assert not np.array_equal(first[1], other[1]), "a different seed should give a different split"


def kfold(module, y, n_splits, seed):
    return [(np.asarray(train), np.asarray(val))
            for train, val in module.stratified_kfold(y, n_splits=n_splits, seed=seed)]


def test_kfold_partitions_and_stratifies(numpy_only):
    _, y = imbalanced_labels()
    with numpy_only("aiutils.data") as m:  # scikit-learn's StratifiedKFold is blocked
        folds = kfold(m, y, n_splits=4, seed=5)
    assert len(folds) == 4, f"n_splits=4 should give 4 (train, validation) pairs, got {len(folds)}"
    everyone = set(range(len(y)))
    for k, (train, val) in enumerate(folds):
        assert train.dtype.kind in "iu" and val.dtype.kind in "iu", (
            "yield integer index arrays, so X[train] and X[val] work")
        assert not set(train.tolist()) & set(val.tolist()), (
            f"fold {k}: samples of the validation fold are also in its training part; a score "
            "measured on them would be optimistic (the evaluation leaks)")
        assert set(train.tolist()) | set(val.tolist()) == everyone, (
            f"fold {k}: training part + validation fold should hold every sample")
        for label, count in Counter(y.tolist()).items():
            got = int(np.sum(y[val] == label))
            assert count // 4 <= got <= -(-count // 4), (
                f"fold {k}: {got} samples of class {label!r} (of {count}) in the validation fold, "
                f"expected {count / 4:.2f} rounded down or up; the folds are not stratified")
    validated = np.concatenate([val for _, val in folds])
    assert sorted(validated.tolist()) == sorted(everyone), (
        "every sample must be in exactly one validation fold")


def test_kfold_is_reproducible(numpy_only):
    _, y = imbalanced_labels()
    with numpy_only("aiutils.data") as m:
        first = kfold(m, y, n_splits=5, seed=1)
        again = kfold(m, y, n_splits=5, seed=1)
        other = kfold(m, y, n_splits=5, seed=2)
    for (a_train, a_val), (b_train, b_val) in zip(first, again):
        np.testing.assert_array_equal(a_val, b_val, err_msg="the same seed must give the same folds")
    assert any(not np.array_equal(a[1], b[1]) for a, b in zip(first, other)), (
        "a different seed should shuffle the samples into different folds")
