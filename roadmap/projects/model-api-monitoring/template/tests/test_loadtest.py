"""Milestone 6: a load test against a real uvicorn server on 127.0.0.1."""
import httpx
import numpy as np
import pytest

from mlapi.ab import StaticRouter
from mlapi.app import create_app
from mlapi.data import example_requests
from tests.helpers import StubVersion, closed_port_url, value

LAT = "mlapi_http_request_duration_seconds"


def test_load_test_against_live_server(live_server):
    from mlapi.loadtest import run_load_test

    model = StubVersion("v1", sleep=0.01)
    url = live_server(create_app({"v1": model}, router=StaticRouter("v1")))
    bodies = example_requests(120, seed=3, prefix="load")
    report = run_load_test(url, bodies, concurrency=4)

    assert report.n_requests == 120 and report.n_errors == 0, report.summary()
    assert report.status_counts == {200: 120}, report.status_counts
    lat = np.asarray(report.latencies_ms, dtype=float)
    assert lat.shape == (120,) and (lat > 0).all(), "one positive client-side latency per request"
    for q, got in ((50, report.p50_ms), (95, report.p95_ms), (99, report.p99_ms)):
        assert got == pytest.approx(np.percentile(lat, q), rel=1e-6), f"p{q} must be the {q}th percentile of latencies_ms"
    assert report.p50_ms <= report.p95_ms <= report.p99_ms <= lat.max()
    assert report.requests_per_s == pytest.approx(120 / report.duration_s, rel=1e-3)

    # What the server saw: exactly these 120 requests, each at least as fast as the client measured.
    text = httpx.get(url + "/metrics").text
    assert value(text, LAT + "_count", route="/predict") == 120, "the server must have received every request"
    server_seconds = value(text, LAT + "_sum", route="/predict")
    assert lat.sum() / 1000.0 >= server_seconds, "client latency includes the server's time, so it cannot be smaller"
    assert lat.min() >= 10.0, "each request waited for the 10 ms model: latencies must be measured, not made up"
    sent = sorted(b["features"]["sepal_length"] for b in bodies)
    received = sorted(float(f["sepal_length"].iloc[0]) for f in model.frames)
    assert received == pytest.approx(sent), "the load test must send the bodies it was given"
    assert model.max_in_flight >= 2, "with concurrency=4, requests must overlap"


def test_load_test_counts_server_errors(live_server):
    from mlapi.loadtest import run_load_test

    flaky = StubVersion("v1", fail_every=5)
    url = live_server(create_app({"v1": flaky}))
    bodies = example_requests(60, seed=4, prefix="flaky")
    bodies += [{"user_id": "bad", "features": {"sepal_length": -1.0}}] * 3
    report = run_load_test(url, bodies, concurrency=3)
    assert report.n_requests == 63
    assert report.status_counts == {200: 48, 500: 12, 422: 3}, report.status_counts
    assert report.n_errors == 15, "every non-2xx answer is an error"

    down = run_load_test(closed_port_url(), example_requests(3, seed=5), concurrency=2, timeout=2.0)
    assert down.n_errors == 3 and down.status_counts == {0: 3}, (
        "a request that gets no answer (connection refused) is an error with status 0, not a crash"
    )
