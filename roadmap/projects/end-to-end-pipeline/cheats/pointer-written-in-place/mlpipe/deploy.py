"""Deploy the Production model and serve it (milestone 4).

``deploy_production`` publishes the registry's Production version into a deployment folder:

    deployments/<name>/v<version>/model.joblib, featurizer.joblib   (copied, checksums verified)
    deployments/<name>/current.json                                 which version is live

``current.json`` is replaced atomically (written beside, then ``os.replace``), so a server that
reads it never sees a half-written file, and a rollback is just pointing it back at an older
folder. ``create_app`` serves whatever ``current.json`` points at.
"""
from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path
from typing import List, Optional

from pydantic import BaseModel, Field

from .registry import Registry, sha256_file

CURRENT = "current.json"


class Transaction(BaseModel):
    amount: float = Field(..., ge=0)
    hour: int = Field(..., ge=0, le=23)
    merchant_category: str
    account_age_days: float = Field(..., ge=0)
    distance_km: Optional[float] = Field(None, ge=0)
    declines_24h: int = Field(..., ge=0)


class Batch(BaseModel):
    transactions: List[Transaction]


def deploy_production(registry: Registry, name: str, target: Path = Path("deployments")) -> dict:
    """Publish the Production version of ``name`` under ``target/name``; return current.json's content."""
    mv = registry.production(name)
    if mv is None:
        raise LookupError(f"{name} has no Production version to deploy")
    files = registry.files_of(name, mv.version)  # raises if a registered file was modified
    home = Path(target) / name
    folder = home / f"v{mv.version}"
    def intact() -> bool:
        return folder.is_dir() and all((folder / f).is_file() and sha256_file(folder / f) == c for f, c in mv.files.items())

    if not intact():
        staging = home / f".v{mv.version}.tmp"
        if staging.exists():
            shutil.rmtree(staging)
        staging.mkdir(parents=True)
        for file, path in files.items():
            shutil.copy2(path, staging / file)
        if folder.exists():
            shutil.rmtree(folder)
        os.replace(staging, folder)
    current = {"name": name, "version": mv.version, "run_id": mv.run_id, "files": dict(mv.files),
               "metrics": dict(mv.metrics), "deployed_at": time.time()}
    (home / CURRENT).write_text(json.dumps(current, indent=2))  # in place: a reader can catch it half-written
    return current


def load_deployed(home: Path):
    """(model, featurizer, current) of the version ``home/current.json`` points at."""
    import joblib

    current = json.loads((Path(home) / CURRENT).read_text())
    folder = Path(home) / f"v{current['version']}"
    for file, checksum in current["files"].items():
        if sha256_file(folder / file) != checksum:
            raise ValueError(f"{folder / file} does not match the deployed checksum")
    return joblib.load(folder / "model.joblib"), joblib.load(folder / "featurizer.joblib"), current


def create_app(home: Path):
    """A FastAPI app serving the deployed version: GET /health, POST /predict (a list of transactions)."""
    import pandas as pd
    from fastapi import FastAPI, HTTPException

    model, featurizer, current = load_deployed(home)
    app = FastAPI(title=f"{current['name']} v{current['version']}")

    @app.get("/health")
    def health() -> dict:
        return {"status": "ok", "model": current["name"], "version": current["version"], "run_id": current["run_id"]}

    @app.post("/predict")
    def predict(batch: Batch) -> dict:
        if not batch.transactions:
            raise HTTPException(status_code=422, detail="send at least one transaction")
        frame = pd.DataFrame([t.dict() for t in batch.transactions]).astype({"distance_km": float})
        scores = model.predict_proba(featurizer.transform(frame))[:, 1]
        return {"version": current["version"], "fraud_probability": [float(s) for s in scores]}

    return app
