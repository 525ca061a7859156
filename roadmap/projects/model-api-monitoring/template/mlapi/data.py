"""The data the models learn from (GIVEN, nothing to do here).

The classic iris flowers: four measurements in centimetres, three species. The table ships with
scikit-learn, so it works offline. The served model is deliberately small: this project is about
everything *around* the model.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

FEATURES = ["sepal_length", "sepal_width", "petal_length", "petal_width"]
CLASSES = ["setosa", "versicolor", "virginica"]


def load_flowers() -> tuple[pd.DataFrame, pd.Series]:
    """All 150 flowers: X with the columns in ``FEATURES``, y with the species names."""
    from sklearn.datasets import load_iris

    raw = load_iris()
    X = pd.DataFrame(raw.data, columns=FEATURES)
    y = pd.Series(np.asarray(raw.target_names)[raw.target], name="species")
    return X, y


def split(X: pd.DataFrame, y: pd.Series, test_size: float = 0.3, seed: int = 0):
    """A stratified, reproducible train/test split: X_train, X_test, y_train, y_test."""
    from sklearn.model_selection import train_test_split

    return train_test_split(X, y, test_size=test_size, random_state=seed, stratify=y)


def example_requests(n: int, seed: int = 0, prefix: str = "user") -> list[dict]:
    """``n`` valid /predict bodies: real flowers with a little noise, each from a user id.

    User ids repeat (a user sends several requests), which is what makes sticky A/B
    assignment matter.
    """
    X, _ = load_flowers()
    rng = np.random.default_rng(seed)
    rows = rng.integers(0, len(X), size=n)
    noise = rng.normal(0.0, 0.05, size=(n, len(FEATURES)))
    users = rng.integers(0, max(1, n // 3), size=n)
    bodies = []
    for i, (row, user) in enumerate(zip(rows, users)):
        values = np.clip(X.iloc[row].to_numpy() + noise[i], 0.1, None)
        bodies.append({
            "user_id": f"{prefix}-{user}",
            "features": {name: round(float(v), 2) for name, v in zip(FEATURES, values)},
        })
    return bodies
