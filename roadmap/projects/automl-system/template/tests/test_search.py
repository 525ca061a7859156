"""Milestone 2: search model families and hyperparameters with Optuna."""
import threading
import time

from sklearn.ensemble import GradientBoostingClassifier, RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.neighbors import KNeighborsClassifier

from automl.search import MODEL_FAMILIES, make_estimator, run_search

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
    assert abs(result.elapsed - wall) < 1.0, f"result.elapsed ({result.elapsed:.1f} s) should be the search's duration"
    assert result.time_budget == budget, "the result must record the time budget it was given"


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
