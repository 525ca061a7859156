"""The FastAPI application (milestones 2 to 5).

``create_app`` wires everything together: the model versions, the A/B router that picks one per
user, the Prometheus metrics, the JSON logs and the request-id middleware. Nothing in here is a
global, so a test (or a second worker) can build as many independent apps as it likes.
"""
from __future__ import annotations

import logging
import time  # noqa: F401
import uuid  # noqa: F401
from pathlib import Path
from typing import Dict, Optional

import pandas as pd  # noqa: F401
from fastapi import FastAPI, HTTPException, Request  # noqa: F401
from fastapi.exceptions import RequestValidationError  # noqa: F401
from fastapi.responses import JSONResponse, Response  # noqa: F401

from .ab import ABRouter, StaticRouter
from .logs import make_logger, request_id_var  # noqa: F401
from .metrics import UNMATCHED_ROUTE, Metrics
from .schemas import PredictRequest, PredictResponse

REQUEST_ID_HEADER = "X-Request-ID"


def route_of(request: Request) -> str:
    """The route *template* that matched (``/models/{version}``), never the raw path (GIVEN).

    Raw paths as label values would make a new time series per version name, user id or
    scanner probe, which is how a Prometheus server runs out of memory.
    """
    route = request.scope.get("route")
    return getattr(route, "path", None) or UNMATCHED_ROUTE


def create_app(models: Dict[str, object], router=None, metrics: Optional[Metrics] = None,
               logger: Optional[logging.Logger] = None) -> FastAPI:
    """Build the API around already loaded model versions.

    ``models`` maps a version name to an object with ``version``, ``classes``,
    ``predict_proba(frame)`` and ``card()`` (a ``ModelVersion`` or a test's stand-in).
    """
    if not models:
        raise ValueError("create_app needs at least one model version")
    router = router if router is not None else StaticRouter(next(iter(models)))
    unknown = set(getattr(router, "weights", {})) - set(models)
    if unknown:
        raise ValueError(f"the router sends traffic to versions that are not loaded: {sorted(unknown)}")
    metrics = metrics if metrics is not None else Metrics()
    logger = logger if logger is not None else make_logger()

    app = FastAPI(title="mlapi: iris species", version="1.0")
    app.state.models = models
    app.state.router = router
    app.state.metrics = metrics

    @app.middleware("http")
    async def observe(request: Request, call_next):
        # TODO (milestone 3): time the request with time.perf_counter() and record it with
        #   metrics.observe_request(method, route_of(request), status, seconds).
        # TODO (milestone 4): take the id from the X-Request-ID header or make one (uuid4),
        #   set request_id_var for the duration of the request (and reset it after), send the
        #   id back in the X-Request-ID response header, and log one "request" line with
        #   method, route, path, status and latency_ms. When call_next raises, count a
        #   "server" error, log it with logger.exception and answer a 500 JSON body
        #   {"error", "message", "request_id"} without the traceback.
        return await call_next(request)

    # TODO (milestone 2): an exception handler for RequestValidationError that answers 422
    #   with {"error": "validation_error", "message": ..., "fields": [...], "request_id": ...},
    #   where each field is the dotted path of the bad input without "body" (for example
    #   "features.petal_length") and the message names every field with what is wrong.
    #   (milestone 3): also count a "validation" error.

    @app.get("/health")
    def health() -> dict:
        # TODO (milestone 2): {"status": "ok", "versions": [the loaded version names]}
        return {"status": "TODO"}

    @app.get("/models/{version}")
    def model_card(version: str) -> dict:
        # TODO (milestone 2): the version's card(), or a 404 for an unknown version.
        raise NotImplementedError("TODO: GET /models/{version}")

    @app.post("/predict", response_model=PredictResponse)
    def predict(body: PredictRequest) -> PredictResponse:
        # TODO (milestone 2): pick the version with router.assign(body.user_id), score a one-row
        #   DataFrame of the features, answer the most probable class and every probability.
        #   (milestone 3): metrics.count_prediction(version, label).
        raise NotImplementedError("TODO: POST /predict")

    @app.get("/metrics")
    def prometheus_metrics() -> Response:
        return Response(metrics.exposition(), media_type=metrics.content_type)

    return app


def parse_split(text: str) -> Dict[str, float]:
    """``"v1=0.9,v2=0.1"`` → ``{"v1": 0.9, "v2": 0.1}`` (GIVEN)."""
    weights = {}
    for part in filter(None, (p.strip() for p in text.split(","))):
        name, _, weight = part.partition("=")
        weights[name.strip()] = float(weight) if weight else 1.0
    return weights


def build_app_from_disk(models_dir: Path = Path("artifacts/models"), split: str = "v1=0.9,v2=0.1") -> FastAPI:
    """Load every saved version under ``models_dir`` and serve them with an A/B split (GIVEN)."""
    from .model import load_version

    loaded = [load_version(path) for path in sorted(Path(models_dir).iterdir()) if (path / "card.json").exists()]
    if not loaded:
        raise FileNotFoundError(f"no saved model version under {models_dir}: run `python -m mlapi train` first")
    models = {mv.version: mv for mv in loaded}
    weights = {name: w for name, w in parse_split(split).items() if name in models}
    router = ABRouter(weights) if len(weights) > 1 else StaticRouter(next(iter(weights or models)))
    return create_app(models, router=router)


def app_from_env() -> FastAPI:
    """Factory for ``uvicorn mlapi.app:app_from_env --factory`` (Docker): reads MLAPI_MODELS, MLAPI_SPLIT."""
    import os

    return build_app_from_disk(Path(os.environ.get("MLAPI_MODELS", "artifacts/models")),
                               os.environ.get("MLAPI_SPLIT", "v1=0.9,v2=0.1"))
