"""Milestone 3: an ensemble of the best trials that beats a baseline."""
import numpy as np
from sklearn.ensemble import VotingClassifier
from sklearn.metrics import roc_auc_score
from sklearn.pipeline import Pipeline

from automl.core import AutoML
from automl.ensemble import build_ensemble, top_trials
from automl.features import select_features
from automl.search import make_estimator


def test_ensemble_uses_top_trials(loan, search8):
    result = search8()
    best3 = top_trials(result, 3)
    scores = [t.score for t in best3]
    assert len(best3) == 3 and scores == sorted(scores, reverse=True), "top_trials must return the k best, best first"
    assert scores[0] == result.best.score, "the first of the top trials must be the best one"

    ensemble = build_ensemble(result, loan["X_train"], loan["y_train"], top_k=3)
    assert isinstance(ensemble, VotingClassifier) and ensemble.voting == "soft", (
        "build a VotingClassifier with voting='soft' (it averages probabilities)"
    )
    members = ensemble.estimators_  # only exists once fitted
    assert len(members) == 3, f"top_k=3 means 3 members, got {len(members)}"
    for member, trial in zip(members, best3):
        assert isinstance(member, Pipeline), "each member must be a full Pipeline (preprocessing + model)"
        model = member.steps[-1][1]
        expected = make_estimator(trial.family, trial.params, seed=0)
        assert type(model) is type(expected), (
            f"member for trial {trial.number} should be {type(expected).__name__}, got {type(model).__name__}"
        )
        for key, value in trial.params.items():
            assert model.get_params()[key] == value, f"trial {trial.number}: {key} should be {value}"
    proba = ensemble.predict_proba(loan["X_test"])
    assert proba.shape == (len(loan["X_test"]), 2) and np.allclose(proba.sum(axis=1), 1.0)


def _held_out(model, X, y):
    accuracy = model.score(X, y)
    auc = roc_auc_score(y, model.predict_proba(X)[:, 1])
    return accuracy, auc


def test_automl_beats_baseline(loan, fresh_loan, automl_loan):
    model, seconds = automl_loan()
    assert isinstance(model.ensemble_, VotingClassifier), "ensemble_ must be the VotingClassifier of the best trials"
    names = [name for name, _ in model.ensemble_.estimators]
    expected = [f"{rank}_{t.family}" for rank, t in enumerate(top_trials(model.search_, model.top_k), start=1)]
    assert names == expected, f"the ensemble's members should be the top {model.top_k} trials {expected}, got {names}"
    selected = select_features(loan["X_train"], loan["y_train"], seed=0, cv=model.cv)
    assert list(model.features_) == list(selected), (
        f"AutoML must engineer features with select_features: it should keep {[f.name for f in selected]}, "
        f"kept {[f.name for f in model.features_]}"
    )
    assert tuple(model.search_.features) == tuple(model.features_), "the search must use the features selected"
    assert abs(model.fit_seconds_ - seconds) <= 0.5 + 0.1 * seconds, (
        f"fit_seconds_ is {model.fit_seconds_:.2f} s, but fit took {seconds:.2f} s"
    )
    assert model.search_.time_budget <= model.time_budget, "the search must get (part of) the time budget"
    X, y = fresh_loan
    accuracy, auc = _held_out(model, X, y)
    majority = max(y.mean(), 1 - y.mean())
    assert accuracy >= 0.80 and accuracy >= majority + 0.15, (
        f"on 2,000 new applications AutoML's accuracy is {accuracy:.3f}; it must reach 0.80 and beat "
        f"the majority class ({majority:.3f}) by 0.15 (a default logistic regression gets about 0.77)"
    )
    assert auc >= 0.88, f"AutoML's held-out ROC AUC is {auc:.3f}, expected at least 0.88 (logistic regression: 0.83)"


def test_automl_learns_a_rule_it_has_not_seen(relabeled):
    model = AutoML(time_budget=60, n_trials=4, seed=0, engineer_features=False).fit(
        relabeled["X_train"], relabeled["y_train"])
    accuracy, auc = _held_out(model, relabeled["X_check"], relabeled["y_check"])
    assert accuracy >= 0.76 and auc >= 0.84, (
        f"on applications labelled by a rule of the tests, AutoML reaches accuracy {accuracy:.3f} and "
        f"ROC AUC {auc:.3f}; expected at least 0.76 and 0.84 (a default logistic regression: 0.69, 0.76)"
    )
