import numpy as np
import pytest

from metrix import roc_auc_score


def test_roc_auc_score_perfect_and_reversed():
    assert roc_auc_score([0, 0, 1, 1], [0.1, 0.2, 0.8, 0.9]) == 1.0
    assert roc_auc_score([0, 0, 1, 1], [0.9, 0.8, 0.2, 0.1]) == 0.0


def test_roc_auc_score_example():
    assert roc_auc_score([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) == 0.75


def test_roc_auc_score_random_scores_are_near_one_half():
    rng = np.random.default_rng(0)
    y = rng.integers(0, 2, 2000)
    assert abs(roc_auc_score(y, rng.random(2000)) - 0.5) < 0.05


def test_issue_142_ranks_are_not_taken_from_argsort():
    # 0.3.0 ranked the scores with np.argsort, which breaks ties arbitrarily.
    import inspect

    assert "argsort" not in inspect.getsource(roc_auc_score)


def test_roc_auc_score_needs_both_classes():
    with pytest.raises(ValueError, match="both classes"):
        roc_auc_score([1, 1, 1], [0.1, 0.2, 0.3])


def test_roc_auc_score_rejects_non_binary_labels():
    with pytest.raises(ValueError, match="0 and 1"):
        roc_auc_score([0, 1, 2], [0.1, 0.2, 0.3])
