"""Shared test data. Fixtures here only use the finished generator and the
reference in tests/reference.py, never your code, so a missing piece of your
code shows up as a failing test rather than a setup error."""

import pytest

from pipeline.generate import generate_csv
from tests.reference import reference


@pytest.fixture(scope="session")
def big_csv(tmp_path_factory):
    """About 4.8 MB, 100,000 rows, ~0.4 % of them malformed."""
    return generate_csv(tmp_path_factory.mktemp("big") / "sales.csv", rows=100_000, seed=2024,
                        bad_rate=0.004)


@pytest.fixture(scope="session")
def big_reference(big_csv):
    return reference(big_csv)


@pytest.fixture(scope="session")
def medium_csv(tmp_path_factory):
    """15,000 rows with ~3 % malformed, so every kind of bad row shows up."""
    return generate_csv(tmp_path_factory.mktemp("medium") / "sales.csv", rows=15_000, seed=7,
                        bad_rate=0.03)


@pytest.fixture(scope="session")
def medium_reference(medium_csv):
    return reference(medium_csv)
