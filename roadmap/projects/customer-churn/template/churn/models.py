"""Several churn models, a soft-voting ensemble and a leaderboard.

Milestone 2. Fill in the four functions marked TODO.
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
from sklearn.model_selection import StratifiedKFold, cross_val_score  # noqa: F401
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
    # TODO: a VotingClassifier over unfitted copies (sklearn.base.clone) of the models.
    raise NotImplementedError("TODO: combine the models in a soft-voting ensemble")


def compare_models(models: dict, X_train, y_train, seed: int = 0, cv: int = 3) -> pd.DataFrame:
    """Cross-validated ROC AUC of every model on the TRAINING split: the numbers to choose by.

    The folds are ``StratifiedKFold(cv, shuffle=True, random_state=seed)``; every fold fits a
    fresh copy of the whole pipeline on the other folds. Returns a DataFrame with columns
    ``model``, ``cv_roc_auc`` (the mean over the folds) and ``cv_std``, best first. The test
    split is never touched, so it stays an honest estimate of the model chosen here.
    """
    # TODO: one cross_val_score per model, then build and sort the DataFrame.
    raise NotImplementedError("TODO: cross-validate every model on the training split")


def evaluate_models(models: dict, X_train, y_train, X_test, y_test) -> pd.DataFrame:
    """Fit every model on the training data and score it, once, on the test data.

    Returns a DataFrame with columns ``model`` and ``roc_auc``, best model first. The models
    in ``models`` are fitted in place, so the caller can use them afterwards. This is the
    final report, not a way to choose: choose with ``compare_models``.
    """
    # TODO: loop over the models: fit on the training split, score the test split with
    #       predict_proba and roc_auc_score; then build and sort the DataFrame.
    raise NotImplementedError("TODO: fit each model and build the ROC AUC leaderboard")
