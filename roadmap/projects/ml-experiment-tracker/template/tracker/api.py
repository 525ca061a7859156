"""REST API and dashboard, served by FastAPI.

Run it with ``python -m tracker serve`` (uvicorn) or test it with
``fastapi.testclient.TestClient(create_app(...))``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Dict, List, Optional

from fastapi import FastAPI, HTTPException
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse  # noqa: F401
from pydantic import BaseModel

from tracker.dashboard import render_dashboard  # noqa: F401
from tracker.export import csv_text, export_data  # noqa: F401
from tracker.store import STATUSES, RunNotFound, Store  # noqa: F401


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
    GET  /api/runs/{run_id}                    the run (done for you, below)
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

    @app.get("/api/runs/{run_id}")
    def get_run(run_id: int):
        return run_or_404(run_id)

    # TODO: add the other routes from the table above.

    return app
