"""The Python client a training script uses to record a run."""

from __future__ import annotations

import shutil
from pathlib import Path
from types import TracebackType
from typing import Any, Mapping, Optional

from tracker.gitinfo import current_commit
from tracker.store import Store


class Run:
    """One training run. Use it as a context manager::

        with tracker.start_run("baseline", params={"lr": 0.1}) as run:
            run.log_metric("loss", 0.5)
    """

    def __init__(self, tracker: "Tracker", run_id: int) -> None:
        self.tracker = tracker
        self.id = run_id

    def log_param(self, key: str, value: Any) -> None:
        self.tracker.store.log_param(self.id, key, value)

    def log_params(self, params: Mapping[str, Any]) -> None:
        for key, value in params.items():
            self.log_param(key, value)

    def log_metric(self, key: str, value: float, step: Optional[int] = None) -> int:
        """Record ``value`` at ``step`` (default: the step after the last one). Returns the step."""
        return self.tracker.store.log_metric(self.id, key, value, step)

    def log_artifact(self, path: str | Path, name: Optional[str] = None) -> Path:
        """Copy a file into the run's artifact folder and record it."""
        source = Path(path)
        if not source.is_file():
            raise FileNotFoundError(f"artifact {source} does not exist")
        name = name or source.name
        if Path(name).name != name:
            raise ValueError(f"artifact name must be a plain file name, got {name!r}")
        target_dir = self.tracker.artifact_dir / str(self.id)
        target_dir.mkdir(parents=True, exist_ok=True)
        target = target_dir / name
        shutil.copyfile(source, target)
        self.tracker.store.log_artifact(self.id, name, target, target.stat().st_size)
        return target

    def end(self, status: str = "finished") -> None:
        self.tracker.store.set_status(self.id, status)

    def info(self) -> dict[str, Any]:
        return self.tracker.store.get_run(self.id)

    def __enter__(self) -> "Run":
        return self

    def __exit__(self, exc_type: Optional[type], exc: Optional[BaseException],
                 tb: Optional[TracebackType]) -> None:
        # Record the outcome; returning None lets any exception propagate.
        self.end("failed" if exc_type is not None else "finished")


class Tracker:
    """Entry point: ``Tracker("runs.db").start_run("my-run")``."""

    def __init__(self, db_path: str | Path = "tracker.db",
                 artifact_dir: Optional[str | Path] = None) -> None:
        self.db_path = Path(db_path)
        self.store = Store(self.db_path)
        self.artifact_dir = Path(artifact_dir) if artifact_dir else self.db_path.parent / "artifacts"

    def start_run(self, name: str, experiment: str = "default",
                  params: Optional[Mapping[str, Any]] = None,
                  repo_path: str | Path = ".") -> Run:
        run = Run(self, self.store.create_run(experiment, name, current_commit(repo_path)))
        if params:
            run.log_params(params)
        return run

    def get_run(self, run_id: int) -> dict[str, Any]:
        return self.store.get_run(run_id)

    def list_runs(self, experiment: Optional[str] = None) -> list[dict[str, Any]]:
        return self.store.list_runs(experiment)
