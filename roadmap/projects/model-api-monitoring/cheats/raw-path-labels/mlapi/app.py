"""The FastAPI application (milestones 2 to 5).

``create_app`` wires everything together: the model versions, the A/B router that picks one per
user, the Prometheus metrics, the JSON logs and the request-id middleware. Nothing in here is a
global, so a test (or a second worker) can build as many independent apps as it likes.
"""
from __future__ import annotations

import logging
import time
import uuid
from pathlib import Path
from typing import Dict, Optional

import pandas as pd
from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response

from .ab import ABRouter, StaticRouter
from .logs import make_logger, request_id_var
from .metrics import UNMATCHED_ROUTE, Metrics
from .schemas import PredictRequest, PredictResponse

REQUEST_ID_HEADER = "X-Request-ID"


def route_of(request: Request) -> str:
    """The route *template* that matched (``/models/{version}``), never the raw path (GIVEN).

    Raw paths as label values would make a new time series per version name, user id or
    scanner probe, which is how a Prometheus server runs out of memory.
    """
    # Lazy: the raw path is right there, why look up the route template?
    return request.url.path


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
        request_id = request.headers.get(REQUEST_ID_HEADER) or uuid.uuid4().hex
        token = request_id_var.set(request_id)
        started = time.perf_counter()
        try:
            try:
                response = await call_next(request)
            except Exception:
                metrics.count_error(route_of(request), "server")
                logger.exception("unhandled error", extra={"route": route_of(request), "path": request.url.path})
                response = JSONResponse(
                    status_code=500,
                    content={"error": "internal_error", "message": "the server failed to answer this request",
                             "request_id": request_id},
                )
            seconds = time.perf_counter() - started
            route = route_of(request)
            metrics.observe_request(request.method, route, response.status_code, seconds)
            response.headers[REQUEST_ID_HEADER] = request_id
            logger.info("request", extra={
                "method": request.method, "route": route, "path": request.url.path,
                "status": response.status_code, "latency_ms": round(seconds * 1000.0, 3),
            })
            return response
        finally:
            request_id_var.reset(token)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError):
        problems = []
        for error in exc.errors():
            field = ".".join(str(part) for part in error["loc"] if part != "body") or "body"
            problems.append((field, error["msg"]))
        metrics.count_error(route_of(request), "validation")
        return JSONResponse(status_code=422, content={
            "error": "validation_error",
            "message": "invalid request: " + "; ".join(f"{field}: {msg}" for field, msg in problems),
            "fields": [field for field, _ in problems],
            "request_id": request_id_var.get(),
        })

    @app.get("/health")
    def health() -> dict:
        return {"status": "ok", "versions": sorted(models)}

    @app.get("/models/{version}")
    def model_card(version: str) -> dict:
        if version not in models:
            raise HTTPException(status_code=404, detail=f"no model version {version!r}")
        return models[version].card()

    @app.post("/predict", response_model=PredictResponse)
    def predict(body: PredictRequest) -> PredictResponse:
        version = router.assign(body.user_id)
        model = models[version]
        frame = pd.DataFrame([body.features.dict()])
        proba = model.predict_proba(frame)[0]
        best = int(proba.argmax())
        label = str(model.classes[best])
        metrics.count_prediction(version, label)
        logger.info("prediction", extra={"model_version": version, "label": label, "user_id": body.user_id})
        return PredictResponse(
            request_id=request_id_var.get(),
            model_version=version,
            label=label,
            probabilities={str(c): float(p) for c, p in zip(model.classes, proba)},
        )

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
