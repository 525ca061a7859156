"""The request and response bodies of the API (milestone 2).

pydantic checks every request before your code sees it; FastAPI turns a failed check into
HTTP 422. A flower is measured in centimetres: every measurement is a positive number no larger
than 30, and nothing else may be sent.
"""
from __future__ import annotations

from typing import Dict

from pydantic import BaseModel, Field


class Flower(BaseModel):
    """The four measurements of one flower, in centimetres."""

    sepal_length: float = Field(..., gt=0, le=30, description="sepal length in cm")
    sepal_width: float = Field(..., gt=0, le=30, description="sepal width in cm")
    petal_length: float = Field(..., gt=0, le=30, description="petal length in cm")
    petal_width: float = Field(..., gt=0, le=30, description="petal width in cm")

    class Config:
        extra = "forbid"


class PredictRequest(BaseModel):
    """``POST /predict``: who asks (for the A/B split) and what to score."""

    user_id: str = Field(..., min_length=1, max_length=64, regex=r"^[A-Za-z0-9_.:@-]+$")
    features: Flower

    class Config:
        extra = "forbid"


class PredictResponse(BaseModel):
    request_id: str
    model_version: str
    label: str
    probabilities: Dict[str, float]
