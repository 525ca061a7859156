"""A synthetic but realistic customer table for a subscription business.

This file is GIVEN: you do not need to change it. Read it to understand the data.

Every customer has a contract, a tenure, a monthly bill, a number of support calls and a
few other attributes. Whether the customer leaves ("churns") is drawn from a logistic model
whose strongest drivers are known in advance (see ``KNOWN_DRIVERS``). That lets the tests
check that your model and your feature-importance analysis recover the truth.

A few values are missing on purpose, like in real exports:
- ``total_charges`` is empty for brand-new customers (tenure 0) and for ~1% of rows;
- ``payment_method`` is empty for ~2% of rows.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

ID_COLUMN = "customer_id"
TARGET = "churned"

CONTRACTS = ("month-to-month", "one-year", "two-year")
INTERNET_SERVICES = ("dsl", "fiber", "none")
PAYMENT_METHODS = ("electronic_check", "credit_card", "bank_transfer", "mailed_check")

# The three columns that drive churn most strongly, by construction.
KNOWN_DRIVERS = ("contract", "tenure_months", "support_calls")
# Columns that have no effect on churn at all.
NOISE_COLUMNS = ("age", "has_partner")


def generate_customers(n: int = 3000, seed: int = 0) -> pd.DataFrame:
    """Return ``n`` customers as a DataFrame; the same ``seed`` gives the same table."""
    rng = np.random.default_rng(seed)

    contract = rng.choice(CONTRACTS, size=n, p=[0.55, 0.25, 0.20])
    # Customers on long contracts tend to have been around longer.
    base_tenure = rng.exponential(scale=20.0, size=n)
    base_tenure += np.where(contract == "two-year", 12.0, 0.0)
    base_tenure += np.where(contract == "one-year", 5.0, 0.0)
    tenure = np.clip(np.round(base_tenure), 0, 72).astype(int)

    internet = rng.choice(INTERNET_SERVICES, size=n, p=[0.40, 0.40, 0.20])
    base_bill = np.select(
        [internet == "dsl", internet == "fiber"], [55.0, 85.0], default=22.0
    )
    monthly = np.round(np.clip(base_bill + rng.normal(0, 8, size=n), 15, 130), 2)

    total = tenure * monthly * rng.normal(1.0, 0.03, size=n)
    total = np.round(total, 2).astype(float)
    total[tenure == 0] = np.nan
    total[rng.random(n) < 0.01] = np.nan

    payment = rng.choice(PAYMENT_METHODS, size=n, p=[0.35, 0.25, 0.25, 0.15]).astype(object)
    payment[rng.random(n) < 0.02] = np.nan

    support_calls = rng.poisson(1.4, size=n)
    num_products = rng.integers(1, 5, size=n)
    age = rng.integers(18, 80, size=n)
    has_partner = rng.integers(0, 2, size=n)

    # The "true" churn model. Bigger logit -> more likely to leave.
    logit = (
        -1.5
        + 1.6 * (contract == "month-to-month")
        - 1.2 * (contract == "two-year")
        - 0.055 * tenure
        + 0.65 * support_calls
        + 0.35 * (internet == "fiber")
        + 0.25 * (payment == "electronic_check")
        - 0.10 * (num_products - 1)
    )
    churn_probability = 1.0 / (1.0 + np.exp(-logit))
    churned = (rng.random(n) < churn_probability).astype(int)

    return pd.DataFrame(
        {
            ID_COLUMN: [f"C{i:05d}" for i in range(n)],
            "tenure_months": tenure,
            "monthly_charges": monthly,
            "total_charges": total,
            "contract": contract.astype(object),
            "internet_service": internet.astype(object),
            "payment_method": payment,
            "support_calls": support_calls,
            "num_products": num_products,
            "age": age,
            "has_partner": has_partner,
            TARGET: churned,
        }
    )
