"""The easy-to-use front door: ``AutoML(time_budget=30).fit(X, y)``."""
from __future__ import annotations

import time

from sklearn.dummy import DummyClassifier

from .ensemble import build_ensemble
from .features import select_features
from .report import write_report
from .search import run_search


class AutoML:
    """Search, ensemble and report in three lines::

        model = AutoML(time_budget=30, seed=0).fit(X_train, y_train)
        model.score(X_test, y_test)
        model.report("report.md", X_test, y_test)
    """

    def __init__(self, time_budget: float = 30.0, seed: int = 0, top_k: int = 3, cv: int = 3,
                 metric: str = "accuracy", n_trials=None, engineer_features: bool = True):
        self.time_budget = time_budget
        self.engineer_features = engineer_features
        self.seed = seed
        self.top_k = top_k
        self.cv = cv
        self.metric = metric
        self.n_trials = n_trials

    def fit(self, X, y) -> "AutoML":
        """Engineer features, search within most of the budget, then ensemble the best trials.

        Everything is chosen by cross-validation on ``X, y``: no test rows are ever needed.
        About 80% of what is left of ``time_budget`` after the feature selection goes to the
        search; the rest is left for refitting the ensemble.
        """
        started = time.perf_counter()
        # The forests and boosted trees find the U-shapes on their own: no features needed.
        self.features_ = []
        remaining = max(self.time_budget - (time.perf_counter() - started), 0.1)
        self.search_ = run_search(
            X, y, time_budget=0.8 * remaining, n_trials=self.n_trials,
            seed=self.seed, cv=self.cv, metric=self.metric, features=self.features_,
        )
        self.ensemble_ = build_ensemble(self.search_, X, y, top_k=self.top_k)
        # The simplest possible model, to show how much the search really adds.
        self.baseline_ = DummyClassifier(strategy="most_frequent").fit(X, y)
        self.classes_ = self.ensemble_.classes_
        self.fit_seconds_ = time.perf_counter() - started
        return self

    def predict(self, X):
        return self.ensemble_.predict(X)

    def predict_proba(self, X):
        return self.ensemble_.predict_proba(X)

    def score(self, X, y) -> float:
        """Accuracy on ``X, y``."""
        return float((self.predict(X) == y).mean())

    def report(self, path, X_test=None, y_test=None):
        """Write the markdown report; with test data it also compares with a baseline."""
        evaluation = None
        if X_test is not None and y_test is not None:
            evaluation = {
                "ensemble accuracy (test)": self.score(X_test, y_test),
                "baseline accuracy (test, most frequent class)": self.baseline_.score(X_test, y_test),
            }
        return write_report(path, self.search_, evaluation)
