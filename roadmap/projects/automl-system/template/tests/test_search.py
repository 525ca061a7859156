"""Milestone 2: search model families and hyperparameters with Optuna."""
import threading
import time

from sklearn.ensemble import GradientBoostingClassifier, RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_val_score
from sklearn.neighbors import KNeighborsClassifier

from automl.preprocess import detect_column_types
from automl.search import MODEL_FAMILIES, make_estimator, make_pipeline, run_search

EXPECTED_TYPES = {
    "logistic_regression": LogisticRegression,
    "random_forest": RandomForestClassifier,
    "gradient_boosting": GradientBoostingClassifier,
    "knn": KNeighborsClassifier,
}


def test_every_family_is_tried(search8):
    result = search8()
    assert len(result.trials) == 8, f"n_trials=8 must give 8 completed trials, got {len(result.trials)}"
    tried = {t.family for t in result.trials}
    assert tried == set(MODEL_FAMILIES), (
        f"every family should be tried at least once, tried {sorted(tried)}; "
        "enqueue one trial per family before optimising"
    )
    for trial in result.trials:
        assert 0.0 <= trial.score <= 1.0, f"trial {trial.number}: score {trial.score} is not an accuracy"
        estimator = make_estimator(trial.family, trial.params, seed=0)
        assert isinstance(estimator, EXPECTED_TYPES[trial.family]), (
            f"make_estimator('{trial.family}', ...) returned {type(estimator).__name__}"
        )
    assert result.best.score == max(t.score for t in result.trials), "best must be the trial with the top score"
    assert result.best.score >= 0.8, f"the best cross-validated accuracy is only {result.best.score:.3f}"
    distinct = {(t.family, tuple(sorted(t.params.items()))) for t in result.trials}
    assert len(distinct) >= 6, (
        f"8 trials should try at least 6 different settings, got {len(distinct)}: let Optuna's "
        "sampler suggest the params (trial.suggest_*), do not fix them"
    )


def test_trial_scores_are_cross_validated(loan, search8):
    result = search8()
    X, y = loan["X_train"], loan["y_train"]
    types = detect_column_types(X)
    folds = StratifiedKFold(n_splits=3, shuffle=True, random_state=0)
    for trial in result.trials:  # every one: a shortcut taken only on some trials shows too
        pipeline = make_pipeline(types, trial.family, trial.params, 0, result.features)
        expected = float(cross_val_score(pipeline, X, y, cv=folds, scoring="accuracy").mean())
        assert abs(trial.score - expected) < 1e-9, (
            f"trial {trial.number} ({trial.family}, {trial.params}) reports {trial.score:.4f}, but "
            f"cross-validating its pipeline on the training rows (StratifiedKFold(3, shuffle=True, "
            f"random_state=seed), the whole pipeline refitted on every fold) gives {expected:.4f}"
        )


def test_search_respects_time_budget(loan):
    budget = 1.5
    outcome = {}

    def work():
        try:
            outcome["result"] = run_search(loan["X_train"], loan["y_train"], time_budget=budget, n_trials=None, seed=1)
        except BaseException as exc:  # handed to the test below
            outcome["error"] = exc

    started = time.perf_counter()
    worker = threading.Thread(target=work, daemon=True)
    worker.start()
    worker.join(timeout=budget + 30)
    wall = time.perf_counter() - started
    assert not worker.is_alive(), "run_search with n_trials=None never stopped: pass timeout=time_budget to Optuna"
    if "error" in outcome:
        raise outcome["error"]
    result = outcome["result"]
    assert len(result.trials) >= 1, "at least one trial must finish"
    longest = max(t.duration for t in result.trials)
    allowed = budget + longest + 1.0
    assert wall <= allowed, (
        f"the search took {wall:.1f} s; with a {budget} s budget it may only overrun by the last "
        f"trial ({longest:.1f} s) plus 1 s"
    )
    assert wall >= budget - longest, (
        f"with no trial limit the search stopped after {wall:.1f} s and {len(result.trials)} trials: it "
        f"should go on until the {budget} s budget is used (Optuna's timeout=time_budget does that)"
    )
    assert abs(result.elapsed - wall) < 1.0, f"result.elapsed ({result.elapsed:.1f} s) should be the search's duration"
    assert result.time_budget == budget, "the result must record the time budget it was given"
    first = result.trials[0]
    folds = StratifiedKFold(n_splits=3, shuffle=True, random_state=1)
    pipeline = make_pipeline(detect_column_types(loan["X_train"]), first.family, first.params, 1, result.features)
    expected = float(cross_val_score(pipeline, loan["X_train"], loan["y_train"], cv=folds, scoring="accuracy").mean())
    assert abs(first.score - expected) < 1e-9, (
        f"with seed=1, trial {first.number} reports {first.score:.4f} but its cross-validation with "
        f"StratifiedKFold(3, shuffle=True, random_state=1) gives {expected:.4f}: use the seed you are given"
    )


def test_same_seed_same_leaderboard(loan, search8):
    first = search8()
    second = run_search(loan["X_train"], loan["y_train"], time_budget=None, n_trials=8, seed=0)

    def summary(result):
        return [(t.family, t.params, round(t.score, 12)) for t in result.trials]

    assert summary(second) == summary(first), (
        "the same seed must give the same trials: seed Optuna's sampler, the CV folds and every model"
    )
    assert (second.best.family, second.best.params) == (first.best.family, first.best.params), (
        "the same seed must give the same best model"
    )
