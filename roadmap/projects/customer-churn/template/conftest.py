"""Shared pytest fixtures.

Having this file at the project root also puts the project folder on ``sys.path``, so the
tests can ``import churn`` when you run ``python -m pytest`` from here.
"""
import pytest

from churn.data import generate_customers

SEED = 0


@pytest.fixture(scope="session")
def customers():
    """The customer table every test uses (given code, so it cannot fail)."""
    return generate_customers(n=3000, seed=SEED)


@pytest.fixture(scope="session")
def trained(customers):
    """A function that splits the data and fits your models ONCE, then reuses them.

    The work happens inside the test that first calls it, so a TODO that is not done yet
    makes that test fail (instead of breaking the whole session).
    """
    cache = {}

    def get():
        if not cache:
            from churn.features import split_data
            from churn.models import evaluate_models, make_models

            X_train, X_test, y_train, y_test = split_data(customers, seed=SEED)
            models = make_models(seed=SEED)
            board = evaluate_models(models, X_train, y_train, X_test, y_test)
            cache.update(
                X_train=X_train,
                X_test=X_test,
                y_train=y_train,
                y_test=y_test,
                models=models,
                board=board,
            )
        return cache

    return get
