"""The request and response bodies of the API (milestone 2).

pydantic checks every request before your code sees it; FastAPI turns a failed check into
HTTP 422. A flower is measured in centimetres: every measurement is a positive number no larger
than 30, and nothing else may be sent.
"""
from __future__ import annotations

from typing import Dict

from pydantic import BaseModel, Field  # noqa: F401


class Flower(BaseModel):
    """The four measurements of one flower, in centimetres.

    TODO: each one is > 0 and <= 30; a field that is not one of these four is rejected.
    """

    sepal_length: float
    sepal_width: float
    petal_length: float
    petal_width: float


class PredictRequest(BaseModel):
    """``POST /predict``: who asks (for the A/B split) and what to score.

    TODO: ``user_id`` is 1 to 64 characters (letters, digits and ``_.:@-``); unknown fields
    are rejected.
    """

    user_id: str
    features: Flower


class PredictResponse(BaseModel):
    request_id: str
    model_version: str
    label: str
    probabilities: Dict[str, float]
