"""Milestone 2: Isolation Forest and One-Class SVM."""
import numpy as np
from sklearn.metrics import roc_auc_score

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


def test_one_class_svm_beats_bar(sensor_data):
    detector = OneClassSVMDetector().fit(sensor_data["X_train"])
    _check_scores(detector, sensor_data)


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
