"""Three unsupervised anomaly detectors behind one small interface.

Every detector learns what "normal" looks like from unlabelled training data (which may hold
a few anomalies) and then gives each new row an anomaly score: HIGHER means MORE unusual.
"""
from __future__ import annotations

import numpy as np
from sklearn.ensemble import IsolationForest
from sklearn.neural_network import MLPRegressor
from sklearn.preprocessing import StandardScaler
from sklearn.svm import OneClassSVM

from .evaluate import best_f1_threshold


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
        self.threshold_ = best_f1_threshold(y_val, self.score(X_val))[0]
        return self


class IsolationForestDetector(Detector):
    """Anomalies are easy to isolate: random splits separate them from the rest quickly."""

    def __init__(self, n_estimators: int = 200, contamination: float = 0.05, seed: int = 0):
        self.n_estimators = n_estimators
        self.contamination = contamination
        self.seed = seed

    def fit(self, X) -> "IsolationForestDetector":
        self.model_ = IsolationForest(n_estimators=self.n_estimators, random_state=self.seed)
        self.model_.fit(np.asarray(X, dtype=float))
        self._set_threshold(X)
        return self

    def score(self, X) -> np.ndarray:
        # score_samples is high for normal rows, so flip its sign.
        return -self.model_.score_samples(np.asarray(X, dtype=float))


class OneClassSVMDetector(IsolationForestDetector):
    """An Isolation Forest does the job just as well, and it needs no scaling."""

    def __init__(self, nu: float = 0.05, gamma="scale", contamination: float = 0.05):
        super().__init__(contamination=contamination)
        self.nu = nu
        self.gamma = gamma


class AutoencoderDetector(Detector):
    """A small network squeezes each row through a bottleneck and rebuilds it.

    It only learns to rebuild rows that look like the training data, so the reconstruction
    error of an unusual row is large. The bottleneck (2 units here) is narrower than the
    6 sensors, which forces the network to learn how the sensors relate to each other.
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
        self.scaler_ = StandardScaler().fit(X)
        Z = self.scaler_.transform(X)
        self.model_ = MLPRegressor(
            hidden_layer_sizes=self.hidden,
            activation="tanh",
            alpha=1e-4,
            learning_rate_init=0.01,
            max_iter=self.max_iter,
            random_state=self.seed,
        )
        self.model_.fit(Z, Z)  # input == target: learn to copy through the bottleneck
        self._set_threshold(X)
        return self

    def reconstruct(self, X) -> np.ndarray:
        """The network's rebuilt version of X, in scaled units."""
        return self.model_.predict(self.scaler_.transform(X))

    def score(self, X) -> np.ndarray:
        Z = self.scaler_.transform(X)
        return ((Z - self.model_.predict(Z)) ** 2).mean(axis=1)
