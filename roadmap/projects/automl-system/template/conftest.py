"""Shared pytest fixtures.

Having this file at the project root also puts the project folder on ``sys.path``, so the
tests can ``import automl`` when you run ``python -m pytest`` from here.
"""
import numpy as np
import pandas as pd
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
def fresh_loan():
    """2,000 new applications from another seed: held-out rows no search has seen."""
    return make_loan_data(n=2000, seed=11)


def _relabel(X, seed):
    """The tests' own rule for who defaults: nothing the loan generator knows about."""
    rng = np.random.default_rng(seed)
    income = X["income"].fillna(X["income"].median())
    years = X["years_employed"].fillna(0)
    logit = 2.0 * (
        -0.8
        + 2.0 * ((income > 35) & (income < 60))
        - 1.5 * (X["region"] == "east")
        + 0.5 * (X["credit_lines"] >= 6)
        - 0.1 * np.minimum(years, 15)
        + 1.0 * (X["owns_home"] == "yes")
    )
    return pd.Series((rng.random(len(X)) < 1 / (1 + np.exp(-logit))).astype(int), name="approved")


@pytest.fixture(scope="session")
def relabeled():
    """Loan applications labelled by a rule of the tests: 600 rows to fit, 2,000 to check."""
    X_train = make_loan_data(n=600, seed=5)[0]
    X_check = make_loan_data(n=2000, seed=12)[0]
    return {"X_train": X_train, "y_train": _relabel(X_train, 1),
            "X_check": X_check, "y_check": _relabel(X_check, 2)}


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


@pytest.fixture(scope="session")
def automl_loan(loan):
    """A function that fits ``AutoML(n_trials=8, seed=0)`` on the loan rows ONCE: the model
    and the wall-clock seconds its ``fit`` took."""
    cache = {}

    def get():
        if "model" not in cache:
            import time

            from automl.core import AutoML

            started = time.perf_counter()
            model = AutoML(time_budget=60, n_trials=8, seed=0).fit(loan["X_train"], loan["y_train"])
            cache["seconds"] = time.perf_counter() - started
            cache["model"] = model
        return cache["model"], cache["seconds"]

    return get
