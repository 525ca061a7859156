"""Prometheus metrics of the API (milestone 3).

Every app gets its own ``CollectorRegistry`` (so tests, and several apps in one process, never
collide). The names below are the contract with the Grafana dashboard and the alert rules:
change them here and there together.
"""
from __future__ import annotations

from typing import Optional

from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Histogram, generate_latest  # noqa: F401

# prometheus_client appends "_total" to counters: REQUESTS is scraped as mlapi_http_requests_total.
REQUESTS = "mlapi_http_requests"
LATENCY = "mlapi_http_request_duration_seconds"
PREDICTIONS = "mlapi_predictions"
ERRORS = "mlapi_errors"
LATENCY_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0)
UNMATCHED_ROUTE = "unmatched"


class Metrics:
    """The four series the dashboard shows.

    TODO: in ``__init__``, create in ``self.registry``:
    - a Counter REQUESTS with labels method, route, status;
    - a Histogram LATENCY with labels method, route and the buckets LATENCY_BUCKETS;
    - a Counter PREDICTIONS with labels model_version, label;
    - a Counter ERRORS with labels route, kind ("validation" or "server").
    Then fill in the three methods below.
    """

    content_type = CONTENT_TYPE_LATEST

    def __init__(self, registry: Optional[CollectorRegistry] = None):
        self.registry = registry if registry is not None else CollectorRegistry()
        # TODO: create the four metrics here.

    def observe_request(self, method: str, route: str, status: int, seconds: float) -> None:
        # TODO: count the request and observe its duration.
        pass

    def count_prediction(self, model_version: str, label: str) -> None:
        # TODO
        pass

    def count_error(self, route: str, kind: str) -> None:
        # TODO
        pass

    def exposition(self) -> bytes:
        """The text format Prometheus scrapes."""
        return generate_latest(self.registry)
