"""Milestone 5: a prediction API that validates its input."""
import math

import numpy as np
from fastapi.testclient import TestClient

import pandas as pd

from churn.api import create_app

GOOD = {
    "tenure_months": 5,
    "monthly_charges": 89.5,
    "total_charges": 447.5,
    "contract": "month-to-month",
    "internet_service": "fiber",
    "payment_method": "electronic_check",
    "support_calls": 3,
    "num_products": 1,
    "age": 34,
    "has_partner": 0,
}


class StubModel:
    """Stands in for a trained pipeline: always answers 0.8 and records what it was given."""

    def __init__(self, probability=0.8):
        self.probability = probability
        self.seen = []

    def predict_proba(self, X):
        self.seen.append(X.copy())
        return np.tile([1 - self.probability, self.probability], (len(X), 1))


def test_health_reports_ok():
    client = TestClient(create_app(StubModel()))
    response = client.get("/health")
    assert response.status_code == 200, f"GET /health should answer 200, got {response.status_code}"
    assert response.json().get("status") == "ok", f"/health should say status 'ok', got {response.json()}"


def test_predict_answers_good_input():
    model = StubModel(0.8)
    client = TestClient(create_app(model, threshold=0.5))
    response = client.post("/predict", json=GOOD)
    assert response.status_code == 200, f"a valid customer must get 200, got {response.status_code}: {response.text}"
    body = response.json()
    assert math.isclose(body.get("churn_probability", -1), 0.8), f"churn_probability should come from the model, got {body}"
    assert body.get("will_churn") is True, f"0.8 >= threshold 0.5 so will_churn must be true, got {body}"
    on_the_line = TestClient(create_app(StubModel(0.5), threshold=0.5)).post("/predict", json=GOOD).json()
    assert on_the_line.get("will_churn") is True, (
        f"a probability equal to the threshold counts as churn (proba >= threshold), got {on_the_line}"
    )
    assert len(model.seen) == 1, "the endpoint must call model.predict_proba exactly once"
    frame = model.seen[0]
    assert len(frame) == 1 and sorted(frame.columns) == sorted(GOOD), (
        f"the model must receive a one-row DataFrame with the raw columns, got {list(frame.columns)}"
    )

    partial = dict(GOOD, payment_method=None)
    partial.pop("total_charges")
    response = client.post("/predict", json=partial)
    assert response.status_code == 200, (
        "total_charges and payment_method are optional (they can be missing in real data); "
        f"got {response.status_code}: {response.text}"
    )
    frame = model.seen[-1]
    assert sorted(frame.columns) == sorted(GOOD), "optional fields must still reach the model as columns"
    assert frame["payment_method"].isna().all() and frame["total_charges"].isna().all(), (
        "a missing optional value must reach the model as NaN so the pipeline's imputer fills it"
    )


def test_rejects_bad_input_with_422():
    model = StubModel()
    client = TestClient(create_app(model))
    missing = dict(GOOD)
    missing.pop("contract")
    bad_inputs = {
        "negative tenure": dict(GOOD, tenure_months=-3),
        "zero monthly charges": dict(GOOD, monthly_charges=0),
        "text instead of a number": dict(GOOD, monthly_charges="lots"),
        "unknown contract": dict(GOOD, contract="forever"),
        "unknown internet service": dict(GOOD, internet_service="satellite"),
        "negative support calls": dict(GOOD, support_calls=-1),
        "has_partner outside 0/1": dict(GOOD, has_partner=2),
        "missing required field": missing,
    }
    for label, payload in bad_inputs.items():
        response = client.post("/predict", json=payload)
        assert response.status_code == 422, (
            f"{label}: expected 422 Unprocessable Entity, got {response.status_code}. "
            "Add constraints (Field(ge=..., gt=...), Literal[...]) to the pydantic model"
        )
    assert model.seen == [], "invalid input must be rejected before it reaches the model"


def test_api_serves_the_trained_pipeline(trained):
    model = trained()["models"]["gradient_boosting"]
    client = TestClient(create_app(model, threshold=0.5))
    partial = dict(GOOD, payment_method=None)
    partial.pop("total_charges")
    for payload in (GOOD, partial):
        response = client.post("/predict", json=payload)
        assert response.status_code == 200, f"the real pipeline must be servable: {response.status_code} {response.text}"
        row = {key: payload.get(key, np.nan) for key in GOOD}
        row = {key: (np.nan if value is None else value) for key, value in row.items()}
        expected = float(model.predict_proba(pd.DataFrame([row]))[0, 1])
        got = response.json()["churn_probability"]
        assert math.isclose(got, expected, rel_tol=1e-9), (
            f"/predict answered {got} for {payload}, but the trained pipeline says {expected}"
        )
