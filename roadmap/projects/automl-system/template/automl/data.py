"""Example tables for the AutoML system.

This file is GIVEN. ``make_loan_data`` builds a messy loan table like a real export: numbers
and text mixed, missing values, an id column and a column that never changes. Your
preprocessing has to handle all of that on its own. ``load_sklearn_dataset`` gives a few
clean tables that ship with scikit-learn (no download).
"""
from __future__ import annotations

import numpy as np
import pandas as pd

TARGET = "defaulted"


def make_loan_data(n: int = 800, seed: int = 0):
    """Return ``(X, y)``: loan applications and whether each loan defaulted (1) or not (0)."""
    rng = np.random.default_rng(seed)
    age = rng.integers(21, 71, n)
    income = np.round(rng.lognormal(mean=3.8, sigma=0.45, size=n), 1)  # thousands per year
    debt_ratio = np.round(rng.beta(2, 5, n), 3)
    credit_lines = rng.poisson(4, n)
    years_employed = np.round(np.clip(rng.exponential(6, n), 0, 40), 1)
    region = rng.choice(["north", "south", "east", "west"], n)
    employment = rng.choice(
        ["salaried", "self-employed", "contract", "unemployed"], n, p=[0.55, 0.2, 0.15, 0.1]
    ).astype(object)
    owns_home = rng.choice(["yes", "no"], n, p=[0.45, 0.55])

    # The hidden rule, with three things a plain linear model cannot see: a threshold on the
    # debt ratio relative to income (a high ratio hurts mostly on a low income), a risk that is
    # high at both ends of the age range, and renters in the south being riskier than renters
    # elsewhere (an interaction of two categories).
    stress = debt_ratio * (60.0 / income)
    logit = 2.0 * (
        -2.0
        + 3.0 * (stress > 0.45)
        + 2.5 * (employment == "unemployed")
        + 1.0 * (employment == "contract")
        - 0.08 * np.minimum(years_employed, 15)
        + 2.5 * ((age < 27) | (age > 62))
        - 0.8 * (owns_home == "yes")
        + 1.5 * ((owns_home == "no") & (region == "south"))
        + 0.15 * (credit_lines - 4)
    )
    y = (rng.random(n) < 1 / (1 + np.exp(-logit))).astype(int)

    income = income.astype(float)
    income[rng.random(n) < 0.05] = np.nan
    years_employed[rng.random(n) < 0.08] = np.nan
    employment[rng.random(n) < 0.03] = np.nan

    X = pd.DataFrame(
        {
            "application_id": [f"APP-{i:05d}" for i in range(n)],  # an id: useless as a feature
            "age": age,
            "income": income,
            "debt_ratio": debt_ratio,
            "credit_lines": credit_lines,
            "years_employed": years_employed,
            "region": region.astype(object),
            "employment": employment,
            "owns_home": owns_home.astype(object),
            "product": "personal_loan",  # the same for every row: carries no information
        }
    )
    return X, pd.Series(y, name=TARGET)


def load_sklearn_dataset(name: str):
    """``(X, y)`` for one of scikit-learn's bundled datasets: breast_cancer, wine or iris."""
    from sklearn import datasets

    loaders = {
        "breast_cancer": datasets.load_breast_cancer,
        "wine": datasets.load_wine,
        "iris": datasets.load_iris,
    }
    if name not in loaders:
        raise ValueError(f"unknown dataset {name!r}; choose one of {sorted(loaders)}")
    bunch = loaders[name](as_frame=True)
    return bunch.data, bunch.target
