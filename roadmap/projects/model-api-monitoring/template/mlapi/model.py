"""Model versions: train, package, save and load (milestone 1).

A *model version* is more than an estimator: it is the fitted pipeline plus the facts a server
and an operator need about it (its name, the feature order it expects, the classes it answers,
how well it did on held-out data) and a checksum, so a corrupted or swapped file is refused
instead of silently served.
"""
from __future__ import annotations

import hashlib
import json  # noqa: F401
from dataclasses import dataclass, field
from datetime import datetime, timezone  # noqa: F401
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

MODEL_FILE = "model.joblib"
CARD_FILE = "card.json"
KINDS = ("logreg", "forest")


@dataclass
class ModelVersion:
    """A fitted model and its metadata."""

    version: str
    kind: str
    estimator: Any
    feature_names: list[str]
    classes: list[str]
    metrics: dict = field(default_factory=dict)

    def predict_proba(self, frame: pd.DataFrame) -> np.ndarray:
        """Probabilities, one row per row of ``frame``, one column per entry of ``self.classes``.

        TODO: give the estimator the columns in ``self.feature_names`` order (a caller may send
        them in any order), and return the columns of its ``predict_proba`` in the order of
        ``self.classes``.
        """
        raise NotImplementedError("TODO: ModelVersion.predict_proba")

    def predict(self, frame: pd.DataFrame) -> list[str]:
        proba = self.predict_proba(frame)
        return [self.classes[i] for i in proba.argmax(axis=1)]

    def card(self) -> dict:
        """What ``GET /models/{version}`` shows (JSON-serialisable)."""
        return {
            "version": self.version,
            "kind": self.kind,
            "feature_names": list(self.feature_names),
            "classes": list(self.classes),
            "metrics": dict(self.metrics),
        }


def build_estimator(kind: str, seed: int = 0):
    """An unfitted scikit-learn estimator (or pipeline) for ``kind``.

    TODO: "logreg" is a scaled logistic regression, "forest" a random forest (seeded with
    ``seed``). Any other kind is a ValueError.
    """
    raise NotImplementedError("TODO: build_estimator")


def train_version(version: str, kind: str, X_train: pd.DataFrame, y_train: pd.Series,
                  X_test: pd.DataFrame, y_test: pd.Series, seed: int = 0) -> ModelVersion:
    """Fit ``kind`` on the training split only and record its held-out accuracy.

    TODO: return a ModelVersion with ``feature_names`` = the training columns, ``classes`` =
    the sorted class names, and ``metrics["holdout_accuracy"]`` = accuracy on (X_test, y_test).
    """
    raise NotImplementedError("TODO: train_version")


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()


def save_version(mv: ModelVersion, directory: Path) -> Path:
    """Write ``model.joblib`` and ``card.json`` into ``directory`` and return ``directory``.

    TODO: dump the estimator with joblib; the card is ``mv.card()`` plus ``"sha256"`` of the
    model file (``_sha256``) and a ``"created"`` timestamp.
    """
    raise NotImplementedError("TODO: save_version")


def load_version(directory: Path) -> ModelVersion:
    """Read a saved version back.

    TODO: read the card, check the model file's sha256 against it and raise ValueError when
    they differ (a corrupted or replaced file is never served), then load the estimator.
    """
    raise NotImplementedError("TODO: load_version")
