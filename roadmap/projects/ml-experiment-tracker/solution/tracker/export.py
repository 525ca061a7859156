"""Export runs to JSON (everything) or CSV (one row per run)."""

from __future__ import annotations

import csv
import io
import json
import time
from pathlib import Path
from typing import Any, Optional

from tracker.store import Store

RUN_COLUMNS = ["run_id", "experiment", "name", "status", "git_commit", "started_at", "ended_at"]


def export_data(store: Store, experiment: Optional[str] = None) -> dict[str, Any]:
    """Every run with its params, full metric histories and artifacts."""
    runs = []
    for run in store.list_runs(experiment):
        histories = {key: store.metric_history(run["id"], key) for key in sorted(run["metrics"])}
        runs.append({**run, "metrics": histories})
    return {"exported_at": time.time(), "experiment": experiment, "runs": runs}


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return json.dumps(value)


def csv_text(store: Store, experiment: Optional[str] = None) -> str:
    """One row per run: run columns, then ``param.<key>`` and ``metric.<key>`` (last value)."""
    runs = store.list_runs(experiment)
    param_keys = sorted({key for run in runs for key in run["params"]})
    metric_keys = sorted({key for run in runs for key in run["metrics"]})
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(RUN_COLUMNS + [f"param.{k}" for k in param_keys]
                    + [f"metric.{k}" for k in metric_keys])
    for run in runs:
        row = [run["id"], run["experiment"], run["name"], run["status"], run["git_commit"] or "",
               repr(run["started_at"]), "" if run["ended_at"] is None else repr(run["ended_at"])]
        row += [_cell(run["params"].get(k)) for k in param_keys]
        row += ["" if k not in run["metrics"] else repr(run["metrics"][k]) for k in metric_keys]
        writer.writerow(row)
    return out.getvalue()


def export_json(store: Store, path: str | Path, experiment: Optional[str] = None) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(export_data(store, experiment), indent=2), encoding="utf-8")
    return path


def export_csv(store: Store, path: str | Path, experiment: Optional[str] = None) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write(csv_text(store, experiment))
    return path
