"""Prometheus metrics of the API (milestone 3).

Every app gets its own ``CollectorRegistry`` (so tests, and several apps in one process, never
collide). The names below are the contract with the Grafana dashboard and the alert rules:
change them here and there together.
"""
from __future__ import annotations

from typing import Optional

from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Histogram, generate_latest

# prometheus_client appends "_total" to counters: REQUESTS is scraped as mlapi_http_requests_total.
REQUESTS = "mlapi_http_requests"
LATENCY = "mlapi_http_request_duration_seconds"
PREDICTIONS = "mlapi_predictions"
ERRORS = "mlapi_errors"
LATENCY_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0)
UNMATCHED_ROUTE = "unmatched"


class Metrics:
    """The four series the dashboard shows."""

    content_type = CONTENT_TYPE_LATEST

    def __init__(self, registry: Optional[CollectorRegistry] = None):
        self.registry = registry if registry is not None else CollectorRegistry()
        self.requests = Counter(
            REQUESTS, "HTTP requests by method, route template and status code",
            ["method", "route", "status"], registry=self.registry,
        )
        self.latency = Histogram(
            LATENCY, "Time to answer an HTTP request, in seconds",
            ["method", "route"], buckets=LATENCY_BUCKETS, registry=self.registry,
        )
        self.predictions = Counter(
            PREDICTIONS, "Predictions served, by model version and predicted class",
            ["model_version", "label"], registry=self.registry,
        )
        self.errors = Counter(
            ERRORS, "Requests that failed, by route and kind (validation or server)",
            ["route", "kind"], registry=self.registry,
        )

    def observe_request(self, method: str, route: str, status: int, seconds: float) -> None:
        self.requests.labels(method=method, route=route, status=str(status)).inc()
        self.latency.labels(method=method, route=route).observe(seconds)

    def count_prediction(self, model_version: str, label: str) -> None:
        self.predictions.labels(model_version=model_version, label=label).inc()

    def count_error(self, route: str, kind: str) -> None:
        self.errors.labels(route=route, kind=kind).inc()

    def exposition(self) -> bytes:
        """The text format Prometheus scrapes."""
        return generate_latest(self.registry)
