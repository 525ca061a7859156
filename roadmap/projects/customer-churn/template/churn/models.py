"""Several churn models, a soft-voting ensemble and a leaderboard.

Milestone 2. Fill in the three functions marked TODO.
"""
from __future__ import annotations

import pandas as pd
from sklearn.base import clone  # noqa: F401
from sklearn.ensemble import (  # noqa: F401
    GradientBoostingClassifier,
    RandomForestClassifier,
    VotingClassifier,
)
from sklearn.linear_model import LogisticRegression  # noqa: F401
from sklearn.metrics import roc_auc_score  # noqa: F401
from sklearn.pipeline import Pipeline  # noqa: F401

from .features import build_preprocessor  # noqa: F401


def make_models(seed: int = 0) -> dict:
    """Return ``{name: Pipeline(preprocess -> model)}`` for three model families.

    Use exactly these names (the tests and ``train.py`` look them up):
    ``"logistic_regression"``, ``"random_forest"``, ``"gradient_boosting"``.
    Give each pipeline its OWN ``build_preprocessor()`` and pass ``random_state=seed`` to
    the models that are random. Keep them small enough to train in about a second.
    """
    # TODO: build and return the three pipelines.
    raise NotImplementedError("TODO: return three Pipeline(preprocess -> model) objects")


def make_ensemble(models: dict) -> VotingClassifier:
    """A soft-voting ensemble of (unfitted copies of) ``models``."""
    # TODO: VotingClassifier(estimators=[(name, clone(model)), ...], voting="soft")
    raise NotImplementedError("TODO: combine the models in a soft-voting ensemble")


def evaluate_models(models: dict, X_train, y_train, X_test, y_test) -> pd.DataFrame:
    """Fit every model on the training split and measure ROC AUC on the test split.

    Returns a DataFrame with columns ``model`` and ``roc_auc``, best first. The models are
    fitted in place so the caller can use them afterwards.
    """
    # TODO: loop over the models: fit, predict_proba(X_test)[:, 1], roc_auc_score; then
    #       build and sort the DataFrame.
    raise NotImplementedError("TODO: fit each model and build the ROC AUC leaderboard")
