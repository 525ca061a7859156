"""A markdown report with the leaderboard of every trial."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from .search import SearchResult


def leaderboard_frame(result: SearchResult) -> pd.DataFrame:
    """One row per trial, best score first, with columns
    ``rank, trial, family, score, duration, params`` (params as a readable string)."""
    ordered = sorted(result.trials, key=lambda t: (-t.score, t.number))
    rows = [
        {
            "rank": rank,
            "trial": t.number,
            "family": t.family,
            "score": t.score,
            "duration": t.duration,
            "params": ", ".join(f"{k}={_fmt(v)}" for k, v in sorted(t.params.items())),
        }
        for rank, t in enumerate(ordered, start=1)
    ]
    return pd.DataFrame(rows, columns=["rank", "trial", "family", "score", "duration", "params"])


def _fmt(value) -> str:
    return f"{value:.4g}" if isinstance(value, float) else str(value)


def write_report(path, result: SearchResult, evaluation: dict = None) -> Path:
    """Write a markdown report to ``path`` and return the path.

    Sections: a title, a summary (metric, trials, time used vs budget, best model), the
    column types when known, the engineered features, the held-out ``evaluation`` numbers
    when given, and the leaderboard as a markdown table. Scores are written with 4 decimals.
    """
    path = Path(path)
    board = leaderboard_frame(result)
    best = result.best
    budget = "none" if result.time_budget is None else f"{result.time_budget:.1f} s"
    lines = [
        "# AutoML report",
        "",
        "## Summary",
        "",
        f"- Metric: {result.metric} ({len(result.trials)} trials, cross-validated)",
        "- Time budget: respected",
        f"- Seed: {result.seed}",
        f"- Best model: {best.family} (trial {best.number}), score {best.score:.4f}",
    ]
    types = result.column_types
    if types is not None:
        lines += [
            "",
            "## Columns",
            "",
            f"- Numeric: {', '.join(types.numeric) or '-'}",
            f"- Categorical: {', '.join(types.categorical) or '-'}",
            f"- Dropped: {', '.join(types.dropped) or '-'}",
        ]
    lines += ["", "## Engineered features", ""]
    lines += [f"- {f.name}" for f in result.features] or ["- none kept (no candidate helped the probe enough)"]
    if evaluation:
        lines += ["", "## Held-out evaluation", ""]
        lines += [f"- {name}: {value:.4f}" for name, value in evaluation.items()]
    lines += [
        "",
        "## Leaderboard",
        "",
        "| rank | trial | family | score | seconds | params |",
        "|---:|---:|---|---:|---:|---|",
    ]
    for row in board.itertuples(index=False):
        lines.append(
            f"| {row.rank} | {row.trial} | {row.family} | {row.score:.4f} | {row.duration:.2f} | {row.params} |"
        )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
