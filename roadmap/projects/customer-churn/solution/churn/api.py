"""A small prediction API with input validation (FastAPI + pydantic).

Run it after training (``python -m churn.train``) with::

    python -m churn.api            # or: uvicorn churn.api:build_app_from_disk --factory
"""
from __future__ import annotations

from pathlib import Path
from typing import Literal, Optional

import numpy as np
import pandas as pd
from fastapi import FastAPI
from pydantic import BaseModel, Field

from .monitoring import PredictionLog

DEFAULT_MODEL_PATH = Path("artifacts") / "churn_model.joblib"


class CustomerIn(BaseModel):
    """One customer, as a client sends it. Invalid input is answered with HTTP 422."""

    tenure_months: int = Field(..., ge=0, le=120, description="Months as a customer")
    monthly_charges: float = Field(..., gt=0, le=1000, description="Current monthly bill")
    total_charges: Optional[float] = Field(None, ge=0, description="Billed so far; may be empty")
    contract: Literal["month-to-month", "one-year", "two-year"]
    internet_service: Literal["dsl", "fiber", "none"]
    payment_method: Optional[
        Literal["electronic_check", "credit_card", "bank_transfer", "mailed_check"]
    ] = None
    support_calls: int = Field(..., ge=0, le=100)
    num_products: int = Field(..., ge=1, le=10)
    age: int = Field(..., ge=18, le=120)
    has_partner: int = Field(..., ge=0, le=1)


class PredictionOut(BaseModel):
    churn_probability: float
    will_churn: bool
    threshold: float


def _as_dict(model: BaseModel) -> dict:
    # pydantic 2 calls it model_dump(), pydantic 1 calls it dict().
    dump = getattr(model, "model_dump", None)
    return dump() if dump is not None else model.dict()


def customer_frame(customer: CustomerIn) -> pd.DataFrame:
    """One-row DataFrame with the same columns (and missing-value marker) as training."""
    # Missing optional values arrive as None; the pipeline's imputers expect NaN.
    row = {key: (np.nan if value is None else value) for key, value in _as_dict(customer).items()}
    return pd.DataFrame([row])


def create_app(model, threshold: float = 0.5, reference=None) -> FastAPI:
    """Build the API around an already fitted model that has ``predict_proba``.

    Every prediction is recorded in ``app.state.log`` (a ``PredictionLog`` comparing the
    traffic with ``reference``, the training rows) and summarised by ``GET /monitoring``.
    """
    app = FastAPI(title="Churn prediction API", version="1.0")
    log = PredictionLog(reference=reference, threshold=threshold)
    app.state.log = log

    @app.get("/health")
    def health() -> dict:
        return {"status": "ok", "model": type(model).__name__}

    @app.post("/predict", response_model=PredictionOut)
    def predict(customer: CustomerIn) -> PredictionOut:
        frame = customer_frame(customer)
        proba = float(model.predict_proba(frame)[0, 1])
        log.record(frame.iloc[0].to_dict(), proba)
        return PredictionOut(
            churn_probability=proba, will_churn=proba >= threshold, threshold=threshold
        )

    @app.get("/monitoring")
    def monitoring() -> dict:
        return log.summary()

    return app


def build_app_from_disk(path: Path = DEFAULT_MODEL_PATH) -> FastAPI:
    """Load the model saved by ``python -m churn.train`` and wrap it in the API."""
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
