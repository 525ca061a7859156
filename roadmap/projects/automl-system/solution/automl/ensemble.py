"""Combine the best trials into one soft-voting ensemble."""
from __future__ import annotations

from sklearn.ensemble import VotingClassifier

from .preprocess import detect_column_types
from .search import SearchResult, make_pipeline


def top_trials(result: SearchResult, k: int = 3) -> list:
    """The ``k`` best trials, best first (ties: the earlier trial first)."""
    return sorted(result.trials, key=lambda t: (-t.score, t.number))[:k]


def build_ensemble(result: SearchResult, X, y, top_k: int = 3) -> VotingClassifier:
    """Fit a soft-voting ensemble of the ``top_k`` best trials on all of ``X, y``.

    Each member is a full pipeline (its own preprocessing), rebuilt from the trial's family
    and params. Averaging the probabilities of good but different models usually beats each
    of them alone.
    """
    types = result.column_types or detect_column_types(X)
    members = [
        (f"{rank}_{trial.family}",
         make_pipeline(types, trial.family, trial.params, result.seed, result.features))
        for rank, trial in enumerate(top_trials(result, top_k), start=1)
    ]
    return VotingClassifier(members, voting="soft").fit(X, y)
