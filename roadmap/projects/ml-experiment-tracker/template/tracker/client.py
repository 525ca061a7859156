"""The Python client a training script uses to record a run."""

from __future__ import annotations

import shutil  # noqa: F401
from pathlib import Path
from types import TracebackType
from typing import Any, Mapping, Optional

from tracker.gitinfo import current_commit  # noqa: F401
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
        # TODO: store it through self.tracker.store
        raise NotImplementedError("TODO: implement Run.log_param")

    def log_params(self, params: Mapping[str, Any]) -> None:
        for key, value in params.items():
            self.log_param(key, value)

    def log_metric(self, key: str, value: float, step: Optional[int] = None) -> int:
        """Record ``value`` at ``step`` (default: the step after the last one). Returns the step."""
        # TODO
        raise NotImplementedError("TODO: implement Run.log_metric")

    def log_artifact(self, path: str | Path, name: Optional[str] = None) -> Path:
        """Copy a file to ``<artifact_dir>/<run id>/<name>`` (name defaults to the
        file's name), record it (name, stored path, size in bytes) and return the
        stored path. A missing file raises FileNotFoundError.
        """
        # TODO
        raise NotImplementedError("TODO: implement Run.log_artifact")

    def end(self, status: str = "finished") -> None:
        # TODO
        raise NotImplementedError("TODO: implement Run.end")

    def info(self) -> dict[str, Any]:
        return self.tracker.store.get_run(self.id)

    def __enter__(self) -> "Run":
        return self

    def __exit__(self, exc_type: Optional[type], exc: Optional[BaseException],
                 tb: Optional[TracebackType]) -> None:
        # TODO: end the run as "finished", or as "failed" when the block raised.
        #       Do not swallow the exception (return None).
        raise NotImplementedError("TODO: implement Run.__exit__")


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
        """Create a run (recording current_commit(repo_path)), log ``params``, return a Run."""
        # TODO
        raise NotImplementedError("TODO: implement Tracker.start_run")

    def get_run(self, run_id: int) -> dict[str, Any]:
        return self.store.get_run(run_id)

    def list_runs(self, experiment: Optional[str] = None) -> list[dict[str, Any]]:
        return self.store.list_runs(experiment)
