"""A small prediction API with input validation (FastAPI + pydantic).

Milestone 5. Add validation to ``CustomerIn`` and finish ``create_app``; milestone 6 adds
the monitoring endpoint.

Run it after training (``python -m churn.train``) with ``python -m churn.api``.
"""
from __future__ import annotations

from pathlib import Path
from typing import Literal, Optional  # noqa: F401

import numpy as np  # noqa: F401
import pandas as pd  # noqa: F401
from fastapi import FastAPI
from pydantic import BaseModel, Field  # noqa: F401

from .monitoring import PredictionLog

DEFAULT_MODEL_PATH = Path("artifacts") / "churn_model.joblib"


class CustomerIn(BaseModel):
    """One customer, as a client sends it. Invalid input must be answered with HTTP 422.

    TODO: add constraints so that FastAPI rejects nonsense before it reaches the model:
    - tenure_months >= 0, monthly_charges > 0, total_charges >= 0 when given,
      support_calls >= 0, num_products >= 1, age >= 18, has_partner is 0 or 1;
    - contract, internet_service and payment_method only accept the values in churn/data.py
      (hint: typing.Literal);
    - total_charges and payment_method are optional (default None).
    """

    tenure_months: int
    monthly_charges: float
    total_charges: float
    contract: str
    internet_service: str
    payment_method: str
    support_calls: int
    num_products: int
    age: int
    has_partner: int


class PredictionOut(BaseModel):
    churn_probability: float
    will_churn: bool
    threshold: float


def create_app(model, threshold: float = 0.5, reference=None) -> FastAPI:
    """Build the API around an already fitted model that has ``predict_proba``.

    - ``GET /health`` answers ``{"status": "ok", ...}``;
    - ``POST /predict`` takes a ``CustomerIn`` and answers a ``PredictionOut``. The model
      must receive a one-row DataFrame with the same columns as the training data, with
      NaN (not None) for missing optional values. Milestone 6: record every prediction
      (the row and its probability) in ``log``;
    - ``GET /monitoring`` (milestone 6) answers ``log.summary()``.
    """
    app = FastAPI(title="Churn prediction API", version="1.0")
    log = PredictionLog(reference=reference, threshold=threshold)
    app.state.log = log

    @app.get("/health")
    def health() -> dict:
        # TODO: report that the service is up.
        return {"status": "TODO"}

    @app.post("/predict", response_model=PredictionOut)
    def predict(customer: CustomerIn) -> PredictionOut:
        # TODO: turn the customer into a one-row DataFrame, call model.predict_proba and
        #       return PredictionOut(churn_probability=..., will_churn=..., threshold=...).
        raise NotImplementedError("TODO: predict the churn probability of one customer")

    @app.get("/monitoring")
    def monitoring() -> dict:
        # TODO (milestone 6): summarise the predictions recorded so far.
        raise NotImplementedError("TODO: the monitoring summary")

    return app


def build_app_from_disk(path: Path = DEFAULT_MODEL_PATH) -> FastAPI:
    """Load the model saved by ``python -m churn.train`` and wrap it in the API (GIVEN)."""
    import json

    import joblib

    model = joblib.load(path)
    threshold = 0.5
    metrics = Path(path).with_name("metrics.json")
    if metrics.exists():
        threshold = json.loads(metrics.read_text()).get("best_threshold", threshold)
    reference_file = Path(path).with_name("reference.csv")
    reference = pd.read_csv(reference_file) if reference_file.exists() else None
    return create_app(model, threshold=threshold, reference=reference)


def main() -> None:
    import uvicorn

    uvicorn.run(build_app_from_disk(), host="127.0.0.1", port=8000)


if __name__ == "__main__":
    main()
