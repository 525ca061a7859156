"""Milestone 4: a leaderboard and a markdown report."""
import dataclasses
import re

from automl.features import Feature
from automl.report import leaderboard_frame, write_report


def test_leaderboard_frame_is_sorted(search8):
    result = search8()
    board = leaderboard_frame(result)
    for column in ("rank", "trial", "family", "score", "params"):
        assert column in board.columns, f"the leaderboard needs a '{column}' column"
    assert len(board) == len(result.trials), "one row per completed trial"
    assert list(board["score"]) == sorted(board["score"], reverse=True), "best score first"
    assert list(board["rank"]) == list(range(1, len(board) + 1)), "ranks are 1, 2, 3, ..."
    top = board.iloc[0]
    assert top["family"] == result.best.family and top["trial"] == result.best.number, "row 1 must be the best trial"
    for key in result.best.params:
        assert f"{key}=" in str(top["params"]), f"params should read like 'name=value', missing {key} in {top['params']!r}"


def test_report_has_leaderboard(search8, tmp_path):
    engineered = (Feature("square", "age"), Feature("ratio", "debt_ratio", "income"))
    result = dataclasses.replace(search8(), features=engineered, elapsed=12.34, time_budget=20.0)
    target = tmp_path / "report.md"
    returned = write_report(target, result, {"ensemble accuracy (test)": 0.81234, "baseline accuracy (test)": 0.665})
    assert target.exists(), "write_report must create the file it is given"
    assert str(returned) == str(target), "write_report should return the path it wrote"
    text = target.read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines and lines[0].startswith("# "), "start the report with a markdown title"
    assert "## Leaderboard" in text, "the report needs a '## Leaderboard' section"
    table = [line for line in lines if line.startswith("|")]
    assert len(table) == len(result.trials) + 2, (
        f"the leaderboard table needs a header, a separator and one row per trial ({len(result.trials)}), "
        f"found {len(table)} table lines"
    )
    assert "rank" in table[0] and "family" in table[0] and "score" in table[0], "table header: rank, family, score, ..."
    assert set(table[1].replace("|", "").replace(":", "").replace(" ", "")) == {"-"}, "second table line must be the separator"
    assert result.best.family in table[2] and f"{result.best.score:.4f}" in table[2], (
        "the first table row must be the best trial, with its score to 4 decimals"
    )
    for family in {t.family for t in result.trials}:
        assert family in text, f"family '{family}' is missing from the report"
    assert "0.8123" in text and "0.6650" in text, "held-out evaluation numbers must appear with 4 decimals"
    assert "budget" in text.lower(), "say how much time was used out of the budget"
    numbers = [float(n) for n in re.findall(r"\d+(?:\.\d+)?", text)]
    assert any(abs(n - 12.34) < 0.051 for n in numbers) and 20.0 in numbers, (
        "the summary must give the time the search used (12.34 s here) and its budget (20 s)"
    )
    for name in ("(age-median)^2", "debt_ratio/income"):
        assert name in text, f"list the engineered features of the search by name: {name} is missing"
