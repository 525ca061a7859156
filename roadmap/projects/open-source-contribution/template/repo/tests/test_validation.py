import numpy as np
import pytest

from metrix._validation import check_consistent_length, column_or_1d


def test_column_or_1d_accepts_lists_and_columns():
    np.testing.assert_array_equal(column_or_1d([1, 2, 3]), [1, 2, 3])
    np.testing.assert_array_equal(column_or_1d(np.array([[1], [2]])), [1, 2])


def test_column_or_1d_rejects_matrices():
    with pytest.raises(ValueError, match="1-D"):
        column_or_1d(np.zeros((2, 2)))


def test_check_consistent_length():
    check_consistent_length([1, 2], [3, 4], None)
    with pytest.raises(ValueError):
        check_consistent_length([1, 2], [3])
