"""Milestone 3: metrics agree with scikit-learn on random inputs.

Your metrics run while scikit-learn and SciPy are blocked (see `numpy_only` in conftest.py);
scikit-learn is imported only here, inside each test, as the reference.
"""

import numpy as np
import pytest

SEEDS = range(8)
MODULE = "aiutils.metrics"


def sklearn_metrics():
    from sklearn import metrics

    return metrics


def random_labels(seed, n_classes, n=80):
    rng = np.random.default_rng(seed)
    y_true = rng.integers(0, n_classes, n)
    # Predictions that are right ~60% of the time, so every count is non-trivial.
    y_pred = np.where(rng.random(n) < 0.6, y_true, rng.integers(0, n_classes, n))
    return y_true, y_pred


def close(ours, theirs, what):
    assert ours == pytest.approx(theirs, abs=1e-12), f"{what}: got {ours}, scikit-learn says {theirs}"


def test_accuracy_and_confusion_matrix_match_sklearn(numpy_only):
    skm = sklearn_metrics()
    cases = [random_labels(seed, n_classes=4) for seed in SEEDS]
    # `labels` sets the rows' and columns' order, and may name a class absent from the data.
    labels = ["cow", "ant", "dog", "bee"]
    words_true = ["ant", "bee", "bee", "cow"]
    words_pred = ["ant", "ant", "bee", "bee"]
    with numpy_only(MODULE) as m:
        ours = [(m.accuracy_score(t, p), m.confusion_matrix(t, p)) for t, p in cases]
        ours_words = m.confusion_matrix(words_true, words_pred, labels=labels)
    for seed, (y_true, y_pred), (accuracy, matrix) in zip(SEEDS, cases, ours):
        close(accuracy, skm.accuracy_score(y_true, y_pred), f"accuracy (seed {seed})")
        np.testing.assert_array_equal(
            matrix, skm.confusion_matrix(y_true, y_pred),
            err_msg=f"confusion matrix (seed {seed}); rows are true classes, columns predictions")
    np.testing.assert_array_equal(ours_words,
                                  skm.confusion_matrix(words_true, words_pred, labels=labels),
                                  err_msg="confusion matrix with string labels: rows and "
                                          "columns in the order of `labels`, one per label")


def test_binary_precision_recall_f1_match_sklearn(numpy_only):
    skm = sklearn_metrics()
    names = ("precision_score", "recall_score", "f1_score")
    cases = [random_labels(seed, n_classes=2) for seed in SEEDS]
    with numpy_only(MODULE) as m:
        ours = [{name: getattr(m, name)(t, p) for name in names} for t, p in cases]
        # The other class as the positive one: pos_label decides which class is scored.
        ours_zero = [{name: getattr(m, name)(t, p, pos_label=0) for name in names}
                     for t, p in cases]
        words = (["no", "yes", "yes", "no", "no"], ["no", "no", "yes", "yes", "no"])
        ours_words = {name: getattr(m, name)(*words, pos_label="no") for name in names}
        # Nothing predicted positive: precision is 0/0, which zero_division decides.
        no_positives = m.precision_score([1, 0, 1], [0, 0, 0])
        no_positives_one = m.precision_score([1, 0, 1], [0, 0, 0], zero_division=1)
    for seed, (y_true, y_pred), got, got_zero in zip(SEEDS, cases, ours, ours_zero):
        for name in names:
            theirs = getattr(skm, name)(y_true, y_pred, zero_division=0)
            close(got[name], theirs, f"{name} binary (seed {seed})")
            theirs = getattr(skm, name)(y_true, y_pred, pos_label=0, zero_division=0)
            close(got_zero[name], theirs, f"{name} binary with pos_label=0 (seed {seed})")
    for name in names:
        close(ours_words[name], getattr(skm, name)(*words, pos_label="no", zero_division=0),
              f"{name} with pos_label='no'")
    close(no_positives, 0.0, "precision with no positive predictions")
    close(no_positives_one, 1.0, "precision with no positive predictions and zero_division=1")


def test_multiclass_averages_match_sklearn(numpy_only):
    skm = sklearn_metrics()
    names = ("precision_score", "recall_score", "f1_score")
    averages = ("macro", "micro", "weighted")
    cases = []
    for seed in SEEDS:
        y_true, y_pred = random_labels(seed, n_classes=5, n=40)
        y_pred[y_pred == 4] = 3  # class 4 is never predicted: a zero-division case
        cases.append((y_true, y_pred))
    with numpy_only(MODULE) as m:
        ours = [{(name, average): getattr(m, name)(t, p, average=average)
                 for name in names for average in averages} for t, p in cases]
    for seed, (y_true, y_pred), got in zip(SEEDS, cases, ours):
        for (name, average), value in got.items():
            theirs = getattr(skm, name)(y_true, y_pred, average=average, zero_division=0)
            close(value, theirs, f"{name} average={average!r} (seed {seed})")


def test_regression_metrics_match_sklearn(numpy_only):
    skm = sklearn_metrics()
    names = ("mean_squared_error", "mean_absolute_error", "r2_score")
    cases = []
    for seed in SEEDS:
        rng = np.random.default_rng(100 + seed)
        y_true = rng.normal(size=50) * 10
        cases.append((y_true, y_true + rng.normal(size=50) * 3))
    with numpy_only(MODULE) as m:
        ours = [{name: getattr(m, name)(t, p) for name in names} for t, p in cases]
    for seed, (y_true, y_pred), got in zip(SEEDS, cases, ours):
        for name in names:
            theirs = getattr(skm, name)(y_true, y_pred)
            assert got[name] == pytest.approx(theirs, rel=1e-10), (
                f"{name} (seed {seed}): got {got[name]}, scikit-learn says {theirs}")


def test_roc_auc_matches_sklearn_including_ties(numpy_only):
    skm = sklearn_metrics()
    cases = []
    for seed in SEEDS:
        rng = np.random.default_rng(200 + seed)
        y_true = rng.integers(0, 2, 120)
        y_true[:2] = [0, 1]  # make sure both classes are present
        scores = y_true * 0.3 + rng.random(120)
        cases.append((seed, y_true, scores, "distinct scores"))
        cases.append((seed, y_true, np.round(scores, 1), "tied scores"))  # many ties
    with numpy_only(MODULE) as m:
        ours = [m.roc_auc_score(y_true, s) for _, y_true, s, _ in cases]
    for (seed, y_true, s, label), value in zip(cases, ours):
        theirs = skm.roc_auc_score(y_true, s)
        assert value == pytest.approx(theirs, abs=1e-12), (
            f"ROC AUC with {label} (seed {seed}): got {value}, scikit-learn says {theirs}; "
            "ties between a positive and a negative count one half")
