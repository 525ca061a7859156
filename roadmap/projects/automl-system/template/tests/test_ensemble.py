"""Milestone 3: an ensemble of the best trials that beats a baseline."""
import numpy as np
from sklearn.dummy import DummyClassifier
from sklearn.ensemble import VotingClassifier
from sklearn.metrics import roc_auc_score
from sklearn.pipeline import Pipeline

from automl.core import AutoML
from automl.ensemble import build_ensemble, top_trials
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


def test_automl_beats_baseline(loan):
    model = AutoML(time_budget=60, n_trials=8, seed=0).fit(loan["X_train"], loan["y_train"])
    accuracy = model.score(loan["X_test"], loan["y_test"])
    baseline = DummyClassifier(strategy="most_frequent").fit(loan["X_train"], loan["y_train"])
    base_accuracy = baseline.score(loan["X_test"], loan["y_test"])
    assert accuracy >= base_accuracy + 0.08, (
        f"AutoML's held-out accuracy {accuracy:.3f} should beat the majority-class baseline "
        f"({base_accuracy:.3f}) by at least 0.08"
    )
    auc = roc_auc_score(loan["y_test"], model.predict_proba(loan["X_test"])[:, 1])
    assert auc >= 0.8, f"AutoML's held-out ROC AUC is {auc:.3f}, expected at least 0.8"
    assert model.search_.time_budget <= model.time_budget, "the search must get (part of) the time budget"
