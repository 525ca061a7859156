"""Milestone 4: structured JSON logs with request ids, and clean error answers."""
import io
import json
from datetime import datetime

from fastapi.testclient import TestClient

from mlapi.app import create_app
from tests.helpers import StubVersion, body, json_logger


def lines(stream):
    out = []
    for raw in stream.getvalue().splitlines():
        if raw.strip():
            try:
                out.append(json.loads(raw))
            except ValueError:
                raise AssertionError(f"every log line must be one JSON object, got {raw!r}")
    return out


def test_every_request_logs_one_json_line_with_its_id():
    stream = io.StringIO()
    logger = json_logger(stream)
    model = StubVersion("v1", log_to=logger.name + ".model")
    client = TestClient(create_app({"v1": model}, logger=logger))

    r = client.post("/predict", json=body(), headers={"X-Request-ID": "req-abc-123"})
    assert r.status_code == 200
    assert r.headers.get("x-request-id") == "req-abc-123", "echo the caller's X-Request-ID"
    assert r.json()["request_id"] == "req-abc-123"
    r1, r2 = client.get("/health"), client.get("/health")
    ids = [r1.headers.get("x-request-id"), r2.headers.get("x-request-id")]
    assert all(ids) and ids[0] != ids[1], f"without the header, each request gets a fresh id, got {ids}"

    entries = lines(stream)
    for e in entries:
        for key in ("ts", "level", "logger", "message", "request_id"):
            assert key in e, f"log line without {key!r}: {e}"
        datetime.fromisoformat(e["ts"])
    access = [e for e in entries if e["message"] == "request"]
    assert len(access) == 3, f"one access line ('request') per request, got {len(access)}"
    first = [e for e in access if e["request_id"] == "req-abc-123"]
    assert len(first) == 1, "the access line carries the request id"
    a = first[0]
    assert (a.get("method"), a.get("route"), a.get("status")) == ("POST", "/predict", 200), a
    assert isinstance(a.get("latency_ms"), (int, float)) and a["latency_ms"] >= 0, a
    assert {e["request_id"] for e in access} == {"req-abc-123", *ids}
    scoring = [e for e in entries if e["message"] == "scoring"]
    assert len(scoring) == 1 and scoring[0]["request_id"] == "req-abc-123" and scoring[0].get("rows") == 1, (
        "a line logged deep inside the model while serving a request carries that request's id too "
        f"(a ContextVar does this), got {scoring}"
    )


def test_server_error_is_logged_and_answered_with_request_id():
    stream = io.StringIO()
    logger = json_logger(stream)
    client = TestClient(create_app({"v1": StubVersion("v1", fail_every=1)}, logger=logger))
    r = client.post("/predict", json=body(), headers={"X-Request-ID": "req-boom"})
    assert r.status_code == 500, f"got {r.status_code}"
    out = r.json()
    assert out.get("request_id") == "req-boom" and r.headers.get("x-request-id") == "req-boom", out
    assert "Traceback" not in r.text and "stub model failure" not in r.text, "never send a traceback to the client"
    entries = [e for e in lines(stream) if e.get("request_id") == "req-boom"]
    errors = [e for e in entries if e["level"] == "ERROR"]
    assert errors and "RuntimeError" in errors[0].get("exc", ""), (
        f"log the failure at ERROR level with its traceback under 'exc', got {entries}"
    )
    assert any(e["message"] == "request" and e.get("status") == 500 for e in entries), "the access line says 500"

    r = client.post("/predict", json=body(petal_length=0), headers={"X-Request-ID": "req-bad"})
    assert r.status_code == 422 and r.json().get("request_id") == "req-bad", "a 422 body carries the request id too"
