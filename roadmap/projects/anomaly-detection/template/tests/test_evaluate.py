"""Milestone 1: metrics for a detector when anomalies are rare."""
import numpy as np
import pytest

from anomaly.evaluate import best_f1_threshold, evaluate, precision_at_k


def test_perfect_and_reversed_scores():
    y = np.array([0, 0, 0, 1, 0, 1, 0, 0])
    perfect = y * 10.0 + np.arange(8) * 0.01
    result = evaluate(y, perfect)
    for key in ("roc_auc", "average_precision", "precision_at_k"):
        assert key in result, f"evaluate() must return '{key}'"
        assert result[key] == pytest.approx(1.0), f"scores that rank every anomaly first give {key} = 1, got {result[key]}"
    reversed_result = evaluate(y, -perfect)
    assert reversed_result["roc_auc"] == pytest.approx(0.0), (
        "scores that rank every anomaly LAST must give ROC AUC 0: higher score = more anomalous"
    )
    assert "precision" not in result, "precision/recall/f1 are only reported when flags are given"


def test_hand_worked_example():
    y = [0, 0, 1, 0, 1, 0]
    scores = [0.1, 0.4, 0.35, 0.8, 0.9, 0.2]
    flags = [0, 0, 1, 1, 1, 0]
    # 2 anomalies: the top 2 scores are 0.9 (anomaly) and 0.8 (normal) -> precision@2 = 0.5.
    assert precision_at_k(y, scores, 2) == pytest.approx(0.5), "precision@2 should be 1 hit out of 2"
    result = evaluate(y, scores, flags)
    # Pairs (anomaly, normal) ranked correctly: 0.35 beats 0.1 and 0.2; 0.9 beats all 4 -> 6/8.
    assert result["roc_auc"] == pytest.approx(0.75), f"ROC AUC should be 6/8 = 0.75, got {result['roc_auc']}"
    assert result["precision_at_k"] == pytest.approx(0.5), "precision_at_k uses k = number of anomalies"
    assert result["precision"] == pytest.approx(2 / 3), "3 flagged, 2 of them anomalies: precision 2/3"
    assert result["recall"] == pytest.approx(1.0), "both anomalies are flagged: recall 1"
    assert result["f1"] == pytest.approx(0.8), "f1 = 2PR/(P+R) = 0.8"


def test_best_f1_threshold_by_hand():
    y = [0, 0, 1, 0, 1, 0]
    scores = [0.1, 0.4, 0.35, 0.8, 0.9, 0.2]
    # Flag at 0.9: 1 of 1 right, 1 of 2 found -> F1 2/3. At 0.35: 2 of 4 right, 2 of 2 found -> 2/3.
    # Every other threshold does worse; of the two, the higher one raises fewer alarms.
    got = best_f1_threshold(y, scores)
    assert got is not None and len(got) == 2, "return (threshold, f1)"
    threshold, f1 = got
    assert f1 == pytest.approx(2 / 3), f"the best F1 here is 2/3, got {f1}"
    assert threshold == pytest.approx(0.9), f"0.9 and 0.35 tie on F1; keep the higher threshold, got {threshold}"
    threshold, f1 = best_f1_threshold([0, 1, 0, 1, 1], [0.2, 0.6, 0.5, 0.7, 0.9])
    assert (threshold, f1) == (pytest.approx(0.6), pytest.approx(1.0)), (
        f"flagging scores >= 0.6 catches all three anomalies and nothing else; got {threshold}, {f1}"
    )
