"""Milestone 3: Prometheus metrics that really follow the traffic."""
from fastapi.testclient import TestClient

from mlapi.app import create_app
from mlapi.metrics import LATENCY_BUCKETS
from tests.helpers import StubVersion, body, families, samples, value

REQ = "mlapi_http_requests_total"
LAT = "mlapi_http_request_duration_seconds"
PRED = "mlapi_predictions_total"
ERR = "mlapi_errors_total"


def scrape(client):
    r = client.get("/metrics")
    assert r.status_code == 200, f"GET /metrics: {r.status_code}"
    return r


def test_metrics_endpoint_exposes_every_series():
    client = TestClient(create_app({"v1": StubVersion("v1")}))
    client.post("/predict", json=body())
    client.post("/predict", json=body(petal_length=-1))
    r = scrape(client)
    assert r.headers["content-type"].startswith("text/plain"), "Prometheus expects its text format"
    fams = families(r.text)
    expected = {
        "mlapi_http_requests": ("counter", {"method", "route", "status"}),
        LAT: ("histogram", {"method", "route"}),
        "mlapi_predictions": ("counter", {"model_version", "label"}),
        "mlapi_errors": ("counter", {"route", "kind"}),
    }
    for name, (kind, labels) in expected.items():
        assert name in fams, f"/metrics has no {name} family; it has {sorted(fams)}"
        assert fams[name].type == kind, f"{name} must be a {kind}, it is a {fams[name].type}"
        seen = set().union(*(set(s.labels) for s in fams[name].samples)) - {"le"}
        assert seen == labels, f"{name} must have exactly the labels {sorted(labels)}, has {sorted(seen)}"
    les = sorted({float(s.labels["le"]) for s in fams[LAT].samples if s.name == LAT + "_bucket"})
    assert les == sorted(list(LATENCY_BUCKETS) + [float("inf")]), f"use LATENCY_BUCKETS for the histogram, got {les}"


def test_histogram_moves_with_traffic():
    client = TestClient(create_app({"v1": StubVersion("v1")}))
    for _ in range(7):
        assert client.post("/predict", json=body()).status_code == 200
    for _ in range(2):
        client.post("/predict", json=body(sepal_width=-2))
    text = scrape(client).text
    assert value(text, LAT + "_count", route="/predict") == 9, "every /predict request is observed once"
    assert value(text, REQ, route="/predict", status="200") == 7
    assert value(text, REQ, route="/predict", status="422") == 2
    assert value(text, PRED, model_version="v1", label="setosa") == 7, "predictions are counted by version and class"
    buckets = sorted((float(lab["le"]), v) for n, lab, v in samples(text)
                     if n == LAT + "_bucket" and lab.get("route") == "/predict")
    counts = [v for _, v in buckets]
    assert counts == sorted(counts) and counts[-1] == 9, f"buckets are cumulative and +Inf equals the count: {buckets}"

    for _ in range(5):
        client.post("/predict", json=body())
    text = scrape(client).text
    assert value(text, LAT + "_count", route="/predict") == 14, "the histogram must keep moving with traffic"
    assert value(text, PRED, label="setosa") == 12

    # A model that takes 30 ms: the histogram must see those 30 ms.
    slow = TestClient(create_app({"v1": StubVersion("v1", sleep=0.03)}))
    for _ in range(3):
        slow.post("/predict", json=body())
    text = scrape(slow).text
    assert value(text, LAT + "_sum", route="/predict") >= 0.09, "observe the real duration of each request"
    assert value(text, LAT + "_bucket", route="/predict", le="0.025") == 0, "a 30 ms request is not in the 25 ms bucket"
    assert value(text, LAT + "_bucket", route="/predict", le="+Inf") == 3


def test_route_labels_are_templates():
    client = TestClient(create_app({"v1": StubVersion("v1"), "v2": StubVersion("v2")}))
    client.get("/models/v1")
    client.get("/models/v2")
    client.get("/models/nope")
    client.get("/no/such/page")
    text = scrape(client).text
    assert value(text, REQ, route="/models/{version}", status="200") == 2, (
        "label requests with the route template /models/{version}, not the raw path"
    )
    assert value(text, REQ, route="/models/{version}", status="404") == 1
    assert value(text, REQ, route="unmatched", status="404") == 1, "a path no route matches is labelled 'unmatched'"
    routes = {lab.get("route") for n, lab, v in samples(text) if n.startswith("mlapi_")} - {None}
    assert not any(r in ("/models/v1", "/models/v2", "/models/nope", "/no/such/page") for r in routes), (
        f"raw paths as label values explode the number of series: {sorted(routes)}"
    )


def test_errors_are_counted_by_kind():
    client = TestClient(create_app({"v1": StubVersion("v1", fail_every=1)}))
    client.post("/predict", json=body(petal_width=-1))
    client.post("/predict", json={"user_id": "x"})
    r = client.post("/predict", json=body())
    assert r.status_code == 500, f"a model that raises must give a 500, got {r.status_code}"
    text = scrape(client).text
    assert value(text, ERR, route="/predict", kind="validation") == 2
    assert value(text, ERR, route="/predict", kind="server") == 1
    assert value(text, REQ, route="/predict", status="500") == 1
    assert value(text, PRED) == 0, "a failed request is not a served prediction"
