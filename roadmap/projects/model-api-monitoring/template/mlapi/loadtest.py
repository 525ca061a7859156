"""A small load tester (milestone 6): ``python -m mlapi loadtest --url http://127.0.0.1:8000``.

It sends a fixed list of requests from a few concurrent workers, times each one on the client
side, and reports what an SLO is written in: the error count and the latency percentiles.
Client-side latency includes the network and queueing, so it is never below what the server's
own histogram measured.
"""
from __future__ import annotations

import json
import threading  # noqa: F401
import time  # noqa: F401
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Dict, List, Sequence

import numpy as np  # noqa: F401


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
    """POST every body in ``bodies`` to ``base_url + path`` from ``concurrency`` threads.

    TODO:
    - start ``concurrency`` worker threads, each with its own ``httpx.Client(timeout=...)``,
      that take the next body from a shared queue until none is left;
    - time each request on the client (``time.perf_counter``) in milliseconds;
    - a request is an error when it raises (connection refused, timeout: record status 0) or
      its status is not 2xx, and its latency counts either way;
    - ``status_counts`` maps each status code to how many requests got it;
    - p50/p95/p99 are percentiles of ``latencies_ms`` (numpy's default interpolation);
      ``requests_per_s`` is ``n_requests / duration_s`` over the whole run.
    """
    raise NotImplementedError("TODO: run_load_test")
