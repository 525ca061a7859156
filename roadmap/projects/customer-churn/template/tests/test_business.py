"""Milestone 4: a business metric and the threshold that maximises it."""
import numpy as np
import pytest
from sklearn.model_selection import StratifiedKFold, cross_val_predict

from churn.business import best_threshold, choose_threshold, retention_value
from churn.features import split_data
from churn.models import make_models

Y = [1, 1, 0, 0, 1]
PROBA = [0.9, 0.6, 0.7, 0.2, 0.1]
CHARGES = [100.0, 50.0, 80.0, 60.0, 40.0]
TERMS = dict(offer_cost=100.0, save_rate=0.5, months=10)


def test_retention_value_by_hand():
    # At 0.5 customers 0, 1 and 2 get an offer (cost 3 * 100). Customers 0 and 1 would churn;
    # half of them are saved and keep paying for 10 months: 0.5 * 10 * (100 + 50) = 750.
    got = retention_value(Y, PROBA, CHARGES, threshold=0.5, **TERMS)
    assert got == pytest.approx(450.0), f"value at threshold 0.5 should be 750 - 300 = 450, got {got}"
    got = retention_value(Y, PROBA, CHARGES, threshold=0.8, **TERMS)
    assert got == pytest.approx(400.0), f"only customer 0 is flagged at 0.8: 500 - 100 = 400, got {got}"
    got = retention_value(Y, PROBA, CHARGES, threshold=0.99, **TERMS)
    assert got == pytest.approx(0.0), f"nobody flagged means no cost and no gain, got {got}"
    got = retention_value(Y, PROBA, CHARGES, threshold=0.65, **TERMS)
    assert got == pytest.approx(300.0), (
        f"at 0.65 customer 2 is flagged but would have stayed: 500 - 200 = 300, got {got}"
    )
    got = retention_value(Y, PROBA, CHARGES, threshold=0.6, **TERMS)
    assert got == pytest.approx(450.0), (
        f"customer 1's probability is exactly 0.6: proba >= threshold flags them, as at 0.5 (450), got {got}"
    )


def test_best_threshold_beats_simple_rules():
    threshold, value = best_threshold(Y, PROBA, CHARGES, thresholds=[0.15, 0.5, 0.65, 0.8, 0.95], **TERMS)
    assert threshold == pytest.approx(0.5) and value == pytest.approx(450.0), (
        f"the best of the given thresholds is 0.5 (value 450), got {threshold} ({value})"
    )

    rng = np.random.default_rng(0)
    proba = rng.beta(2, 4, size=2000)
    y = (rng.random(2000) < proba).astype(int)
    charges = rng.uniform(20, 110, size=2000)
    threshold, value = best_threshold(y, proba, charges)

    def by_hand(t):  # the campaign value with the default terms
        flagged = proba >= t
        return 0.3 * 12 * charges[flagged & (y == 1)].sum() - 50.0 * flagged.sum()

    grid = np.round(np.linspace(0.05, 0.95, 19), 2)
    assert min(abs(grid - threshold)) < 1e-9, f"by default search 0.05, 0.10, ..., 0.95; got {threshold}"
    assert value == pytest.approx(by_hand(threshold)), (
        "the returned value must be retention_value at the returned threshold with default terms "
        "(offer_cost=50, save_rate=0.3, months=12)"
    )
    assert value >= max(by_hand(t) for t in grid) - 1e-6, "some threshold on the grid does better"
    assert value > by_hand(0.5), "on this data the best threshold should beat the default 0.5"


def _campaign(y, proba, charges, t):
    """The campaign value with the default terms (offer 50, save rate 0.3, 12 months)."""
    flagged = np.asarray(proba) >= t
    return 0.3 * 12 * np.asarray(charges)[flagged & (np.asarray(y) == 1)].sum() - 50.0 * flagged.sum()


def test_threshold_is_chosen_out_of_fold(customers):
    X_train, _, y_train, _ = split_data(customers, seed=0)
    model = make_models(seed=0)["logistic_regression"]
    threshold, value = choose_threshold(model, X_train, y_train, seed=0, cv=3)
    folds = StratifiedKFold(n_splits=3, shuffle=True, random_state=0)
    oof = cross_val_predict(make_models(seed=0)["logistic_regression"], X_train, y_train, cv=folds,
                            method="predict_proba")[:, 1]
    grid = np.round(np.linspace(0.05, 0.95, 19), 2)
    values = [_campaign(y_train, oof, X_train["monthly_charges"], t) for t in grid]
    expected = float(grid[int(np.argmax(values))])
    assert threshold == pytest.approx(expected) and value == pytest.approx(max(values)), (
        f"choose the threshold on out-of-fold probabilities of the training split: expected "
        f"{expected:.2f} (value {max(values):,.0f}), got {threshold} ({value}). A model scored on the "
        "rows it was fitted on is overconfident, and the test split is for reporting only."
    )
