"""Shared pytest fixtures.

Having this file at the project root also puts the project folder on ``sys.path``, so the
tests can ``import anomaly`` when you run ``python -m pytest`` from here.
"""
import numpy as np
import pandas as pd
import pytest

from anomaly.data import make_sensor_data


@pytest.fixture(scope="session")
def sensor_data():
    """Unlabelled-looking training data, a small labelled validation set (the incidents an
    operator has already labelled) and labelled test data (given code: cannot fail)."""
    X_train, _, _ = make_sensor_data(n=1500, anomaly_rate=0.04, seed=10)
    X_val, y_val, _ = make_sensor_data(n=500, anomaly_rate=0.04, seed=30)
    X_test, y_test, kinds_test = make_sensor_data(n=1000, anomaly_rate=0.04, seed=20)
    return {"X_train": X_train, "X_val": X_val, "y_val": y_val,
            "X_test": X_test, "y_test": y_test, "kinds_test": kinds_test}


def _rotor(n, seed, rate=0.05):
    """The tests' own machine: four sensors read a rotating shaft at its angle and at twice
    its angle. In an anomaly the second harmonic is out of phase: every value is normal on
    its own, and the readings still lie on the same circles, but they disagree."""
    rng = np.random.default_rng(seed)
    angle = rng.uniform(0, 2 * np.pi, n)
    second = angle.copy()
    y = np.zeros(n, dtype=int)
    rows = rng.choice(n, size=int(rate * n), replace=False)
    y[rows] = 1
    second[rows] = angle[rows] + rng.uniform(0.8, 2 * np.pi - 0.8, len(rows))
    X = np.column_stack([np.cos(angle), np.sin(angle), np.cos(2 * second), np.sin(2 * second)])
    X = (X + rng.normal(0, 0.05, X.shape)) * [3.0, 3.0, 10.0, 10.0] + [50.0, 20.0, 0.0, 5.0]
    return pd.DataFrame(X, columns=["shaft_x", "shaft_y", "harmonic_x", "harmonic_y"]), y


@pytest.fixture(scope="session")
def another_machine():
    """Data from a machine anomaly/data.py knows nothing about: 1,200 unlabelled rows to fit
    on, 1,000 labelled rows to check."""
    X_train, _ = _rotor(1200, seed=1)
    X_test, y_test = _rotor(1000, seed=2)
    return {"X_train": X_train, "X_test": X_test, "y_test": y_test}
