"""Milestone 1: the SQLite store."""

import json
import sqlite3
import time
from contextlib import closing

import pytest

from tracker.store import RunNotFound, Store


def test_run_round_trip(tmp_path):
    db = tmp_path / "runs.db"
    store = Store(db)
    before = time.time()
    run_id = store.create_run("mnist", "baseline", git_commit="a" * 40)
    params = {"lr": 0.01, "optimizer": "adam", "layers": [64, 32], "dropout": None, "use_bn": True}
    for key, value in params.items():
        store.log_param(run_id, key, value)
    for step, loss in enumerate([0.9, 0.5, 0.4]):
        store.log_metric(run_id, "loss", loss, step=step)
    store.log_metric(run_id, "accuracy", 0.8, step=0)

    run = Store(db).get_run(run_id)  # a new Store on the same file sees everything
    assert isinstance(run_id, int) and run["id"] == run_id
    expected_keys = {"id", "experiment", "name", "status", "git_commit", "started_at", "ended_at",
                     "params", "metrics", "artifacts"}
    assert set(run) == expected_keys, f"get_run should return exactly the keys {sorted(expected_keys)}"
    assert (run["experiment"], run["name"], run["status"]) == ("mnist", "baseline", "running"), (
        f"a new run is 'running'; got {run['experiment']!r}, {run['name']!r}, {run['status']!r}")
    assert run["git_commit"] == "a" * 40
    assert before - 1 <= run["started_at"] <= time.time() + 1, "started_at should be time.time()"
    assert run["ended_at"] is None
    assert run["params"] == params, (
        f"params must come back with their types (store them as JSON): got {run['params']}")
    assert run["metrics"] == {"loss": 0.4, "accuracy": 0.8}, (
        f"metrics should hold the value at the highest step of each key, got {run['metrics']}")
    assert run["artifacts"] == []

    # The data really is in the SQLite file, in the given schema (another tool can read it).
    with closing(sqlite3.connect(db)) as raw:
        tables = {row[0] for row in raw.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        assert {"runs", "params", "metrics", "artifacts"} <= tables, (
            f"{db.name} should be an SQLite database with the tables of SCHEMA; found {sorted(tables)}")
        assert raw.execute("SELECT experiment, name, status, git_commit FROM runs WHERE id = ?",
                           (run_id,)).fetchone() == ("mnist", "baseline", "running", "a" * 40)
        stored = dict(raw.execute("SELECT key, value FROM params WHERE run_id = ?", (run_id,)))
        assert {key: json.loads(text) for key, text in stored.items()} == params, (
            "the params table should hold each value as JSON text")
        assert raw.execute("SELECT step, value FROM metrics WHERE run_id = ? AND key = 'loss' "
                           "ORDER BY step", (run_id,)).fetchall() == [(0, 0.9), (1, 0.5), (2, 0.4)], (
            "the metrics table should hold one row per (run, key, step)")


def test_metric_history_steps(tmp_path):
    store = Store(tmp_path / "runs.db")
    run_id = store.create_run("exp", "steps")
    for step, value in [(2, 0.3), (0, 0.9), (1, 0.5)]:
        store.log_metric(run_id, "loss", value, step=step)
    assert store.metric_history(run_id, "loss") == [
        {"step": 0, "value": 0.9}, {"step": 1, "value": 0.5}, {"step": 2, "value": 0.3}], (
        "metric_history should list {'step', 'value'} dicts ordered by step")
    assert store.log_metric(run_id, "loss", 0.2) == 3, "step=None should continue after the last step"
    assert store.log_metric(run_id, "lr", 0.1) == 0, "the first auto step of a new key is 0"
    store.log_metric(run_id, "loss", 0.55, step=1)  # logging a step again replaces it
    assert [p["value"] for p in store.metric_history(run_id, "loss")] == [0.9, 0.55, 0.3, 0.2]
    store.log_metric(run_id, "loss", 0.95, step=0)
    assert store.get_run(run_id)["metrics"]["loss"] == 0.2, (
        "the latest value is the one at the highest step, not the one logged last")
    assert store.metric_history(run_id, "missing") == []


def test_status_and_listing(tmp_path):
    store = Store(tmp_path / "runs.db")
    a1 = store.create_run("a", "first")
    b1 = store.create_run("b", "second")
    a2 = store.create_run("a", "third")
    store.set_status(a1, "finished")
    store.set_status(b1, "failed")
    runs = {r["id"]: r for r in store.list_runs()}
    assert list(runs) == [a1, b1, a2], "list_runs() should return every run, ordered by id"
    assert runs[a1]["status"] == "finished" and runs[a1]["ended_at"] >= runs[a1]["started_at"], (
        "finishing a run sets ended_at")
    assert runs[b1]["status"] == "failed" and runs[b1]["ended_at"] is not None
    assert runs[a2]["ended_at"] is None
    assert [r["name"] for r in store.list_runs("a")] == ["first", "third"], "filter by experiment"
    assert store.list_runs("nope") == []
    with pytest.raises(ValueError):
        store.set_status(a2, "exploded")


def test_unknown_run_raises(tmp_path):
    store = Store(tmp_path / "runs.db")
    store.create_run("exp", "only")
    calls = {
        "get_run": lambda: store.get_run(999),
        "log_param": lambda: store.log_param(999, "lr", 0.1),
        "log_metric": lambda: store.log_metric(999, "loss", 0.1),
        "set_status": lambda: store.set_status(999, "finished"),
        "metric_history": lambda: store.metric_history(999, "loss"),
        "log_artifact": lambda: store.log_artifact(999, "m.bin", "/tmp/m.bin", 3),
    }
    for name, call in calls.items():
        with pytest.raises(RunNotFound):
            call()
    assert issubclass(RunNotFound, KeyError)
