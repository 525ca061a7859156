"""Shared test data. Fixtures here only use the finished generator and the golden values in
tests/golden.py, never your code, so a missing piece of your code shows up as a failing test
rather than a setup error."""

import pytest

from pipeline.generate import generate_csv
from tests.golden import BIG, MEDIUM


def _generate(tmp_path_factory, name, golden):
    path = generate_csv(tmp_path_factory.mktemp(name) / "sales.csv", rows=golden.rows,
                        seed=golden.seed, bad_rate=golden.bad_rate)
    assert path.stat().st_size == golden.size, "the generator no longer writes the test file"
    return path


@pytest.fixture(scope="session")
def big_csv(tmp_path_factory):
    """About 4.8 MB, 100,000 rows, ~0.4 % of them malformed."""
    return _generate(tmp_path_factory, "big", BIG)


@pytest.fixture(scope="session")
def medium_csv(tmp_path_factory):
    """15,000 rows with ~3 % malformed, so every kind of bad row shows up."""
    return _generate(tmp_path_factory, "medium", MEDIUM)
