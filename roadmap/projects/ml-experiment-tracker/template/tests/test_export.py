"""Milestone 4 (part 2): exports match what is stored."""

import csv
import io
import json

from fastapi.testclient import TestClient

from tests.helpers import populate
from tracker.api import create_app
from tracker.export import export_csv, export_json
from tracker.store import Store


def test_export_json_matches_store(tmp_path):
    store = Store(tmp_path / "runs.db")
    populate(store)
    path = export_json(store, tmp_path / "out" / "runs.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert set(data) >= {"exported_at", "runs"}
    stored = store.list_runs()
    assert [r["id"] for r in data["runs"]] == [r["id"] for r in stored], "export every run, by id"
    for exported, run in zip(data["runs"], stored):
        for key in ("experiment", "name", "status", "git_commit", "started_at", "ended_at",
                    "params", "artifacts"):
            assert exported[key] == run[key], f"run {run['id']}: {key} differs from the store"
        assert set(exported["metrics"]) == set(run["metrics"])
        for key in run["metrics"]:
            assert exported["metrics"][key] == store.metric_history(run["id"], key), (
                f"run {run['id']}: metrics[{key!r}] should be the full history")
    only = json.loads(export_json(store, tmp_path / "cnn.json", experiment="cnn").read_text())
    assert [r["experiment"] for r in only["runs"]] == ["cnn", "cnn"]


def test_export_csv_matches_store(tmp_path):
    store = Store(tmp_path / "runs.db")
    populate(store)
    path = export_csv(store, tmp_path / "runs.csv")
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    header = list(rows[0])
    assert header == ["run_id", "experiment", "name", "status", "git_commit", "started_at",
                      "ended_at", "param.layers", "param.lr", "param.max_depth", "param.optimizer",
                      "metric.accuracy", "metric.loss"], f"unexpected columns {header}"
    stored = store.list_runs()
    assert len(rows) == len(stored)
    for row, run in zip(rows, stored):
        assert int(row["run_id"]) == run["id"] and row["name"] == run["name"]
        assert row["status"] == run["status"] and row["git_commit"] == (run["git_commit"] or "")
        assert float(row["started_at"]) == run["started_at"], "write floats with repr() to keep them exact"
        assert row["ended_at"] == ("" if run["ended_at"] is None else repr(run["ended_at"]))
        for key in ("layers", "lr", "max_depth", "optimizer"):
            value = run["params"].get(key)
            expected = "" if value is None else value if isinstance(value, str) else json.dumps(value)
            assert row[f"param.{key}"] == expected, f"run {run['id']} param {key}: {row[f'param.{key}']!r}"
        for key in ("accuracy", "loss"):
            cell = row[f"metric.{key}"]
            if key in run["metrics"]:
                assert float(cell) == run["metrics"][key], f"run {run['id']} metric {key}: {cell!r}"
            else:
                assert cell == "", f"run {run['id']} has no {key}: the cell should be empty"


def test_export_endpoint(tmp_path):
    store = Store(tmp_path / "runs.db")
    populate(store)
    api = TestClient(create_app(tmp_path / "runs.db"))
    as_csv = api.get("/api/export", params={"format": "csv"})
    assert as_csv.status_code == 200 and as_csv.headers["content-type"].startswith("text/csv"), (
        f"GET /api/export?format=csv should return text/csv, got {as_csv.status_code} "
        f"{as_csv.headers.get('content-type')}")
    export_csv(store, tmp_path / "runs.csv")
    assert as_csv.text == (tmp_path / "runs.csv").read_text(encoding="utf-8"), (
        "the endpoint and export_csv should produce the same CSV")
    assert len(list(csv.reader(io.StringIO(as_csv.text)))) == 4

    as_json = api.get("/api/export", params={"format": "json", "experiment": "trees"})
    assert as_json.status_code == 200
    assert [r["name"] for r in as_json.json()["runs"]] == ["tree"]
    assert api.get("/api/export", params={"format": "xml"}).status_code == 422
