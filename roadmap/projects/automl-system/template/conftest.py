"""Shared pytest fixtures.

Having this file at the project root also puts the project folder on ``sys.path``, so the
tests can ``import automl`` when you run ``python -m pytest`` from here.
"""
import pytest
from sklearn.model_selection import train_test_split

from automl.data import make_loan_data


@pytest.fixture(scope="session")
def loan():
    """The loan table, split 75/25 (given code: cannot fail)."""
    X, y = make_loan_data(n=800, seed=0)
    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.25, random_state=0, stratify=y
    )
    return {"X_train": X_train, "X_test": X_test, "y_train": y_train, "y_test": y_test}


@pytest.fixture(scope="session")
def search8(loan):
    """A function that runs an 8-trial search ONCE (seed 0, no time limit) and reuses it.

    The search runs inside the first test that calls it, so an unfinished TODO fails that
    test instead of breaking the whole session.
    """
    cache = {}

    def get():
        if "result" not in cache:
            from automl.search import run_search

            cache["result"] = run_search(
                loan["X_train"], loan["y_train"], time_budget=None, n_trials=8, seed=0
            )
        return cache["result"]

    return get
