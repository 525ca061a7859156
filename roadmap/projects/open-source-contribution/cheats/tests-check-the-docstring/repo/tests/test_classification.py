import numpy as np
import pytest

from metrix import accuracy_score, confusion_matrix, precision_recall_fscore, top_k_accuracy_score

TOP_K_SCORES = [[0.5, 0.3, 0.2], [0.1, 0.2, 0.7], [0.2, 0.3, 0.5], [0.6, 0.3, 0.1]]
TOP_K_LABELS = [0, 1, 2, 2]


def test_accuracy_score():
    assert accuracy_score([0, 1, 2, 2], [0, 2, 2, 2]) == 0.75
    assert accuracy_score([0, 1, 2, 2], [0, 2, 2, 2], normalize=False) == 3
    assert accuracy_score(np.array([[1], [0]]), [1, 0]) == 1.0


def test_accuracy_score_rejects_inconsistent_lengths():
    with pytest.raises(ValueError, match="inconsistent"):
        accuracy_score([0, 1], [0, 1, 1])


def test_accuracy_score_rejects_empty_input():
    with pytest.raises(ValueError, match="empty"):
        accuracy_score([], [])


def test_top_k_accuracy_counts_the_k_best_classes():
    assert top_k_accuracy_score(TOP_K_LABELS, TOP_K_SCORES) == 0.75
    assert top_k_accuracy_score(TOP_K_LABELS, TOP_K_SCORES, k=2) == 0.75
    assert top_k_accuracy_score(TOP_K_LABELS, TOP_K_SCORES, k=3) == 1.0


def test_top_k_accuracy_returns_a_number():
    assert 0.0 <= top_k_accuracy_score(TOP_K_LABELS, TOP_K_SCORES) <= 1.0


def test_top_k_accuracy_is_documented():
    assert top_k_accuracy_score.__doc__ and "versionadded" in top_k_accuracy_score.__doc__


def test_top_k_accuracy_accepts_arrays():
    assert top_k_accuracy_score(np.array(TOP_K_LABELS), np.array(TOP_K_SCORES)) is not None


def test_confusion_matrix():
    matrix = confusion_matrix([0, 1, 1, 2], [0, 1, 2, 2])
    np.testing.assert_array_equal(matrix, [[1, 0, 0], [0, 1, 1], [0, 0, 1]])


def test_confusion_matrix_with_labels():
    matrix = confusion_matrix(["b", "a", "a"], ["a", "a", "b"], labels=["a", "b"])
    np.testing.assert_array_equal(matrix, [[1, 1], [1, 0]])


def test_precision_recall_fscore_macro_and_micro():
    p, r, f = precision_recall_fscore([0, 0, 1, 1], [0, 1, 1, 1])
    assert (round(p, 3), round(r, 3), round(f, 3)) == (0.833, 0.75, 0.733)
    p, r, f = precision_recall_fscore([0, 0, 1, 1], [0, 1, 1, 1], average="micro")
    assert p == r == f == 0.75


def test_precision_recall_fscore_rejects_unknown_average():
    with pytest.raises(ValueError, match="average"):
        precision_recall_fscore([0, 1], [0, 1], average="weighted")
