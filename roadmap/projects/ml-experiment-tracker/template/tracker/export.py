"""Export runs to JSON (everything) or CSV (one row per run)."""

from __future__ import annotations

import csv  # noqa: F401
import io  # noqa: F401
import json
import time  # noqa: F401
from pathlib import Path
from typing import Any, Optional

from tracker.store import Store

RUN_COLUMNS = ["run_id", "experiment", "name", "status", "git_commit", "started_at", "ended_at"]


def export_data(store: Store, experiment: Optional[str] = None) -> dict[str, Any]:
    """Every run with its params, full metric histories and artifacts::

        {"exported_at": <time.time()>, "experiment": experiment,
         "runs": [<get_run dict, but "metrics" maps each key to its full
                  metric_history list instead of the last value>, ...]}
    """
    # TODO
    raise NotImplementedError("TODO: implement export_data")


def csv_text(store: Store, experiment: Optional[str] = None) -> str:
    """One header line, then one line per run (ordered by id), "\\n" line endings.

    Columns: RUN_COLUMNS, then ``param.<key>`` for every parameter key of any
    run (sorted), then ``metric.<key>`` for every metric key (sorted) holding
    the last value. A missing value (or git_commit / ended_at of None) is an
    empty cell. Write floats with repr() so they read back exactly; write
    string params as they are and other params as JSON (json.dumps).
    """
    # TODO: csv.writer on an io.StringIO(), lineterminator="\\n".
    raise NotImplementedError("TODO: implement csv_text")


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
