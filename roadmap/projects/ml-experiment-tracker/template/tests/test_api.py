"""Milestone 3: the REST API (tested in-process with FastAPI's TestClient)."""

from fastapi.testclient import TestClient

from tracker.api import create_app
from tracker.client import Tracker


def client_for(tmp_path):
    return TestClient(create_app(tmp_path / "runs.db"))


def check(response, status, what):
    assert response.status_code == status, (
        f"{what}: expected HTTP {status}, got {response.status_code} {response.text[:200]}")
    return response.json()


def test_api_round_trip(tmp_path):
    api = client_for(tmp_path)
    run = check(api.post("/api/runs", json={"name": "api-run", "experiment": "web",
                                            "params": {"lr": 0.05}}), 201, "POST /api/runs")
    run_id = run["id"]
    assert run["name"] == "api-run" and run["status"] == "running" and run["params"] == {"lr": 0.05}

    check(api.post(f"/api/runs/{run_id}/params", json={"params": {"epochs": 3, "opt": "adam"}}),
          200, "POST params")
    logged = [check(api.post(f"/api/runs/{run_id}/metrics", json={"key": "loss", "value": v}),
                    201, "POST metrics") for v in (0.8, 0.5, 0.3)]
    assert [m["step"] for m in logged] == [0, 1, 2], f"the API should fill in the steps, got {logged}"
    assert logged[0] == {"key": "loss", "step": 0, "value": 0.8}
    check(api.post(f"/api/runs/{run_id}/metrics", json={"key": "acc", "value": 0.9, "step": 7}),
          201, "POST metric with a step")
    finished = check(api.post(f"/api/runs/{run_id}/status", json={"status": "finished"}),
                     200, "POST status")
    assert finished["status"] == "finished" and finished["ended_at"] is not None

    got = check(api.get(f"/api/runs/{run_id}"), 200, "GET run")
    assert got["params"] == {"lr": 0.05, "epochs": 3, "opt": "adam"}
    assert got["metrics"] == {"loss": 0.3, "acc": 0.9}
    history = check(api.get(f"/api/runs/{run_id}/metrics/loss"), 200, "GET metric history")
    assert history == [{"step": 0, "value": 0.8}, {"step": 1, "value": 0.5},
                       {"step": 2, "value": 0.3}]

    check(api.post("/api/runs", json={"name": "other"}), 201, "POST /api/runs with defaults")
    everything = check(api.get("/api/runs"), 200, "GET /api/runs")
    assert [r["name"] for r in everything] == ["api-run", "other"]
    assert everything[1]["experiment"] == "default", "experiment defaults to 'default'"
    only_web = check(api.get("/api/runs", params={"experiment": "web"}), 200, "GET ?experiment=")
    assert [r["id"] for r in only_web] == [run_id]


def test_api_unknown_run_is_404(tmp_path):
    api = client_for(tmp_path)
    requests = [
        ("GET", "/api/runs/41", None),
        ("POST", "/api/runs/41/params", {"params": {"a": 1}}),
        ("POST", "/api/runs/41/metrics", {"key": "loss", "value": 1.0}),
        ("GET", "/api/runs/41/metrics/loss", None),
        ("POST", "/api/runs/41/status", {"status": "finished"}),
    ]
    for method, url, body in requests:
        response = api.request(method, url, json=body)
        assert response.status_code == 404, f"{method} {url} should be 404, got {response.status_code}"
        assert "41" in response.json().get("detail", ""), "the 404 detail should name the run"
    # 404 only means "no such run" if the routes exist: check one works.
    check(api.post("/api/runs", json={"name": "exists"}), 201, "POST /api/runs")


def test_api_rejects_bad_input(tmp_path):
    api = client_for(tmp_path)
    run_id = check(api.post("/api/runs", json={"name": "strict"}), 201, "POST /api/runs")["id"]
    bad = [
        ("/api/runs", {"experiment": "no-name"}, "a run without a name"),
        (f"/api/runs/{run_id}/metrics", {"key": "loss", "value": "high"}, "a non-numeric metric"),
        (f"/api/runs/{run_id}/metrics", {"value": 1.0}, "a metric without a key"),
        (f"/api/runs/{run_id}/status", {"status": "exploded"}, "an unknown status"),
    ]
    for url, body, what in bad:
        response = api.post(url, json=body)
        assert response.status_code == 422, f"{what} should be rejected with 422, got {response.status_code}"
    assert check(api.get(f"/api/runs/{run_id}"), 200, "GET run")["status"] == "running"


def test_api_shows_runs_logged_by_the_client(tmp_path):
    tracker = Tracker(tmp_path / "runs.db")
    with tracker.start_run("from-python", experiment="mixed", params={"seed": 1}) as run:
        run.log_metric("loss", 0.25)
    api = client_for(tmp_path)
    got = check(api.get(f"/api/runs/{run.id}"), 200, "GET a run logged by the Python client")
    assert got["status"] == "finished" and got["params"] == {"seed": 1} and got["metrics"] == {"loss": 0.25}
