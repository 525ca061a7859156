"""Shared pytest fixtures.

Having this file at the project root also puts the project folder on ``sys.path``, so the
tests can ``import anomaly`` when you run ``python -m pytest`` from here.
"""
import pytest

from anomaly.data import make_sensor_data


@pytest.fixture(scope="session")
def sensor_data():
    """Unlabelled-looking training data and labelled test data (given code: cannot fail)."""
    X_train, _, _ = make_sensor_data(n=1500, anomaly_rate=0.04, seed=10)
    X_test, y_test, kinds_test = make_sensor_data(n=1000, anomaly_rate=0.04, seed=20)
    return {"X_train": X_train, "X_test": X_test, "y_test": y_test, "kinds_test": kinds_test}
