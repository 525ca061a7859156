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
        # isolation_level=None: we issue BEGIN/COMMIT ourselves.
        conn = sqlite3.connect(self.path, timeout=30.0, isolation_level=None)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("PRAGMA synchronous=NORMAL")
        return conn

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        conn = self._connect()
        try:
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")
        finally:
            conn.close()

    @contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        conn = self._connect()
        try:
            yield conn
        finally:
            conn.close()

    @staticmethod
    def _require_run(conn: sqlite3.Connection, run_id: int) -> None:
        if conn.execute("SELECT 1 FROM runs WHERE id = ?", (run_id,)).fetchone() is None:
            raise RunNotFound(run_id)

    # -- writing ---------------------------------------------------------------

    def create_run(self, experiment: str, name: str, git_commit: Optional[str] = None) -> int:
        with self._write() as conn:
            cursor = conn.execute(
                "INSERT INTO runs (experiment, name, git_commit, started_at) VALUES (?, ?, ?, ?)",
                (experiment, name, git_commit, time.time()))
            return int(cursor.lastrowid)

    def set_status(self, run_id: int, status: str) -> None:
        if status not in STATUSES:
            raise ValueError(f"status must be one of {STATUSES}, got {status!r}")
        ended_at = None if status == "running" else time.time()
        with self._write() as conn:
            self._require_run(conn, run_id)
            conn.execute("UPDATE runs SET status = ?, ended_at = ? WHERE id = ?",
                         (status, ended_at, run_id))

    def log_param(self, run_id: int, key: str, value: Any) -> None:
        encoded = json.dumps(value)
        with self._write() as conn:
            self._require_run(conn, run_id)
            conn.execute("INSERT OR REPLACE INTO params (run_id, key, value) VALUES (?, ?, ?)",
                         (run_id, key, encoded))

    def log_metric(self, run_id: int, key: str, value: float, step: Optional[int] = None) -> int:
        """Store one point; ``step=None`` means one past the last step of this key.

        Returns the step used. Logging the same step again replaces the value.
        """
        with self._write() as conn:
            self._require_run(conn, run_id)
            if step is None:
                row = conn.execute("SELECT MAX(step) FROM metrics WHERE run_id = ? AND key = ?",
                                   (run_id, key)).fetchone()
                step = 0 if row[0] is None else row[0] + 1
            conn.execute(
                "INSERT OR REPLACE INTO metrics (run_id, key, step, value, logged_at) "
                "VALUES (?, ?, ?, ?, ?)", (run_id, key, int(step), float(value), time.time()))
        return int(step)

    def log_artifact(self, run_id: int, name: str, path: str | Path, size: int) -> None:
        with self._write() as conn:
            self._require_run(conn, run_id)
            conn.execute("INSERT OR REPLACE INTO artifacts (run_id, name, path, size) "
                         "VALUES (?, ?, ?, ?)", (run_id, name, str(path), int(size)))

    # -- reading ---------------------------------------------------------------

    def _run_dict(self, conn: sqlite3.Connection, row: sqlite3.Row) -> dict[str, Any]:
        run_id = row["id"]
        params = {r["key"]: json.loads(r["value"]) for r in conn.execute(
            "SELECT key, value FROM params WHERE run_id = ? ORDER BY key", (run_id,))}
        # The latest value of each metric is the one with the highest step.
        metrics = {r["key"]: r["value"] for r in conn.execute(
            "SELECT m.key, m.value FROM metrics m "
            "JOIN (SELECT key, MAX(step) AS step FROM metrics WHERE run_id = ? GROUP BY key) last "
            "ON m.key = last.key AND m.step = last.step WHERE m.run_id = ? ORDER BY m.key",
            (run_id, run_id))}
        artifacts = [dict(r) for r in conn.execute(
            "SELECT name, path, size FROM artifacts WHERE run_id = ? ORDER BY name", (run_id,))]
        return {"id": run_id, "experiment": row["experiment"], "name": row["name"],
                "status": row["status"], "git_commit": row["git_commit"],
                "started_at": row["started_at"], "ended_at": row["ended_at"],
                "params": params, "metrics": metrics, "artifacts": artifacts}

    def get_run(self, run_id: int) -> dict[str, Any]:
        with self._read() as conn:
            row = conn.execute("SELECT * FROM runs WHERE id = ?", (run_id,)).fetchone()
            if row is None:
                raise RunNotFound(run_id)
            return self._run_dict(conn, row)

    def list_runs(self, experiment: Optional[str] = None) -> list[dict[str, Any]]:
        with self._read() as conn:
            if experiment is None:
                rows = conn.execute("SELECT * FROM runs ORDER BY id").fetchall()
            else:
                rows = conn.execute("SELECT * FROM runs WHERE experiment = ? ORDER BY id",
                                    (experiment,)).fetchall()
            return [self._run_dict(conn, row) for row in rows]

    def metric_history(self, run_id: int, key: str) -> list[dict[str, Any]]:
        with self._read() as conn:
            self._require_run(conn, run_id)
            return [{"step": r["step"], "value": r["value"]} for r in conn.execute(
                "SELECT step, value FROM metrics WHERE run_id = ? AND key = ? ORDER BY step",
                (run_id, key))]
