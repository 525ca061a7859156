"""Milestone 3: an autoencoder that flags rows it cannot rebuild."""
import numpy as np
import pytest
from sklearn.metrics import roc_auc_score

from anomaly.detectors import AutoencoderDetector

AUC_BAR = 0.95


@pytest.fixture(scope="module")
def fitted_autoencoder(sensor_data):
    """Fit once per module, lazily, so that an unfinished TODO fails the test, not the fixture."""
    cache = {}

    def get():
        if "model" not in cache:
            cache["model"] = AutoencoderDetector(seed=0).fit(sensor_data["X_train"])
        return cache["model"]

    return get


def test_autoencoder_beats_bar(fitted_autoencoder, sensor_data):
    detector = fitted_autoencoder()
    scores = np.asarray(detector.score(sensor_data["X_test"]), dtype=float)
    assert scores.shape == (len(sensor_data["X_test"]),), "score must return one number per row"
    auc = roc_auc_score(sensor_data["y_test"], scores)
    assert auc >= AUC_BAR, f"autoencoder ROC AUC {auc:.3f} is below {AUC_BAR}"
    kinds = sensor_data["kinds_test"]
    normal = kinds == ""
    broken = kinds == "broken_relation"
    auc_broken = roc_auc_score(broken[normal | broken], scores[normal | broken])
    assert auc_broken >= 0.9, (
        f"'broken_relation' anomalies (normal values, inconsistent sensors) only reach ROC AUC "
        f"{auc_broken:.3f}: the bottleneck must be narrower than the 6 inputs"
    )


def test_autoencoder_learns_a_curved_relation(another_machine):
    data = another_machine
    detector = AutoencoderDetector(seed=0).fit(data["X_train"])
    auc = roc_auc_score(data["y_test"], np.asarray(detector.score(data["X_test"]), dtype=float))
    assert auc >= 0.85, (
        f"on the tests' rotating machine the autoencoder reaches ROC AUC {auc:.3f}, below 0.85. Its "
        "normal readings lie on a curve; a linear bottleneck (PCA, or a network without "
        "non-linear activations) cannot follow it and scores about 0.5 here"
    )


def test_reconstruction_is_close_for_normal_rows(fitted_autoencoder, sensor_data):
    detector = fitted_autoencoder()
    X_test = sensor_data["X_test"]
    rebuilt = np.asarray(detector.reconstruct(X_test))
    assert rebuilt.shape == X_test.shape, f"reconstruct must return one row per input row, got {rebuilt.shape}"
    scores = np.asarray(detector.score(X_test))
    errors = ((detector.scaler_.transform(X_test) - rebuilt) ** 2).mean(axis=1)
    assert np.allclose(scores, errors, rtol=1e-6, atol=1e-9), (
        "score must be each row's mean squared reconstruction error: the mean over the sensors of "
        "(self.scaler_.transform(X) - self.reconstruct(X)) ** 2, as the test recomputes it"
    )
    y = sensor_data["y_test"]
    normal_error = np.median(scores[y == 0])
    anomaly_error = np.median(scores[y == 1])
    assert normal_error < 0.2, (
        f"median reconstruction error of normal rows is {normal_error:.3f} (scaled units): "
        "scale the inputs and train the network to output its own input"
    )
    assert anomaly_error > 5 * normal_error, (
        f"anomalies ({anomaly_error:.3f}) should be rebuilt far worse than normal rows ({normal_error:.3f})"
    )
