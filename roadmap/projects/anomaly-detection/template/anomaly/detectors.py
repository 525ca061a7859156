"""Three unsupervised anomaly detectors behind one small interface.

Milestones 2 and 3. Every detector learns what "normal" looks like from unlabelled training
data (which may hold a few anomalies) and gives each new row an anomaly score:
HIGHER means MORE unusual. Fill in the methods marked TODO.
"""
from __future__ import annotations

import numpy as np
from sklearn.ensemble import IsolationForest  # noqa: F401
from sklearn.neural_network import MLPRegressor  # noqa: F401
from sklearn.preprocessing import StandardScaler  # noqa: F401
from sklearn.svm import OneClassSVM  # noqa: F401

from .evaluate import best_f1_threshold  # noqa: F401


class Detector:
    """Shared interface (GIVEN). Subclasses implement ``fit`` and ``score``.

    ``fit`` must end with ``self._set_threshold(X)``: the threshold is the training score
    below which ``1 - contamination`` of the training rows fall, so ``predict`` flags about
    ``contamination`` of data that looks like the training data.
    """

    contamination: float = 0.05

    def fit(self, X) -> "Detector":
        raise NotImplementedError

    def score(self, X) -> np.ndarray:
        raise NotImplementedError

    def predict(self, X) -> np.ndarray:
        """1 where the score reaches the threshold learned in ``fit`` (or ``calibrate``), else 0.

        A row's flag depends on that row alone, never on the other rows of the batch.
        """
        return (self.score(X) >= self.threshold_).astype(int)

    def _set_threshold(self, X) -> None:
        self.threshold_ = float(np.quantile(self.score(X), 1.0 - self.contamination))

    def calibrate(self, X_val, y_val) -> "Detector":
        """Replace the contamination threshold by the one with the best F1 on labelled
        validation rows (``best_f1_threshold`` of their scores); return ``self``."""
        # TODO (milestone 2): score the validation rows and set self.threshold_.
        raise NotImplementedError("TODO: calibrate the threshold on validation rows")


class IsolationForestDetector(Detector):
    """Anomalies are easy to isolate: random splits separate them from the rest quickly."""

    def __init__(self, n_estimators: int = 200, contamination: float = 0.05, seed: int = 0):
        self.n_estimators = n_estimators
        self.contamination = contamination
        self.seed = seed

    def fit(self, X) -> "IsolationForestDetector":
        # TODO: fit scikit-learn's IsolationForest on X (n_estimators, seeded), store it as
        #       self.model_, call self._set_threshold(X) and return self.
        raise NotImplementedError("TODO: fit an IsolationForest")

    def score(self, X) -> np.ndarray:
        # TODO: higher must mean MORE anomalous (check which way scikit-learn scores).
        raise NotImplementedError("TODO: score rows with the IsolationForest")


class OneClassSVMDetector(Detector):
    """Draws a smooth boundary around the bulk of the (scaled) training data."""

    def __init__(self, nu: float = 0.05, gamma="scale", contamination: float = 0.05):
        self.nu = nu
        self.gamma = gamma
        self.contamination = contamination

    def fit(self, X) -> "OneClassSVMDetector":
        # TODO: an RBF kernel compares distances between rows whose sensors have very
        #       different units: think about scaling (self.scaler_), then fit an RBF
        #       OneClassSVM with nu and gamma. End with self._set_threshold(X), return self.
        raise NotImplementedError("TODO: fit a scaled One-Class SVM")

    def score(self, X) -> np.ndarray:
        # TODO: higher must mean MORE anomalous (check the sign of decision_function).
        raise NotImplementedError("TODO: score rows with the One-Class SVM")


class AutoencoderDetector(Detector):
    """A small network squeezes each row through a bottleneck and rebuilds it.

    It only learns to rebuild rows that look like the training data, so an unusual row has
    a large reconstruction error. The bottleneck must be narrower than the 6 sensors.
    """

    def __init__(
        self,
        hidden=(16, 2, 16),
        max_iter: int = 400,
        contamination: float = 0.05,
        seed: int = 0,
    ):
        self.hidden = hidden
        self.max_iter = max_iter
        self.contamination = contamination
        self.seed = seed

    def fit(self, X) -> "AutoencoderDetector":
        # TODO: scale X (self.scaler_), then train an MLPRegressor with hidden_layer_sizes
        #       self.hidden to rebuild the scaled X from ITSELF (seeded, max_iter). Store it as
        #       self.model_, call self._set_threshold(X) and return self.
        raise NotImplementedError("TODO: train the autoencoder")

    def reconstruct(self, X) -> np.ndarray:
        """The network's rebuilt version of X, in scaled units (same shape as X)."""
        # TODO: predict on the scaled X.
        raise NotImplementedError("TODO: rebuild X through the autoencoder")

    def score(self, X) -> np.ndarray:
        # TODO: one reconstruction error per row, in scaled units.
        raise NotImplementedError("TODO: reconstruction error per row")
