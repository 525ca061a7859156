"""Model selection and hyperparameter search with Optuna, within a time budget."""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Dict, List, Optional

import optuna
from sklearn.ensemble import GradientBoostingClassifier, RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_val_score
from sklearn.neighbors import KNeighborsClassifier
from sklearn.pipeline import Pipeline

from .features import FeatureGenerator, widen_types
from .preprocess import build_preprocessor, detect_column_types

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
    """Ask ``trial`` for the hyperparameters of ``family``; return them without prefixes.

    Each family has its own parameter names in Optuna (a prefix), so that two families never
    share a name with different ranges. The ranges are kept small so a trial takes well under
    a second on one core.
    """
    if family == "logistic_regression":
        return {"C": trial.suggest_float("lr_C", 1e-3, 1e2, log=True)}
    if family == "random_forest":
        return {
            "n_estimators": trial.suggest_int("rf_n_estimators", 10, 60, step=10),
            "max_depth": trial.suggest_int("rf_max_depth", 2, 10),
            "min_samples_leaf": trial.suggest_int("rf_min_samples_leaf", 1, 10),
        }
    if family == "gradient_boosting":
        return {
            "n_estimators": trial.suggest_int("gb_n_estimators", 20, 100, step=10),
            "learning_rate": trial.suggest_float("gb_learning_rate", 0.02, 0.3, log=True),
            "max_depth": trial.suggest_int("gb_max_depth", 1, 4),
        }
    if family == "knn":
        return {
            "n_neighbors": trial.suggest_int("knn_n_neighbors", 3, 50),
            "weights": trial.suggest_categorical("knn_weights", ["uniform", "distance"]),
        }
    raise ValueError(f"unknown model family {family!r}")


def make_estimator(family: str, params: dict, seed: int = 0):
    """Build an unfitted classifier of ``family`` with ``params`` (random ones get ``seed``)."""
    if family == "logistic_regression":
        return LogisticRegression(max_iter=2000, **params)
    if family == "random_forest":
        return RandomForestClassifier(random_state=seed, n_jobs=1, **params)
    if family == "gradient_boosting":
        return GradientBoostingClassifier(random_state=seed, **params)
    if family == "knn":
        return KNeighborsClassifier(**params)
    raise ValueError(f"unknown model family {family!r}")


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
    Return a ``SearchResult`` with every COMPLETED trial in the order they ran.
    """
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    types = detect_column_types(X)
    features = tuple(features)
    folds = StratifiedKFold(n_splits=cv, shuffle=True, random_state=0)  # fixed: always reproducible

    def objective(trial: optuna.Trial) -> float:
        started = time.perf_counter()
        family = trial.suggest_categorical("family", list(families))
        params = suggest_params(trial, family)
        pipeline = make_pipeline(types, family, params, seed, features)
        score = float(cross_val_score(pipeline, X, y, cv=folds, scoring=metric).mean())
        trial.set_user_attr("params", params)
        trial.set_user_attr("duration", time.perf_counter() - started)
        return score

    study = optuna.create_study(direction="maximize", sampler=optuna.samplers.TPESampler(seed=seed))
    for family in families:
        study.enqueue_trial({"family": family})

    started = time.perf_counter()
    study.optimize(objective, n_trials=n_trials, timeout=time_budget)
    elapsed = time.perf_counter() - started

    trials = [
        TrialResult(
            number=t.number,
            family=t.params["family"],
            params=t.user_attrs["params"],
            score=float(t.value),
            duration=float(t.user_attrs["duration"]),
        )
        for t in study.trials
        if t.state == optuna.trial.TrialState.COMPLETE
    ]
    best = max(trials, key=lambda t: (t.score, -t.number))
    return SearchResult(
        trials=trials,
        best=best,
        elapsed=elapsed,
        time_budget=time_budget,
        metric=metric,
        seed=seed,
        column_types=types,
        features=features,
    )
