"""Experiment tracking with MLflow's calls (GIVEN, nothing to do here).

``get_tracker()`` returns the real ``mlflow`` module when it is installed, and otherwise
``LocalTracker``, a small stand-in with the same fluent calls (``set_experiment``, ``start_run``,
``log_params``, ``log_metrics``, ``log_artifact``, ``set_tags``, ``get_run``) that writes
MLflow's own file-store layout:

    mlruns/<experiment_id>/meta.yaml
    mlruns/<experiment_id>/<run_id>/meta.yaml
    mlruns/<experiment_id>/<run_id>/params/<key>      the value, as text
    mlruns/<experiment_id>/<run_id>/metrics/<key>     lines "<timestamp ms> <value> <step>"
    mlruns/<experiment_id>/<run_id>/tags/<key>
    mlruns/<experiment_id>/<run_id>/artifacts/...

so ``mlflow ui --backend-store-uri mlruns`` can browse what the stand-in logged. Set
``MLPIPE_TRACKER=local`` to use the stand-in even where mlflow is installed (the tests do).
"""
from __future__ import annotations

import os
import shutil
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional

import yaml

_STATUS = {"RUNNING": 1, "SCHEDULED": 2, "FINISHED": 3, "FAILED": 4, "KILLED": 5}
_STATUS_NAME = {v: k for k, v in _STATUS.items()}


def get_tracker(uri: str = "mlruns"):
    """``mlflow`` itself when importable (and MLPIPE_TRACKER is not "local"), else a LocalTracker."""
    if os.environ.get("MLPIPE_TRACKER", "").lower() != "local":
        try:
            import mlflow  # type: ignore

            mlflow.set_tracking_uri(uri if "://" in uri else Path(uri).resolve().as_uri())
            return mlflow
        except ImportError:
            pass
    return LocalTracker(uri)


@dataclass
class Experiment:
    experiment_id: str
    name: str


@dataclass
class RunInfo:
    run_id: str
    experiment_id: str
    run_name: str
    status: str
    start_time: int
    end_time: Optional[int]
    artifact_uri: str


@dataclass
class RunData:
    params: Dict[str, str] = field(default_factory=dict)
    metrics: Dict[str, float] = field(default_factory=dict)
    tags: Dict[str, str] = field(default_factory=dict)


@dataclass
class Run:
    info: RunInfo
    data: RunData


class ActiveRun:
    """What ``start_run`` returns; ending the ``with`` block ends the run (FAILED on an exception)."""

    def __init__(self, tracker: "LocalTracker", info: RunInfo):
        self._tracker = tracker
        self.info = info

    def __enter__(self) -> "ActiveRun":
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        self._tracker.end_run("FAILED" if exc_type else "FINISHED")


def _now_ms() -> int:
    return int(time.time() * 1000)


class LocalTracker:
    """MLflow's fluent tracking API over MLflow's file-store layout, for machines without mlflow."""

    def __init__(self, root: str | Path = "mlruns"):
        self.root = Path(root)
        self._experiment_id = "0"
        self._active: Optional[ActiveRun] = None

    # -- experiments ---------------------------------------------------------------------------
    def set_tracking_uri(self, uri: str) -> None:
        self.root = Path(uri.replace("file://", ""))

    def get_tracking_uri(self) -> str:
        return self.root.resolve().as_uri()

    def _experiments(self) -> List[Experiment]:
        out = []
        if self.root.is_dir():
            for meta in self.root.glob("*/meta.yaml"):
                data = yaml.safe_load(meta.read_text()) or {}
                out.append(Experiment(str(data["experiment_id"]), data["name"]))
        return out

    def _create_experiment(self, name: str, experiment_id: str) -> Experiment:
        folder = self.root / experiment_id
        folder.mkdir(parents=True, exist_ok=True)
        now = _now_ms()
        meta = {"artifact_location": (folder.resolve()).as_uri(), "creation_time": now, "experiment_id": experiment_id,
                "last_update_time": now, "lifecycle_stage": "active", "name": name}
        (folder / "meta.yaml").write_text(yaml.safe_dump(meta))
        return Experiment(experiment_id, name)

    def set_experiment(self, name: str) -> Experiment:
        known = self._experiments()
        for e in known:
            if e.name == name:
                self._experiment_id = e.experiment_id
                return e
        if not any(e.experiment_id == "0" for e in known):
            self._create_experiment("Default", "0")
        next_id = str(max([int(e.experiment_id) for e in known] + [0]) + 1)
        experiment = self._create_experiment(name, next_id)
        self._experiment_id = experiment.experiment_id
        return experiment

    # -- runs ----------------------------------------------------------------------------------
    def _run_dir(self, run_id: str) -> Path:
        for candidate in self.root.glob(f"*/{run_id}"):
            if (candidate / "meta.yaml").is_file():
                return candidate
        raise KeyError(f"no run {run_id} under {self.root}")

    def _write_meta(self, folder: Path, info: RunInfo) -> None:
        meta = {"artifact_uri": info.artifact_uri, "end_time": info.end_time, "entry_point_name": "",
                "experiment_id": info.experiment_id, "lifecycle_stage": "active", "run_id": info.run_id,
                "run_name": info.run_name, "run_uuid": info.run_id, "source_name": "", "source_type": 4,
                "source_version": "", "start_time": info.start_time, "status": _STATUS[info.status],
                "tags": [], "user_id": os.environ.get("USER", "unknown")}
        (folder / "meta.yaml").write_text(yaml.safe_dump(meta))

    def _read_info(self, folder: Path) -> RunInfo:
        m = yaml.safe_load((folder / "meta.yaml").read_text())
        return RunInfo(m["run_id"], str(m["experiment_id"]), m.get("run_name", ""), _STATUS_NAME[m["status"]],
                       m["start_time"], m.get("end_time"), m["artifact_uri"])

    def start_run(self, run_id: Optional[str] = None, run_name: Optional[str] = None,
                  experiment_id: Optional[str] = None, **_ignored) -> ActiveRun:
        if self._active is not None:
            raise RuntimeError(f"run {self._active.info.run_id} is already active: end it first")
        if run_id is not None:  # resume, as mlflow.start_run(run_id=...) does
            folder = self._run_dir(run_id)
            info = self._read_info(folder)
            info.status, info.end_time = "RUNNING", None
        else:
            experiment_id = experiment_id or self._experiment_id
            if not (self.root / experiment_id / "meta.yaml").exists():
                self._create_experiment("Default" if experiment_id == "0" else f"experiment-{experiment_id}", experiment_id)
            run_id = uuid.uuid4().hex
            folder = self.root / experiment_id / run_id
            for sub in ("params", "metrics", "tags", "artifacts"):
                (folder / sub).mkdir(parents=True, exist_ok=True)
            run_name = run_name or f"run-{run_id[:8]}"
            info = RunInfo(run_id, experiment_id, run_name, "RUNNING", _now_ms(), None,
                           (folder / "artifacts").resolve().as_uri())
            (folder / "tags" / "mlflow.runName").write_text(run_name)
        self._write_meta(folder, info)
        self._active = ActiveRun(self, info)
        return self._active

    def active_run(self) -> Optional[ActiveRun]:
        return self._active

    def end_run(self, status: str = "FINISHED") -> None:
        if self._active is None:
            return
        info = self._active.info
        info.status, info.end_time = status, _now_ms()
        self._write_meta(self._run_dir(info.run_id), info)
        self._active = None

    def _folder(self) -> Path:
        if self._active is None:
            self.start_run()
        return self._run_dir(self._active.info.run_id)

    @staticmethod
    def _check_key(key: str) -> str:
        if not key or "/" in key or key.startswith(".") or ".." in key:
            raise ValueError(f"invalid key {key!r}")
        return key

    def log_param(self, key: str, value) -> None:
        path = self._folder() / "params" / self._check_key(key)
        text = str(value)
        if path.exists() and path.read_text() != text:
            raise ValueError(f"param {key!r} was already logged as {path.read_text()!r}: params are immutable")
        path.write_text(text)

    def log_params(self, params: Dict) -> None:
        for key, value in params.items():
            self.log_param(key, value)

    def log_metric(self, key: str, value: float, step: Optional[int] = None) -> None:
        path = self._folder() / "metrics" / self._check_key(key)
        with open(path, "a") as f:
            f.write(f"{_now_ms()} {float(value)!r} {int(step or 0)}\n")

    def log_metrics(self, metrics: Dict[str, float], step: Optional[int] = None) -> None:
        for key, value in metrics.items():
            self.log_metric(key, value, step)

    def set_tag(self, key: str, value) -> None:
        (self._folder() / "tags" / self._check_key(key)).write_text(str(value))

    def set_tags(self, tags: Dict) -> None:
        for key, value in tags.items():
            self.set_tag(key, value)

    def log_artifact(self, local_path: str | Path, artifact_path: Optional[str] = None) -> None:
        target = self._folder() / "artifacts"
        if artifact_path:
            target = target / artifact_path
        target.mkdir(parents=True, exist_ok=True)
        shutil.copy2(local_path, target / Path(local_path).name)

    def get_run(self, run_id: str) -> Run:
        folder = self._run_dir(run_id)
        data = RunData()
        for p in sorted((folder / "params").iterdir()):
            data.params[p.name] = p.read_text()
        for p in sorted((folder / "metrics").iterdir()):
            lines = [line.split() for line in p.read_text().splitlines() if line.strip()]
            if lines:
                last = max(lines, key=lambda parts: (int(parts[2]), int(parts[0])))
                data.metrics[p.name] = float(last[1])
        for p in sorted((folder / "tags").iterdir()):
            data.tags[p.name] = p.read_text()
        return Run(self._read_info(folder), data)

    def artifact_dir(self, run_id: str) -> Path:
        """Where a run's artifacts are on disk (a stand-in convenience; mlflow has download_artifacts)."""
        return self._run_dir(run_id) / "artifacts"
