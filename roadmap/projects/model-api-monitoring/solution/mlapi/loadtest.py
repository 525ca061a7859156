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
    """POST every body in ``bodies`` to ``base_url + path`` from ``concurrency`` threads.

    A request is an error when it raises (connection refused, timeout) or its status is not 2xx;
    its latency counts either way. Status code 0 stands for "no response".
    """
    import httpx

    if concurrency < 1:
        raise ValueError("concurrency must be at least 1")
    url = base_url.rstrip("/") + path
    latencies: List[Optional[float]] = [None] * len(bodies)
    statuses: List[int] = [0] * len(bodies)
    next_index = iter(range(len(bodies)))
    lock = threading.Lock()

    def worker() -> None:
        with httpx.Client(timeout=timeout) as client:
            while True:
                with lock:
                    i = next(next_index, None)
                if i is None:
                    return
                started = time.perf_counter()
                try:
                    statuses[i] = client.post(url, json=bodies[i]).status_code
                except httpx.HTTPError:
                    statuses[i] = 0
                latencies[i] = (time.perf_counter() - started) * 1000.0

    wall = time.perf_counter()
    threads = [threading.Thread(target=worker, daemon=True) for _ in range(min(concurrency, max(1, len(bodies))))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    duration = time.perf_counter() - wall

    values = [float(v) for v in latencies if v is not None]
    counts: Dict[int, int] = {}
    for status in statuses:
        counts[status] = counts.get(status, 0) + 1
    errors = sum(n for status, n in counts.items() if not 200 <= status < 300)
    p50, p95, p99 = (float(np.percentile(values, q)) if values else float("nan") for q in (50, 95, 99))
    return LoadTestReport(
        n_requests=len(bodies), n_errors=errors, status_counts=counts, latencies_ms=values,
        p50_ms=p50, p95_ms=p95, p99_ms=p99, duration_s=duration,
        requests_per_s=len(bodies) / duration if duration > 0 else float("nan"),
    )
