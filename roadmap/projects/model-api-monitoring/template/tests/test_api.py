"""Milestone 2: a FastAPI app that validates its input and serves the model."""
import math

from fastapi.testclient import TestClient

from mlapi.app import create_app
from tests.helpers import CLASSES, FLOWER, StubVersion, body


def test_health_and_model_cards():
    v1, v2 = StubVersion("v1"), StubVersion("v2")
    client = TestClient(create_app({"v1": v1, "v2": v2}))
    r = client.get("/health")
    assert r.status_code == 200 and r.json().get("status") == "ok", f"GET /health: {r.status_code} {r.text}"
    assert sorted(r.json().get("versions", [])) == ["v1", "v2"], "/health lists the loaded versions"
    r = client.get("/models/v2")
    assert r.status_code == 200 and r.json() == v2.card(), f"GET /models/v2 must answer that version's card, got {r.text}"
    r = client.get("/models/v9")
    assert r.status_code == 404, f"an unknown version is a 404, got {r.status_code}"


def test_predict_answers_with_the_model():
    model = StubVersion("v1", probabilities=(0.1, 0.7, 0.2))
    client = TestClient(create_app({"v1": model}))
    r = client.post("/predict", json=body("alice"))
    assert r.status_code == 200, f"a valid request must get 200, got {r.status_code}: {r.text}"
    out = r.json()
    assert out.get("model_version") == "v1" and out.get("label") == "versicolor", out
    assert set(out.get("probabilities", {})) == set(CLASSES), out
    assert math.isclose(out["probabilities"]["versicolor"], 0.7), out
    assert isinstance(out.get("request_id"), str) and out["request_id"], "the response carries its request id"
    assert model.calls == 1, "the model must be called exactly once per request"
    frame = model.frames[0]
    assert len(frame) == 1 and set(frame.columns) == set(FLOWER), f"the model gets a one-row frame, got {list(frame.columns)}"
    assert all(math.isclose(frame[k].iloc[0], v) for k, v in FLOWER.items()), "the frame holds the values sent"


def test_bad_input_gets_422_with_clear_message():
    model = StubVersion("v1")
    client = TestClient(create_app({"v1": model}))
    no_feature = body()
    del no_feature["features"]["petal_width"]
    no_user = body()
    del no_user["user_id"]
    cases = {
        "negative length": (body(petal_length=-1.0), "features.petal_length"),
        "zero width": (body(sepal_width=0), "features.sepal_width"),
        "absurdly large": (body(sepal_length=1e6), "features.sepal_length"),
        "not a number (NaN)": (body(petal_width=float("nan")), "features.petal_width"),
        "text for a number": (body(sepal_length="long"), "features.sepal_length"),
        "missing feature": (no_feature, "features.petal_width"),
        "unknown field": (dict(body(), colour="blue"), "colour"),
        "unknown feature": (body(stem_length=3.0), "features.stem_length"),
        "missing user id": (no_user, "user_id"),
        "empty user id": (body(user_id=""), "user_id"),
    }
    for label, (payload, field) in cases.items():
        r = client.post("/predict", json=payload)
        assert r.status_code == 422, f"{label}: expected 422, got {r.status_code} {r.text}"
        out = r.json()
        assert field in out.get("fields", []), (
            f"{label}: the 422 body must list the bad field as {field!r} in 'fields', got {out}"
        )
        message = out.get("message", "")
        assert isinstance(message, str) and field in message, (
            f"{label}: 'message' must say in words what is wrong with {field!r}, got {message!r}"
        )
    assert model.calls == 0, "invalid input must be rejected before it reaches the model"
