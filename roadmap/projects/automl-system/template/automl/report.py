"""A markdown report with the leaderboard of every trial.

Milestone 5. Fill in ``leaderboard_frame`` and ``write_report``.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from .search import SearchResult


def leaderboard_frame(result: SearchResult) -> pd.DataFrame:
    """One row per trial, best score first (ties: earlier trial first), with columns
    ``rank, trial, family, score, duration, params``.

    ``rank`` counts 1, 2, 3...; ``trial`` is the trial number; ``params`` is a readable
    string such as ``"max_depth=5, n_estimators=60"``.
    """
    # TODO: sort the trials and build the DataFrame.
    raise NotImplementedError("TODO: build the leaderboard table")


def write_report(path, result: SearchResult, evaluation: dict = None) -> Path:
    """Write a markdown report to ``path`` and return the path.

    Include at least:
    - a ``# `` title on the first line;
    - a summary: metric, number of trials, time used and the time budget, the best model;
    - the engineered features of the search (``result.features``), by name;
    - when ``evaluation`` is given, each ``name: value`` with 4 decimals;
    - a ``## Leaderboard`` section with a markdown table: a header row (rank, trial, family,
      score, ...), the ``|---|`` separator row and one row per trial, best first, scores with
      4 decimals.
    """
    # TODO: build a list of lines and write them with Path(path).write_text(...).
    raise NotImplementedError("TODO: write the markdown report")
