"""SQLite storage for runs, parameters, metrics and artifacts."""

from __future__ import annotations

import json  # noqa: F401
import sqlite3
import time  # noqa: F401
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
    """All reads and writes of the tracker go through this class.

    Every call opens its own short-lived connection, so one Store can be used
    from several threads, and every process can make its own Store on the same
    file. Writes run in ``BEGIN IMMEDIATE`` transactions: the write lock is
    taken at the start, so a read-then-write (like picking the next step)
    cannot interleave with another writer.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        conn = self._connect()
        try:
            conn.execute("PRAGMA journal_mode=WAL")  # readers never block the writer
            conn.executescript(SCHEMA)
        finally:
            conn.close()
        # One idle connection stays open while the Store lives. Without it, closing the
        # short-lived connection of every call would be closing the *last* connection, and
        # SQLite then checkpoints and deletes the WAL file each time: an fsync per write,
        # 10-20 times slower. It holds no lock and is never used for queries.
        self._keepalive = self._connect()

    def close(self) -> None:
        """Close the idle connection (the Store still works: calls open their own)."""
        self._keepalive.close()

    def _connect(self) -> sqlite3.Connection:
        # isolation_level=None: the sqlite3 module starts no transactions on its
        # own; we issue BEGIN/COMMIT ourselves (see _write).
        conn = sqlite3.connect(self.path, timeout=30.0, isolation_level=None)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("PRAGMA synchronous=NORMAL")
        return conn

    @contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        """A connection for reading, closed afterwards."""
        conn = self._connect()
        try:
            yield conn
        finally:
            conn.close()

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """A connection inside one write transaction.

        TODO: open a connection, run "BEGIN IMMEDIATE" (takes the write lock
        now, so nobody can write between your SELECT and your INSERT), yield
        the connection, then "COMMIT" - or "ROLLBACK" if the body raised -
        and always close the connection.
        """
        raise NotImplementedError("TODO: implement Store._write")
        yield  # (makes this function a generator; remove when you implement it)

    @staticmethod
    def _require_run(conn: sqlite3.Connection, run_id: int) -> None:
        if conn.execute("SELECT 1 FROM runs WHERE id = ?", (run_id,)).fetchone() is None:
            raise RunNotFound(run_id)

    # -- writing ---------------------------------------------------------------

    def create_run(self, experiment: str, name: str, git_commit: Optional[str] = None) -> int:
        """Insert a run with status "running" and started_at = time.time(); return its id."""
        # TODO
        raise NotImplementedError("TODO: implement Store.create_run")

    def set_status(self, run_id: int, status: str) -> None:
        """Set the status (one of STATUSES, else ValueError).

        "finished" and "failed" also set ended_at to the current time.
        Unknown run ids raise RunNotFound (use _require_run).
        """
        # TODO
        raise NotImplementedError("TODO: implement Store.set_status")

    def log_param(self, run_id: int, key: str, value: Any) -> None:
        """Store a parameter as JSON text (json.dumps), replacing an older value of the key."""
        # TODO
        raise NotImplementedError("TODO: implement Store.log_param")

    def log_metric(self, run_id: int, key: str, value: float, step: Optional[int] = None) -> int:
        """Store one point; ``step=None`` means one past the last step of this key
        (0 for the first point). Returns the step used. Logging the same step
        again replaces the value. Must be safe when several processes log at once.
        """
        # TODO: find the next step and insert in the SAME write transaction.
        raise NotImplementedError("TODO: implement Store.log_metric")

    def log_artifact(self, run_id: int, name: str, path: str | Path, size: int) -> None:
        """Record a stored file (the copying is done by the client)."""
        # TODO
        raise NotImplementedError("TODO: implement Store.log_artifact")

    # -- reading ---------------------------------------------------------------

    def get_run(self, run_id: int) -> dict[str, Any]:
        """One run as a dict (RunNotFound if missing)::

            {"id": 1, "experiment": "mnist", "name": "baseline", "status": "finished",
             "git_commit": "3f2a..." or None, "started_at": 1700000000.0, "ended_at": ... or None,
             "params": {"lr": 0.01, "optimizer": "adam"},        # decoded from JSON
             "metrics": {"accuracy": 0.97, "loss": 0.08},        # value at the highest step
             "artifacts": [{"name": "model.pt", "path": "...", "size": 1234}]}   # sorted by name
        """
        # TODO
        raise NotImplementedError("TODO: implement Store.get_run")

    def list_runs(self, experiment: Optional[str] = None) -> list[dict[str, Any]]:
        """All runs (or those of one experiment), as get_run dicts, ordered by id."""
        # TODO
        raise NotImplementedError("TODO: implement Store.list_runs")

    def metric_history(self, run_id: int, key: str) -> list[dict[str, Any]]:
        """``[{"step": 0, "value": 0.9}, {"step": 1, "value": 0.7}, ...]`` ordered by step."""
        # TODO
        raise NotImplementedError("TODO: implement Store.metric_history")
