"""Milestone 3: metrics agree with scikit-learn on random inputs."""

import numpy as np
import pytest
from sklearn import metrics as skm

from aiutils import metrics

SEEDS = range(8)


def random_labels(seed, n_classes, n=80):
    rng = np.random.default_rng(seed)
    y_true = rng.integers(0, n_classes, n)
    # Predictions that are right ~60% of the time, so every count is non-trivial.
    y_pred = np.where(rng.random(n) < 0.6, y_true, rng.integers(0, n_classes, n))
    return y_true, y_pred


def close(ours, theirs, what):
    assert ours == pytest.approx(theirs, abs=1e-12), f"{what}: got {ours}, scikit-learn says {theirs}"


def test_accuracy_and_confusion_matrix_match_sklearn():
    for seed in SEEDS:
        y_true, y_pred = random_labels(seed, n_classes=4)
        close(metrics.accuracy_score(y_true, y_pred), skm.accuracy_score(y_true, y_pred),
              f"accuracy (seed {seed})")
        np.testing.assert_array_equal(
            metrics.confusion_matrix(y_true, y_pred), skm.confusion_matrix(y_true, y_pred),
            err_msg=f"confusion matrix (seed {seed}); rows are true classes, columns predictions")
    labels = ["ant", "bee", "cow"]
    y_true = ["ant", "bee", "bee", "cow"]
    y_pred = ["ant", "ant", "bee", "bee"]
    np.testing.assert_array_equal(metrics.confusion_matrix(y_true, y_pred, labels=labels),
                                  skm.confusion_matrix(y_true, y_pred, labels=labels),
                                  err_msg="confusion matrix with string labels")


def test_binary_precision_recall_f1_match_sklearn():
    for seed in SEEDS:
        y_true, y_pred = random_labels(seed, n_classes=2)
        for name in ("precision_score", "recall_score", "f1_score"):
            ours = getattr(metrics, name)(y_true, y_pred)
            theirs = getattr(skm, name)(y_true, y_pred, zero_division=0)
            close(ours, theirs, f"{name} binary (seed {seed})")
    # Nothing predicted positive: precision is 0/0, which zero_division decides.
    close(metrics.precision_score([1, 0, 1], [0, 0, 0]), 0.0, "precision with no positive predictions")


def test_multiclass_averages_match_sklearn():
    for seed in SEEDS:
        y_true, y_pred = random_labels(seed, n_classes=5, n=40)
        y_pred[y_pred == 4] = 3  # class 4 is never predicted: a zero-division case
        for average in ("macro", "micro", "weighted"):
            for name in ("precision_score", "recall_score", "f1_score"):
                ours = getattr(metrics, name)(y_true, y_pred, average=average)
                theirs = getattr(skm, name)(y_true, y_pred, average=average, zero_division=0)
                close(ours, theirs, f"{name} average={average!r} (seed {seed})")


def test_regression_metrics_match_sklearn():
    for seed in SEEDS:
        rng = np.random.default_rng(100 + seed)
        y_true = rng.normal(size=50) * 10
        y_pred = y_true + rng.normal(size=50) * 3
        for name in ("mean_squared_error", "mean_absolute_error", "r2_score"):
            ours = getattr(metrics, name)(y_true, y_pred)
            theirs = getattr(skm, name)(y_true, y_pred)
            assert ours == pytest.approx(theirs, rel=1e-10), (
                f"{name} (seed {seed}): got {ours}, scikit-learn says {theirs}")


def test_roc_auc_matches_sklearn_including_ties():
    for seed in SEEDS:
        rng = np.random.default_rng(200 + seed)
        y_true = rng.integers(0, 2, 120)
        y_true[:2] = [0, 1]  # make sure both classes are present
        scores = y_true * 0.3 + rng.random(120)
        rounded = np.round(scores, 1)  # rounding creates many tied scores
        for s, label in ((scores, "distinct scores"), (rounded, "tied scores")):
            ours = metrics.roc_auc_score(y_true, s)
            theirs = skm.roc_auc_score(y_true, s)
            assert ours == pytest.approx(theirs, abs=1e-12), (
                f"ROC AUC with {label} (seed {seed}): got {ours}, scikit-learn says {theirs}; "
                "ties between a positive and a negative count one half")
