"""Milestone 6: monitor the live model (input drift and what it predicts)."""
import math

import numpy as np
from fastapi.testclient import TestClient

from churn.api import create_app
from churn.features import split_data
from churn.monitoring import MONITORED, PSI_ALERT, population_stability_index
from test_api import GOOD, StubModel


def test_psi_matches_a_worked_example():
    reference = np.arange(1000.0)  # 4 bins: [0, 249.75), [249.75, 499.5), [499.5, 749.25), the rest
    current = np.concatenate([
        np.linspace(10, 200, 40),    # 40 % in the first bin
        np.linspace(300, 450, 10),   # 10 % in the second
        np.linspace(520, 700, 20),   # 20 % in the third
        np.linspace(800, 990, 25),   # 30 % in the last, with 5 values above the reference's maximum
        [1200.0, 2000.0, 3000.0, 4000.0, 5000.0],
    ])
    got = population_stability_index(reference, current, bins=4)
    assert got is not None and math.isclose(got, 0.2282174095733918, rel_tol=1e-9), (
        f"shares 40/10/20/30 % against 25 % each give a PSI of 0.228217; got {got}. Values beyond "
        "the reference's range belong in the outer bins."
    )
    # The bins are the reference's quantiles, so the index depends only on ranks: squaring both
    # (a skewed reference, whose equal-width bins would hold 50/21/16/13 %) changes nothing.
    skewed = population_stability_index(reference ** 2, current ** 2, bins=4)
    assert skewed is not None and math.isclose(skewed, 0.2282174095733918, rel_tol=1e-9), (
        f"with the reference and the values squared the bins are still the reference's quartiles, so the PSI "
        f"stays 0.228217; got {skewed}. Cut the bins at the quantiles of the reference, not at equal widths."
    )
    assert math.isclose(population_stability_index(reference, reference, bins=4), 0.0, abs_tol=1e-12), (
        "a distribution compared with itself has a PSI of 0"
    )
    one_bin = population_stability_index(reference, np.linspace(10, 200, 50), bins=4)
    assert math.isclose(one_bin, 6.90540806517888, rel_tol=1e-9), (
        f"with every value in the first bin, the empty bins count as a share of eps=1e-4: expected "
        f"6.905408, got {one_bin}"
    )


def test_psi_flags_drift(customers):
    X_train, X_test, _, _ = split_data(customers, seed=0)
    for column in ("tenure_months", "monthly_charges", "total_charges"):
        same = population_stability_index(X_train[column], X_test[column])
        assert same < 0.1, f"train and test come from one distribution, but PSI({column}) = {same:.3f}"
    moved = population_stability_index(X_train["tenure_months"], X_test["tenure_months"] + 24)
    assert moved > PSI_ALERT, f"tenure shifted by two years must raise an alert (PSI > {PSI_ALERT}), got {moved:.3f}"
    with_gaps = X_test["total_charges"].copy()
    with_gaps.iloc[:50] = np.nan
    assert np.isfinite(population_stability_index(X_train["total_charges"], with_gaps)), (
        "missing values must be left out, not break the index"
    )


def test_monitoring_endpoint_summarises_traffic(customers):
    X_train, _, _, _ = split_data(customers, seed=0)
    client = TestClient(create_app(StubModel(0.8), threshold=0.5, reference=X_train))
    sent = [dict(GOOD, support_calls=calls, tenure_months=t) for calls, t in [(0, 2), (3, 40), (9, 70)]]
    for payload in sent:
        assert client.post("/predict", json=payload).status_code == 200
    response = client.get("/monitoring")
    assert response.status_code == 200, f"GET /monitoring should answer 200, got {response.status_code}"
    body = response.json()
    assert body.get("n_predictions") == 3, f"three predictions were made, the summary says {body}"
    assert math.isclose(body["mean_probability"], 0.8) and math.isclose(body["share_flagged"], 1.0), (
        f"the stub always answers 0.8, above the 0.5 threshold: {body}"
    )
    assert sorted(body["psi"]) == sorted(MONITORED), f"one PSI per monitored column, got {sorted(body['psi'])}"
    for column in ("support_calls", "tenure_months", "age"):
        expected = population_stability_index(X_train[column], [p[column] for p in sent])
        assert math.isclose(body["psi"][column], expected, rel_tol=1e-9), (
            f"PSI of {column} should compare the requests received with the reference: "
            f"{expected:.4f}, got {body['psi'][column]}"
        )
    assert body["drifted"] == [c for c in MONITORED if body["psi"][c] > PSI_ALERT], (
        "drifted lists the monitored columns whose PSI is above PSI_ALERT"
    )
    quiet = TestClient(create_app(StubModel(0.3), threshold=0.5, reference=X_train))
    quiet.post("/predict", json=GOOD)
    assert quiet.get("/monitoring").json()["share_flagged"] == 0.0, "0.3 is below the threshold: nobody flagged"
