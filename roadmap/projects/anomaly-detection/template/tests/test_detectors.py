"""Milestone 2: Isolation Forest and One-Class SVM."""
import numpy as np
from sklearn.metrics import roc_auc_score

from sklearn.metrics import f1_score

from anomaly.detectors import IsolationForestDetector, OneClassSVMDetector

AUC_BAR = 0.90


def _check_scores(detector, data):
    scores = np.asarray(detector.score(data["X_test"]), dtype=float)
    name = type(detector).__name__
    assert scores.shape == (len(data["X_test"]),), f"{name}.score must return one score per row"
    assert np.isfinite(scores).all(), f"{name}.score returned NaN or inf"
    auc = roc_auc_score(data["y_test"], scores)
    assert auc >= AUC_BAR, (
        f"{name}: ROC AUC {auc:.3f} on the test data is below {AUC_BAR}. "
        "Remember: a HIGHER score must mean MORE anomalous (flip the sign of sklearn's scores)"
    )
    return scores


def test_isolation_forest_beats_bar(sensor_data):
    detector = IsolationForestDetector(seed=0).fit(sensor_data["X_train"])
    _check_scores(detector, sensor_data)
    again = IsolationForestDetector(seed=0).fit(sensor_data["X_train"])
    np.testing.assert_allclose(
        again.score(sensor_data["X_test"]), detector.score(sensor_data["X_test"]),
        err_msg="the same seed must give the same scores (pass random_state=seed)",
    )


def _ranks(values):
    return np.argsort(np.argsort(values))


def test_one_class_svm_beats_bar(sensor_data):
    detector = OneClassSVMDetector().fit(sensor_data["X_train"])
    _check_scores(detector, sensor_data)
    # nu is the share of training rows the SVM may leave outside its boundary: it moves the
    # boundary, so it changes which test rows look most unusual (rank correlation 0.81 here).
    tight = OneClassSVMDetector(nu=0.02).fit(sensor_data["X_train"]).score(sensor_data["X_test"])
    loose = OneClassSVMDetector(nu=0.3).fit(sensor_data["X_train"]).score(sensor_data["X_test"])
    correlation = np.corrcoef(_ranks(tight), _ranks(loose))[0, 1]
    assert correlation < 0.95, (
        f"OneClassSVMDetector ranks the test rows the same with nu=0.02 and nu=0.3 (rank correlation "
        f"{correlation:.3f}): it must be scikit-learn's OneClassSVM, given self.nu and self.gamma"
    )


def test_threshold_flags_contamination_share(sensor_data):
    X_train = sensor_data["X_train"]
    for detector in (IsolationForestDetector(contamination=0.05, seed=0), OneClassSVMDetector(contamination=0.05)):
        detector.fit(X_train)
        name = type(detector).__name__
        assert hasattr(detector, "threshold_"), f"{name}.fit must end with self._set_threshold(X)"
        share = detector.predict(X_train).mean()
        assert 0.03 <= share <= 0.07, (
            f"{name} flags {share:.1%} of its training data; with contamination=0.05 it should be about 5%"
        )
        test_flags = detector.predict(sensor_data["X_test"])
        recall = test_flags[sensor_data["y_test"] == 1].mean()
        assert recall >= 0.3, f"{name} catches only {recall:.0%} of the test anomalies at its threshold"
        anomalies = sensor_data["X_test"][sensor_data["y_test"] == 1]
        alone = detector.predict(anomalies)
        assert np.array_equal(alone, test_flags[sensor_data["y_test"] == 1]), (
            f"{name}: the anomalies get other flags when they arrive on their own than in the full "
            "test batch. A threshold comes from fit (the training rows), never from the batch at hand"
        )


def _best_f1_cut(y, scores):
    """The tests' own search: every distinct score, highest first, strict improvement only."""
    best_t, best_f1 = None, -1.0
    for t in np.unique(scores)[::-1]:
        f1 = f1_score(y, (scores >= t).astype(int), zero_division=0)
        if f1 > best_f1:
            best_t, best_f1 = t, f1
    return best_t


def test_threshold_is_chosen_on_validation_rows(sensor_data):
    detector = IsolationForestDetector(seed=0).fit(sensor_data["X_train"])
    contamination_flags = detector.predict(sensor_data["X_test"])
    returned = detector.calibrate(sensor_data["X_val"], sensor_data["y_val"])
    assert returned is detector, "calibrate must return self"
    expected = _best_f1_cut(sensor_data["y_val"], detector.score(sensor_data["X_val"]))
    assert np.isclose(detector.threshold_, expected), (
        f"the threshold should be the score cut with the best F1 on the VALIDATION rows, {expected:.4f}; "
        f"got {detector.threshold_:.4f}. The test rows are only for the final report."
    )
    y_test = sensor_data["y_test"]
    calibrated = f1_score(y_test, detector.predict(sensor_data["X_test"]))
    before = f1_score(y_test, contamination_flags)
    assert calibrated >= before + 0.05, (
        f"with the calibrated threshold the test F1 is {calibrated:.3f}, with the contamination "
        f"threshold {before:.3f}: choosing on labelled validation rows should gain at least 0.05"
    )


def test_detectors_work_on_another_machine(another_machine):
    data = another_machine
    bars = {IsolationForestDetector: 0.85, OneClassSVMDetector: 0.75}
    for kind, bar in bars.items():
        detector = kind().fit(data["X_train"])
        auc = roc_auc_score(data["y_test"], detector.score(data["X_test"]))
        assert auc >= bar, (
            f"{kind.__name__} reaches ROC AUC {auc:.3f} on a machine of the tests' own, below {bar}: "
            "a detector learns what normal is from the data it is fitted on, nothing else"
        )
