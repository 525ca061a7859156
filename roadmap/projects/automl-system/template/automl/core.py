"""The easy-to-use front door: ``AutoML(time_budget=30).fit(X, y)``.

Milestone 4. Fill in ``AutoML.fit``; the other methods are given.
"""
from __future__ import annotations

import time  # noqa: F401

from sklearn.dummy import DummyClassifier  # noqa: F401

from .ensemble import build_ensemble  # noqa: F401
from .features import select_features  # noqa: F401
from .report import write_report
from .search import run_search  # noqa: F401


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
        Set these attributes and return ``self``:
        - ``features_``: ``select_features(X, y, seed, cv)`` when ``engineer_features`` is true,
          else an empty list;
        - ``search_``: the SearchResult of ``run_search`` with those features, given about 80%
          of the time that is left of ``time_budget`` (keep the rest for refitting the
          ensemble) and this object's n_trials, seed, cv, metric;
        - ``ensemble_``: ``build_ensemble(self.search_, X, y, top_k=self.top_k)``;
        - ``baseline_``: a DummyClassifier(strategy="most_frequent") fitted on X, y;
        - ``classes_`` (from the ensemble) and ``fit_seconds_`` (how long fit took).
        """
        # TODO: select the features, run the search, build the ensemble and the baseline,
        #       record the time.
        raise NotImplementedError("TODO: features, search, then ensemble the best trials")

    def predict(self, X):
        return self.ensemble_.predict(X)

    def predict_proba(self, X):
        return self.ensemble_.predict_proba(X)

    def score(self, X, y) -> float:
        """Accuracy on ``X, y``."""
        return float((self.predict(X) == y).mean())

    def report(self, path, X_test=None, y_test=None):
        """Write the markdown report; with test data it also compares with the baseline."""
        evaluation = None
        if X_test is not None and y_test is not None:
            evaluation = {
                "ensemble accuracy (test)": self.score(X_test, y_test),
                "baseline accuracy (test, most frequent class)": self.baseline_.score(X_test, y_test),
            }
        return write_report(path, self.search_, evaluation)
