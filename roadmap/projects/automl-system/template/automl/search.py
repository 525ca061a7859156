"""Model selection and hyperparameter search with Optuna, within a time budget.

Milestone 3. Fill in ``suggest_params``, ``make_estimator`` and ``run_search``.
"""
from __future__ import annotations

import time  # noqa: F401
from dataclasses import dataclass, field
from typing import Dict, List, Optional

import optuna
from sklearn.ensemble import GradientBoostingClassifier, RandomForestClassifier  # noqa: F401
from sklearn.linear_model import LogisticRegression  # noqa: F401
from sklearn.model_selection import StratifiedKFold, cross_val_score  # noqa: F401
from sklearn.neighbors import KNeighborsClassifier  # noqa: F401
from sklearn.pipeline import Pipeline

from .features import FeatureGenerator, widen_types
from .preprocess import build_preprocessor, detect_column_types  # noqa: F401

MODEL_FAMILIES = ("logistic_regression", "random_forest", "gradient_boosting", "knn")


@dataclass
class TrialResult:
    number: int  # Optuna's trial number: the order in which trials ran
    family: str  # one of MODEL_FAMILIES
    params: Dict[str, object]  # arguments for make_estimator (without the family)
    score: float  # mean cross-validation score, higher is better
    duration: float  # seconds the trial took


@dataclass
class SearchResult:
    trials: List[TrialResult]  # every completed trial, in the order they ran
    best: TrialResult
    elapsed: float  # seconds the whole search took
    time_budget: Optional[float]
    metric: str
    seed: int
    column_types: object = None
    features: tuple = ()  # the engineered features every pipeline of this search adds
    extra: dict = field(default_factory=dict)


def suggest_params(trial: optuna.Trial, family: str) -> dict:
    """Ask ``trial`` for the hyperparameters of ``family``; return them WITHOUT prefixes.

    Give each family's parameters a prefix inside Optuna (``"rf_max_depth"``...) so two
    families never share a name, but return plain keyword arguments (``{"max_depth": 5}``).
    Keep the ranges small so one trial takes well under a second, for example:
    - logistic_regression: C in [1e-3, 100] (log scale);
    - random_forest: n_estimators 10..60 (step 10), max_depth 2..10, min_samples_leaf 1..10;
    - gradient_boosting: n_estimators 20..100 (step 10), learning_rate 0.02..0.3 (log), max_depth 1..4;
    - knn: n_neighbors 3..50, weights "uniform" or "distance".
    """
    # TODO: one branch per family using trial.suggest_float / suggest_int / suggest_categorical.
    raise NotImplementedError("TODO: suggest hyperparameters for one model family")


def make_estimator(family: str, params: dict, seed: int = 0):
    """Build an unfitted classifier of ``family`` with ``params``.

    Random models get ``random_state=seed`` (and ``n_jobs=1``); LogisticRegression needs a
    generous ``max_iter``. Raise ValueError for an unknown family.
    """
    # TODO: one branch per family.
    raise NotImplementedError("TODO: build the estimator of one model family")


def make_pipeline(types, family: str, params: dict, seed: int = 0, features=()) -> Pipeline:
    """Engineered features, preprocessing and model in one object (GIVEN).

    ``types`` are the column types of the raw table; cross-validating the whole pipeline
    refits every step on each training fold, so nothing leaks from the validation fold.
    """
    features = tuple(features)
    return Pipeline([
        ("features", FeatureGenerator(features)),
        ("preprocess", build_preprocessor(widen_types(types, features))),
        ("model", make_estimator(family, params, seed)),
    ])


def run_search(
    X,
    y,
    time_budget: Optional[float] = 10.0,
    n_trials: Optional[int] = None,
    seed: int = 0,
    cv: int = 3,
    metric: str = "accuracy",
    families=MODEL_FAMILIES,
    features=(),
) -> SearchResult:
    """Search model families and hyperparameters with Optuna's TPE sampler.

    - Stop after ``n_trials`` trials or after ``time_budget`` seconds, whichever comes first
      (``None`` means no limit of that kind).
    - Each trial: pick a family, suggest its params, and score ``make_pipeline(types, family,
      params, seed, features)`` by cross-validation on ``X, y``: the mean ``cross_val_score``
      (``scoring=metric``) over ``StratifiedKFold(cv, shuffle=True, random_state=seed)``.
      The tests recompute these scores.
    - Try every family once first (``study.enqueue_trial``) so a small budget still compares them.
    - Reproducible: the same seed and n_trials give the same trials, params and scores.
    - Keep Optuna quiet: ``optuna.logging.set_verbosity(optuna.logging.WARNING)``.
    Return a ``SearchResult`` with every COMPLETED trial in the order they ran, the column
    types and the features.
    """
    # TODO: detect the column types, define the objective, create a seeded study, enqueue one
    #       trial per family, optimize with n_trials and timeout, and collect the results.
    raise NotImplementedError("TODO: run the Optuna search within the time budget")
