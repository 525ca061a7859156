"""REST API and dashboard, served by FastAPI.

Run it with ``python -m tracker serve`` (uvicorn) or test it with
``fastapi.testclient.TestClient(create_app(...))``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Dict, List, Optional

from fastapi import FastAPI, HTTPException
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse
from pydantic import BaseModel

from tracker.dashboard import render_dashboard
from tracker.export import csv_text, export_data
from tracker.store import STATUSES, RunNotFound, Store


class NewRun(BaseModel):
    name: str
    experiment: str = "default"
    params: Dict[str, Any] = {}
    git_commit: Optional[str] = None


class ParamsIn(BaseModel):
    params: Dict[str, Any]


class MetricIn(BaseModel):
    key: str
    value: float
    step: Optional[int] = None


class StatusIn(BaseModel):
    status: str


def create_app(db_path: str | Path = "tracker.db") -> FastAPI:
    """Build the app around one Store. Routes (all JSON unless noted):

    ==========================================  =======================================
    POST /api/runs                (NewRun)      201, the new run (as Store.get_run)
    GET  /api/runs?experiment=...              list of runs (optionally one experiment)
    GET  /api/runs/{run_id}                    the run
    POST /api/runs/{run_id}/params (ParamsIn)   the updated run
    POST /api/runs/{run_id}/metrics (MetricIn)  201, {"key", "step", "value"} (step filled in)
    GET  /api/runs/{run_id}/metrics/{key}      the metric history
    POST /api/runs/{run_id}/status (StatusIn)   the updated run; 422 for an unknown status
    GET  /api/export?format=json|csv           export_data(...) as JSON, or csv_text(...)
                                               as text/csv; 422 for another format
    GET  /?experiment=...                      the HTML dashboard (render_dashboard)
    ==========================================  =======================================

    Every route with a run id answers 404 when the run does not exist.
    """
    store = Store(db_path)
    app = FastAPI(title="ML experiment tracker")

    def run_or_404(run_id: int) -> Dict[str, Any]:
        try:
            return store.get_run(run_id)
        except RunNotFound as missing:
            raise HTTPException(status_code=404, detail=str(missing)) from None

    @app.post("/api/runs", status_code=201)
    def create_run(body: NewRun):
        run_id = store.create_run(body.experiment, body.name, body.git_commit)
        for key, value in body.params.items():
            store.log_param(run_id, key, value)
        return store.get_run(run_id)

    @app.get("/api/runs")
    def list_runs(experiment: Optional[str] = None):
        return store.list_runs(experiment)

    @app.get("/api/runs/{run_id}")
    def get_run(run_id: int):
        return run_or_404(run_id)

    @app.post("/api/runs/{run_id}/params")
    def log_params(run_id: int, body: ParamsIn):
        run_or_404(run_id)
        for key, value in body.params.items():
            store.log_param(run_id, key, value)
        return store.get_run(run_id)

    @app.post("/api/runs/{run_id}/metrics", status_code=201)
    def log_metric(run_id: int, body: MetricIn):
        run_or_404(run_id)
        step = store.log_metric(run_id, body.key, body.value, body.step)
        return {"key": body.key, "step": step, "value": body.value}

    @app.get("/api/runs/{run_id}/metrics/{key}")
    def metric_history(run_id: int, key: str):
        run_or_404(run_id)
        return store.metric_history(run_id, key)

    @app.post("/api/runs/{run_id}/status")
    def set_status(run_id: int, body: StatusIn):
        run_or_404(run_id)
        if body.status not in STATUSES:
            raise HTTPException(status_code=422, detail=f"status must be one of {list(STATUSES)}")
        store.set_status(run_id, body.status)
        return store.get_run(run_id)

    @app.get("/api/export")
    def export(format: str = "json", experiment: Optional[str] = None):
        if format not in ("json", "csv"):
            raise HTTPException(status_code=422, detail="format must be 'json' or 'csv'")
        if format == "csv":
            return PlainTextResponse(csv_text(store, experiment), media_type="text/csv")
        return JSONResponse(export_data(store, experiment))

    @app.get("/", response_class=HTMLResponse)
    def dashboard(experiment: Optional[str] = None):
        return HTMLResponse(render_dashboard(store, experiment))

    return app
