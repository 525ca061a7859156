"""Combine the best trials into one soft-voting ensemble.

Milestone 4. Fill in ``top_trials`` and ``build_ensemble`` (then ``AutoML.fit`` in core.py).
"""
from __future__ import annotations

from sklearn.ensemble import VotingClassifier

from .preprocess import detect_column_types  # noqa: F401
from .search import SearchResult, make_pipeline  # noqa: F401


def top_trials(result: SearchResult, k: int = 3) -> list:
    """The ``k`` best trials, best first (ties: the earlier trial first)."""
    # TODO: sort result.trials by score (descending), then by number.
    raise NotImplementedError("TODO: pick the k best trials")


def build_ensemble(result: SearchResult, X, y, top_k: int = 3) -> VotingClassifier:
    """Fit a soft-voting ensemble of the ``top_k`` best trials on all of ``X, y``.

    Each member is a full pipeline rebuilt with ``make_pipeline(types, family, params,
    result.seed, result.features)``; give each member a unique name such as
    ``"1_random_forest"``. Use ``result.column_types`` (or detect them again when it is None).
    """
    # TODO: build the members, wrap them in VotingClassifier(..., voting="soft") and fit it.
    raise NotImplementedError("TODO: build and fit the ensemble of the best trials")
